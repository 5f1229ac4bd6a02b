// The first thing a new user does: open the site, see the Japanese login page, log in, log out.
#include <gtest/gtest.h>

#include "support/http_client.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

class Smoke : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    server_->add_user("admin@example.org", {"secretariat"}, "Kanazawa-seminar-2017-pw");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static TestServer* server_;
};
TestServer* Smoke::server_ = nullptr;

TEST_F(Smoke, LoginPageIsJapaneseByDefault) {
  HttpClient c(server_->port());
  auto r = c.get("/login");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("<html lang=\"ja\">"), std::string::npos);
  EXPECT_NE(r.body.find("ログイン"), std::string::npos);
  EXPECT_NE(r.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
}

TEST_F(Smoke, LoginDashboardLogout) {
  HttpClient c(server_->port());
  ASSERT_EQ(c.login("admin@example.org", "Kanazawa-seminar-2017-pw"), 303);
  auto dash = c.get("/");
  ASSERT_EQ(dash.status, 200);
  EXPECT_NE(dash.body.find("ダッシュボード"), std::string::npos);
  auto out = c.post_form("/logout", {});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.header("location"), "/login");
  auto after = c.get("/account");
  EXPECT_EQ(after.status, 303);
  EXPECT_EQ(after.header("location").rfind("/login?next=", 0), 0u);
}

TEST_F(Smoke, EnglishThroughTheLanguageSwitch) {
  HttpClient c(server_->port());
  auto r = c.get("/login?lang=en");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(r.body.find("Log in"), std::string::npos);
  // The choice sticks for the following pages.
  auto again = c.get("/login");
  EXPECT_NE(again.body.find("<html lang=\"en\">"), std::string::npos);
}

}  // namespace
}  // namespace mdsc::testing
