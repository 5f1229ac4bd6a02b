#pragma once
// Who is on the other end of a request. Behind a load balancer the TCP peer is the balancer, so
// X-Forwarded-For / X-Forwarded-Proto name the client, but only a peer in `trusted_proxies` may say
// so: from anyone else the headers are ignored (a client can write any header it likes).
#include <string>

#include "core/ip_address.h"
#include "http/message.h"

namespace mdsc::web {

struct ClientOrigin {
  std::string address;     // the client's IP address as text
  bool via_proxy = false;  // the request came through a trusted proxy
  std::string proto;       // "http"/"https" as the trusted proxy reported it; "" otherwise
};

// X-Forwarded-For is read from the right: each trusted proxy appended the address it saw, so the
// right-most address that is not a trusted proxy is the client. Everything left of it was written
// by the client itself and is not believed.
ClientOrigin client_origin(const http::Request& req, const net::CidrList& trusted_proxies);

}  // namespace mdsc::web
