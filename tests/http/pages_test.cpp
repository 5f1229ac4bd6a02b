// Pages and API behaviour users rely on: errors in their language, caching of assets, the JSON
// API's shapes, mail that leaves after a change, the secretariat's user and audit pages.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/outbox.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

constexpr const char* kAdminPw = "Kanazawa-seminar-2017-pw";

class Pages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    server_->add_user("admin@example.org", {"secretariat"}, kAdminPw);
    server_->add_user("trainee@example.org", {"trainee"}, "Red-maple-leaves-2017");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static TestServer* server_;
};
TestServer* Pages::server_ = nullptr;

TEST_F(Pages, NotFoundAndMethodNotAllowedAreTranslated) {
  HttpClient c(server_->port());
  auto ja = c.get("/no/such/page");
  EXPECT_EQ(ja.status, 404);
  EXPECT_NE(ja.body.find("ページが見つかりません"), std::string::npos);
  auto en = c.get("/no/such/page?lang=en");
  EXPECT_NE(en.body.find("Page not found"), std::string::npos);
  auto m = c.request("DELETE", "/login");
  EXPECT_EQ(m.status, 405);
  EXPECT_NE(m.header("allow").find("GET"), std::string::npos);
  auto api = c.get("/api/v1/nothing");
  EXPECT_EQ(api.status, 404);
  auto j = nlohmann::json::parse(api.body);
  EXPECT_EQ(j["error"]["code"], "not_found");
  EXPECT_TRUE(j["error"]["fields"].is_object());
}

TEST_F(Pages, AcceptLanguagePicksEnglishWhenNothingElseSays) {
  HttpClient c(server_->port());
  c.set_language_header("en-GB,en;q=0.9");
  EXPECT_NE(c.get("/login").body.find("<html lang=\"en\">"), std::string::npos);
  c.set_language_header("fr-FR,de;q=0.5");
  EXPECT_NE(c.get("/login").body.find("<html lang=\"ja\">"), std::string::npos);
}

TEST_F(Pages, StaticAssetsAreFingerprintedAndCachedForAYear) {
  HttpClient c(server_->port());
  auto page = c.get("/login");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("href=\"(/static/[0-9a-f]+/app\\.css)\"")));
  auto css = c.get(m[1]);
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  EXPECT_NE(css.header("cache-control").find("immutable"), std::string::npos);
  ASSERT_FALSE(css.header("etag").empty());
  auto again = c.get(m[1], {{"If-None-Match", css.header("etag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(c.get("/static/0/nothing.css").status, 404);
  EXPECT_EQ(c.get("/favicon.ico").status, 301);
}

TEST_F(Pages, HealthAndReadiness) {
  HttpClient c(server_->port());
  EXPECT_EQ(c.get("/healthz").status, 200);
  EXPECT_EQ(c.get("/readyz").status, 200);
  auto doc = c.get("/api/v1/openapi.json");
  EXPECT_EQ(doc.status, 200);
  EXPECT_EQ(nlohmann::json::parse(doc.body)["openapi"].get<std::string>().substr(0, 2), "3.");
}

TEST_F(Pages, FormErrorsStandBesideTheirFieldsWithTheTypedValuesKept) {
  HttpClient c(server_->port());
  ASSERT_EQ(c.login("admin@example.org", kAdminPw), 303);
  c.get("/admin/users/new");
  auto r = c.post_form("/admin/users", {{"email", "yamada@"}, {"family_name", "山田"}, {"family_name_kana", "yamada"},
                                        {"preferred_lang", "ja"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("id=\"f-email-error\""), std::string::npos);
  EXPECT_NE(r.body.find("メールアドレスの形式が正しくありません"), std::string::npos);
  EXPECT_NE(r.body.find("カタカナまたはひらがなで入力してください"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"yamada@\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"山田\""), std::string::npos);
  EXPECT_NE(r.body.find("aria-invalid=\"true\""), std::string::npos);
  auto en = c.post_form("/admin/users?lang=en", {{"email", "yamada@"}, {"family_name", ""}});
  EXPECT_NE(en.body.find("Please fill this in."), std::string::npos);
}

TEST_F(Pages, ANewUserGetsAnInvitationMailAfterTheCommitAndSetsAPassword) {
  HttpClient admin(server_->port());
  ASSERT_EQ(admin.login("admin@example.org", kAdminPw), 303);
  admin.get("/admin/users/new");
  auto r = admin.post_form("/admin/users", {{"email", "invitee@example.org"}, {"family_name", "招待"},
                                            {"given_name", "花"}, {"preferred_lang", "ja"}, {"roles", "trainee"},
                                            {"active", "1"}, {"invite", "1"}});
  ASSERT_EQ(r.status, 303) << r.body;
  auto mails = outbox_mails(server_->outbox_dir(), "To: invitee@example.org", 1);
  std::string body = mails.empty() ? "" : mails.front();
  ASSERT_FALSE(body.empty()) << "no invitation in the outbox";
  std::smatch m;
  ASSERT_TRUE(std::regex_search(body, m, std::regex("http://[^/]+(/password-reset/[A-Za-z0-9_-]+)")));
  HttpClient invitee(server_->port());
  auto form = invitee.get(m[1]);
  ASSERT_EQ(form.status, 200);
  auto weak = invitee.post_form(m[1], {{"password", "password1234"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_NE(weak.body.find("よく使われている"), std::string::npos);
  auto set = invitee.post_form(m[1], {{"password", "Morning-tea-in-Sendai-9"}});
  EXPECT_EQ(set.status, 303);
  EXPECT_EQ(invitee.get(m[1]).status, 404);  // used up
  EXPECT_EQ(invitee.login("invitee@example.org", "Morning-tea-in-Sendai-9"), 303);
  auto dash = invitee.get("/");
  EXPECT_NE(dash.body.find("招待 花"), std::string::npos);
}

TEST_F(Pages, PasswordResetAnswersTheSameForUnknownAddresses) {
  HttpClient c(server_->port());
  c.get("/password-reset");
  auto known = c.post_form("/password-reset", {{"email", "trainee@example.org"}});
  auto unknown = c.post_form("/password-reset", {{"email", "nobody@example.org"}});
  EXPECT_EQ(known.status, 303);
  EXPECT_EQ(unknown.status, 303);
  EXPECT_EQ(known.header("location"), unknown.header("location"));
  EXPECT_FALSE(outbox_mails(server_->outbox_dir(), "To: trainee@example.org", 1).empty());
}

TEST_F(Pages, ApiTokensWorkLikeTheirUserAndErrorsAreJson) {
  auto r = server_->cli({"user", "token", "--email", "admin@example.org", "--name", "tests"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string token = r.out.substr(0, r.out.find('\n'));
  HttpClient c(server_->port());
  auto list = c.get("/api/v1/users?per_page=1&page=2", {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(list.status, 200) << list.body;
  auto j = nlohmann::json::parse(list.body);
  EXPECT_EQ(j["page"], 2);
  EXPECT_EQ(j["per_page"], 1);
  EXPECT_GE(j["total"].get<int>(), 2);
  EXPECT_EQ(j["items"].size(), 1u);
  auto bad = c.send_json("POST", "/api/v1/users?lang=en", R"({"email":"x","family_name":""})", token);
  EXPECT_EQ(bad.status, 422);
  auto e = nlohmann::json::parse(bad.body);
  EXPECT_EQ(e["error"]["code"], "invalid");
  EXPECT_EQ(e["error"]["fields"]["email"], "Enter an e-mail address like name@example.org.");
  EXPECT_EQ(c.send_json("POST", "/api/v1/users", "not json", token).status, 422);
  auto created = c.send_json("POST", "/api/v1/users",
                             R"({"email":"api@example.org","family_name":"API","roles":["trainee"]})", token);
  EXPECT_EQ(created.status, 201) << created.body;
  auto id = nlohmann::json::parse(created.body)["id"].get<int>();
  auto patched = c.send_json("PATCH", "/api/v1/users/" + std::to_string(id), R"({"given_name":"太郎"})", token);
  EXPECT_EQ(patched.status, 200);
  EXPECT_EQ(nlohmann::json::parse(patched.body)["given_name"], "太郎");
  EXPECT_EQ(nlohmann::json::parse(patched.body)["roles"][0]["role"], "trainee");
  // The audit log has both, with the actor.
  auto audit = c.get("/api/v1/audit?entity=user&entity_id=" + std::to_string(id), {{"Authorization", "Bearer " + token}});
  auto entries = nlohmann::json::parse(audit.body)["items"];
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0]["action"], "update");
  EXPECT_EQ(entries[0]["changes"]["given_name"]["after"], "太郎");
  EXPECT_EQ(entries[1]["action"], "create");
  // A revoked token stops working at once.
  c.send_json("DELETE", "/api/v1/me/tokens/" +
                            std::to_string(nlohmann::json::parse(c.get("/api/v1/me/tokens", {{"Authorization", "Bearer " + token}}).body)["items"][0]["id"].get<int>()),
              "", token);
  EXPECT_EQ(c.get("/api/v1/me", {{"Authorization", "Bearer " + token}}).status, 401);
}

TEST_F(Pages, AuditLogPageFiltersByRecord) {
  HttpClient c(server_->port());
  ASSERT_EQ(c.login("admin@example.org", kAdminPw), 303);
  auto all = c.get("/admin/audit");
  EXPECT_EQ(all.status, 200);
  EXPECT_NE(all.body.find("login"), std::string::npos);
  auto filtered = c.get("/admin/audit?entity=user&action=create");
  EXPECT_NE(filtered.body.find("trainee@example.org"), std::string::npos);
  EXPECT_EQ(filtered.body.find(">login<"), std::string::npos);
  auto bad = c.get("/admin/audit?from=2017-13");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("YYYY-MM-DD"), std::string::npos);
}

TEST_F(Pages, TheTestLanguageShowsMessageIds) {
  HttpClient c(server_->port());
  auto r = c.get("/login?lang=qqx");
  EXPECT_NE(r.body.find("⧼login.heading⧽"), std::string::npos);
  EXPECT_EQ(r.body.find("ログイン"), std::string::npos) << "a Japanese string that does not come from the catalogue";
}

}  // namespace
}  // namespace mdsc::testing

namespace mdsc::testing {
namespace {

// Behind a TLS-terminating proxy (base URL https://...), cookies are Secure with the __Host- prefix.
TEST(BehindTls, SessionCookieIsSecureWithHostPrefix) {
  TestServer::Options o;
  o.env["MDSC_BASE_URL"] = "https://mdsc.example.jp";
  TestServer server(o);
  server.add_user("admin@example.org", {"secretariat"}, kAdminPw);
  HttpClient c(server.port());
  auto page = c.get("/login");
  EXPECT_NE(page.header("strict-transport-security").find("max-age="), std::string::npos);
  auto r = c.post_form("/login", {{"email", "admin@example.org"}, {"password", kAdminPw}});
  ASSERT_EQ(r.status, 303);
  bool found = false;
  for (const auto& h : r.headers_named("set-cookie")) {
    if (h.rfind("__Host-mdsc_session=", 0) != 0) continue;
    found = true;
    EXPECT_NE(h.find("; Secure"), std::string::npos);
    EXPECT_NE(h.find("; Path=/"), std::string::npos);
    EXPECT_EQ(h.find("Domain="), std::string::npos);
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(c.get("/account").status, 200);
}

}  // namespace
}  // namespace mdsc::testing
