#include "web/client_origin.h"

#include <vector>

namespace mdsc::web {
namespace {

// Every value of a header that may be sent several times, comma-separated, in order.
std::vector<std::string_view> list_header(const http::Request& req, std::string_view name) {
  std::vector<std::string_view> out;
  for (const auto& [k, v] : req.headers) {
    if (k != name) continue;
    std::string_view s = v;
    while (!s.empty()) {
      auto comma = s.find(',');
      auto item = s.substr(0, comma);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      out.push_back(item);
      if (comma == std::string_view::npos) break;
      s.remove_prefix(comma + 1);
    }
  }
  return out;
}

}  // namespace

ClientOrigin client_origin(const http::Request& req, const net::CidrList& trusted) {
  ClientOrigin o;
  o.address = req.remote_addr;
  auto peer = net::parse_address(req.remote_addr);
  if (peer) o.address = peer->to_string();
  if (trusted.empty() || !peer || !trusted.contains(*peer)) return o;
  o.via_proxy = true;
  auto hops = list_header(req, "x-forwarded-for");
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    auto a = net::parse_address(*it);
    if (!a) break;  // not written by one of our proxies: stop at the last address they vouch for
    o.address = a->to_string();
    if (!trusted.contains(*a)) break;
  }
  auto protos = list_header(req, "x-forwarded-proto");
  if (!protos.empty() && (protos.back() == "https" || protos.back() == "http")) o.proto = std::string(protos.back());
  return o;
}

}  // namespace mdsc::web
