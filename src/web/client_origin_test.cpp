#include "web/client_origin.h"

#include <gtest/gtest.h>

namespace mdsc::web {
namespace {

http::Request request(std::string peer, http::Headers headers) {
  http::Request r;
  r.remote_addr = std::move(peer);
  r.headers = std::move(headers);
  return r;
}

TEST(ClientOrigin, NothingFromTheHeadersIsBelievedWithoutTrustedProxies) {
  auto o = client_origin(request("198.51.100.7", {{"x-forwarded-for", "203.0.113.1"}, {"x-forwarded-proto", "https"}}),
                         net::CidrList{});
  EXPECT_EQ(o.address, "198.51.100.7");
  EXPECT_FALSE(o.via_proxy);
  EXPECT_EQ(o.proto, "");
}

TEST(ClientOrigin, NothingIsBelievedFromAPeerThatIsNotATrustedProxy) {
  auto trusted = *net::parse_cidr_list("10.0.0.0/8");
  auto o = client_origin(request("198.51.100.7", {{"x-forwarded-for", "203.0.113.1"}}), trusted);
  EXPECT_EQ(o.address, "198.51.100.7");
  EXPECT_FALSE(o.via_proxy);
}

TEST(ClientOrigin, TheRightMostUntrustedAddressIsTheClient) {
  auto trusted = *net::parse_cidr_list("10.0.0.0/8");
  // The client wrote "1.1.1.1" itself; the outer proxy 10.0.0.2 appended the client's real address,
  // the inner one 10.0.0.3 appended the outer proxy's; the peer is the inner proxy.
  auto o = client_origin(request("10.0.0.3", {{"x-forwarded-for", "1.1.1.1, 203.0.113.5, 10.0.0.2"},
                                             {"x-forwarded-proto", "https"}}),
                         trusted);
  EXPECT_TRUE(o.via_proxy);
  EXPECT_EQ(o.address, "203.0.113.5");
  EXPECT_EQ(o.proto, "https");
  // Several header lines count as one list, in order.
  auto split = client_origin(request("10.0.0.3", {{"x-forwarded-for", "1.1.1.1"}, {"x-forwarded-for", "203.0.113.6"}}),
                             trusted);
  EXPECT_EQ(split.address, "203.0.113.6");
  // Only trusted hops: the left-most of them.
  EXPECT_EQ(client_origin(request("10.0.0.3", {{"x-forwarded-for", "10.9.9.9, 10.0.0.2"}}), trusted).address,
            "10.9.9.9");
  // No header: the proxy's own address.
  EXPECT_EQ(client_origin(request("10.0.0.3", {}), trusted).address, "10.0.0.3");
  // Garbage stops the walk at the last address a proxy vouched for.
  EXPECT_EQ(client_origin(request("10.0.0.3", {{"x-forwarded-for", "203.0.113.7, garbage, 10.0.0.2"}}), trusted).address,
            "10.0.0.2");
  EXPECT_EQ(client_origin(request("::ffff:10.0.0.3", {{"x-forwarded-for", "[2001:db8::5]"}}), trusted).address,
            "2001:db8::5");
  EXPECT_EQ(client_origin(request("10.0.0.3", {{"x-forwarded-proto", "gopher"}}), trusted).proto, "");
}

}  // namespace
}  // namespace mdsc::web
