// Who the client is, against real servers: X-Forwarded-For and X-Forwarded-Proto are believed only
// from a trusted proxy, and the public forms that send mail are limited per client and per address.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "support/http_client.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

// A password-reset request for `email`, sent as a browser behind a proxy would (with the headers).
HttpResponse ask_reset(int port, const std::string& email, Headers extra = {}) {
  HttpClient c(port);
  c.get("/password-reset");
  extra.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  return c.request("POST", "/password-reset", form_encode({{"email", email}, {"_csrf", c.csrf()}}), extra);
}

constexpr int kPerAddress = 20;  // identity::kResetMailsPerAddress

TEST(ClientAddress, WithoutTrustedProxiesForwardedHeadersAreIgnored) {
  TestServer server;
  // Each request names a different client, but nobody vouches for the header: they all come from
  // the same peer, and its limit applies.
  for (int i = 0; i < kPerAddress; ++i)
    ASSERT_EQ(ask_reset(server.port(), "p" + std::to_string(i) + "@example.org",
                        {{"X-Forwarded-For", "198.51.100." + std::to_string(i)}}).status, 303) << i;
  auto refused = ask_reset(server.port(), "last@example.org", {{"X-Forwarded-For", "198.51.100.200"}});
  EXPECT_EQ(refused.status, 429);
  EXPECT_NE(refused.body.find("パスワード再設定のメールの依頼が多すぎます"), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"last@example.org\""), std::string::npos) << "the form keeps what was typed";
}

TEST(ClientAddress, ATrustedProxyNamesTheClientAndOnlyTheRightMostUntrustedAddressCounts) {
  TestServer::Options o;
  o.env["MDSC_TRUSTED_PROXIES"] = "127.0.0.1/32, 10.0.0.0/8";
  TestServer server(o);
  // Behind two proxies (10.1.2.3 and us): the client is 203.0.113.9, whatever it wrote on the left.
  for (int i = 0; i < kPerAddress; ++i)
    ASSERT_EQ(ask_reset(server.port(), "q" + std::to_string(i) + "@example.org",
                        {{"X-Forwarded-For", "192.0.2." + std::to_string(i) + ", 203.0.113.9, 10.1.2.3"}}).status,
              303) << i;
  EXPECT_EQ(ask_reset(server.port(), "q-last@example.org",
                      {{"X-Forwarded-For", "192.0.2.250, 203.0.113.9, 10.1.2.3"}}).status, 429)
      << "a forged left-most address does not make a new client";
  // Another client behind the same proxies is not held back by the first one's limit.
  EXPECT_EQ(ask_reset(server.port(), "r@example.org", {{"X-Forwarded-For", "203.0.113.10"}}).status, 303);
  // And the address a request comes from (the proxy itself) has its own count.
  EXPECT_EQ(ask_reset(server.port(), "s@example.org").status, 303);
}

TEST(ClientAddress, PlainHttpThroughATrustedProxyIsSentToHttps) {
  TestServer::Options o;
  o.env["MDSC_TRUSTED_PROXIES"] = "127.0.0.1";
  o.env["MDSC_BASE_URL"] = "https://mdsc.example.jp";
  TestServer server(o);
  HttpClient c(server.port());
  auto plain = c.get("/login?next=%2Fcourses", {{"X-Forwarded-Proto", "http"}});
  EXPECT_EQ(plain.status, 308);
  EXPECT_EQ(plain.header("location"), "https://mdsc.example.jp/login?next=%2Fcourses");
  EXPECT_TRUE(plain.headers_named("set-cookie").empty()) << "no cookie travels in clear";
  EXPECT_EQ(c.get("/login", {{"X-Forwarded-Proto", "https"}}).status, 200);

  TestServer::Options untrusted;
  untrusted.env["MDSC_BASE_URL"] = "https://mdsc.example.jp";
  TestServer direct(untrusted);
  EXPECT_EQ(HttpClient(direct.port()).get("/login", {{"X-Forwarded-Proto", "http"}}).status, 200)
      << "the header is not believed from a peer that is not a trusted proxy";
}

TEST(ClientAddress, ABadTrustedProxiesSettingStopsTheServerWithALine) {
  auto r = run_mdsc({"migrate"}, "", {{"MDSC_TRUSTED_PROXIES", "10.0.0.0/33"}, {"MDSC_DB", "sqlite::memory:"}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("TRUSTED_PROXIES"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("10.0.0.0/33"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace mdsc::testing
