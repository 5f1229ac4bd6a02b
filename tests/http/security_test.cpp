// What an attacker tries, against a real server: forged posts, injection strings, other users'
// sessions and tokens, password guessing.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

constexpr const char* kAdminPw = "Kanazawa-seminar-2017-pw";

class Security : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    server_->add_user("admin@example.org", {"secretariat"}, kAdminPw);
    server_->add_user("taro@example.org", {"trainee"}, "Red-maple-leaves-2017");
    server_->add_user("hana@example.org", {"trainee"}, "Blue-autumn-river-2017");
    server_->add_user("victim@example.org", {"trainee"}, "Green-bamboo-forest-2017");
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::int64_t count(const std::string& sql) {
    auto db = server_->open_db();
    return db->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }
  static TestServer* server_;
};
TestServer* Security::server_ = nullptr;

TEST_F(Security, PostsWithoutTheCsrfTokenAre403AndChangeNothing) {
  HttpClient c(server_->port());
  ASSERT_EQ(c.login("admin@example.org", kAdminPw), 303);
  auto users_before = count("SELECT COUNT(*) FROM users");
  c.get("/admin/users/new");
  auto r = c.post_form("/admin/users", {{"email", "new@example.org"}, {"family_name", "新規"},
                                        {"preferred_lang", "ja"}, {"active", "1"}},
                       false);
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("フォームの有効期限が切れたか"), std::string::npos);
  auto forged = c.post_form("/admin/users", {{"email", "new@example.org"}, {"family_name", "新規"},
                                             {"preferred_lang", "ja"}, {"_csrf", "0123456789abcdef"}},
                            false);
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), users_before);
  // The same request with the token works, so the 403 was the token's doing.
  auto ok = c.post_form("/admin/users", {{"email", "new@example.org"}, {"family_name", "新規"},
                                         {"preferred_lang", "ja"}, {"active", "1"}});
  EXPECT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), users_before + 1);
}

TEST_F(Security, LoginWithoutCsrfIsRefused) {
  HttpClient c(server_->port());
  c.get("/login");
  auto r = c.post_form("/login", {{"email", "admin@example.org"}, {"password", kAdminPw}}, false);
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(c.cookies().find("mdsc_session") == c.cookies().end());
}

TEST_F(Security, InjectionStringsInLoginAndUserFormsChangeNothing) {
  const std::vector<std::string> evil = {
      "' OR '1'='1", "admin@example.org' --", "\"; DROP TABLE users; --", "<script>alert(1)</script>",
      "{{7*7}}", "${7*7}", "../../../../etc/passwd", std::string("a\0b", 3), "\xff\xfe\xfd",
      std::string(5000, 'A'), "%00", "admin@example.org\r\nBcc: x@y.z", "ＡＤＭＩＮ＠ｅｘａｍｐｌｅ．ｏｒｇ"};
  auto users_before = count("SELECT COUNT(*) FROM users");
  auto sessions_before = count("SELECT COUNT(*) FROM sessions");
  for (const auto& s : evil) {
    HttpClient c(server_->port());
    c.get("/login");
    auto a = c.post_form("/login", {{"email", s}, {"password", s}});
    EXPECT_GE(a.status, 400) << s;
    EXPECT_LT(a.status, 500) << s;
    EXPECT_EQ(a.body.find("<script>alert(1)</script>"), std::string::npos);
    auto b = c.post_form("/login", {{"email", "victim@example.org"}, {"password", s}});
    EXPECT_GE(b.status, 400);
    EXPECT_LT(b.status, 500);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), sessions_before);

  HttpClient admin(server_->port());
  ASSERT_EQ(admin.login("admin@example.org", kAdminPw), 303);
  for (const auto& s : evil) {
    admin.get("/admin/users/new");
    auto r = admin.post_form("/admin/users", {{"email", s}, {"family_name", s}, {"given_name", s},
                                              {"family_name_kana", s}, {"given_name_kana", s}, {"romaji_name", s},
                                              {"preferred_lang", s}, {"scoped_roles", s}, {"roles", s}});
    EXPECT_GE(r.status, 400) << s;
    EXPECT_LT(r.status, 500) << s;
    EXPECT_EQ(r.body.find("<script>alert(1)</script>"), std::string::npos) << "unescaped echo";
    auto q = admin.get("/admin/users?q=" + form_encode({{"x", s}}).substr(2) + "&role=x");
    EXPECT_TRUE(q.status == 200 || q.status == 422) << q.status;  // 422: bytes that are not UTF-8
    EXPECT_EQ(q.body.find("<script>alert(1)</script>"), std::string::npos);
  }
  // A typed value comes back escaped in the re-shown form.
  admin.get("/admin/users/new");
  auto shown = admin.post_form("/admin/users", {{"email", "bad"}, {"family_name", "<script>alert(1)</script>"}});
  EXPECT_NE(shown.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), users_before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email LIKE '%script%' OR family_name LIKE '%script%'"), 0);
}

TEST_F(Security, UsersSeeOnlyTheirOwnSessionsAndTokens) {
  HttpClient taro(server_->port()), hana(server_->port());
  ASSERT_EQ(taro.login("taro@example.org", "Red-maple-leaves-2017"), 303);
  ASSERT_EQ(hana.login("hana@example.org", "Blue-autumn-river-2017"), 303);
  taro.get("/account/tokens");
  auto created = taro.post_form("/account/tokens", {{"name", "taro script"}});
  ASSERT_EQ(created.status, 200);
  auto p = created.body.find("mdsc_");
  ASSERT_NE(p, std::string::npos);
  std::string taro_token = created.body.substr(p, created.body.find('<', p) - p);

  // Hana signs in on a second device, so that her sessions page has a session to list besides
  // the one viewing it. The page shows devices and times, not names: its sessions are told apart
  // by the forms that end them, /account/sessions/<id>/end (all but the current one).
  HttpClient hana_phone(server_->port());
  ASSERT_EQ(hana_phone.login("hana@example.org", "Blue-autumn-river-2017"), 303);
  auto db = server_->open_db();
  auto session_ids = [&](const std::string& email) {
    std::set<std::int64_t> ids;
    for (const auto& r : db->read([&](db::Conn& c) {
           return c.query("SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?", {email});
         }))
      ids.insert(r.i64("id"));
    return ids;
  };
  const auto taro_sessions = session_ids("taro@example.org");
  const auto hana_sessions = session_ids("hana@example.org");
  ASSERT_EQ(taro_sessions.size(), 1u);
  ASSERT_EQ(hana_sessions.size(), 2u);
  const std::int64_t taro_session = *taro_sessions.begin();
  auto hana_page = hana.get("/account/sessions");
  ASSERT_EQ(hana_page.status, 200);
  std::set<std::int64_t> listed;
  const std::regex end_form("action=\"/account/sessions/(\\d+)/end\"");
  for (auto it = std::sregex_iterator(hana_page.body.begin(), hana_page.body.end(), end_form);
       it != std::sregex_iterator(); ++it)
    listed.insert(std::stoll((*it)[1]));
  ASSERT_EQ(listed.size(), 1u) << "Hana's other session, and only it:\n" << hana_page.body;
  EXPECT_TRUE(hana_sessions.count(*listed.begin())) << "a session that is not Hana's: " << *listed.begin();
  EXPECT_FALSE(listed.count(taro_session)) << "Taro's session is on Hana's page";
  auto hana_tokens = hana.get("/account/tokens");
  EXPECT_EQ(hana_tokens.body.find("taro script"), std::string::npos);

  auto taro_token_id = db->read([](db::Conn& c) {
    return c.scalar_i64("SELECT t.id FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = 'taro@example.org'");
  });
  // Hana tries Taro's ids: not found, and nothing happens to them.
  EXPECT_EQ(hana.post_form("/account/sessions/" + std::to_string(taro_session) + "/end", {}).status, 404);
  EXPECT_EQ(hana.post_form("/account/tokens/" + std::to_string(taro_token_id) + "/revoke", {}).status, 404);
  auto api = taro.get("/api/v1/me", {{"Authorization", "Bearer " + taro_token}});
  EXPECT_EQ(api.status, 200);
  EXPECT_EQ(nlohmann::json::parse(api.body)["email"], "taro@example.org");
  EXPECT_EQ(taro.get("/account").status, 200);
  // And the API is the same: only one's own.
  HttpClient anon(server_->port());
  auto list = anon.get("/api/v1/me/sessions", {{"Authorization", "Bearer " + taro_token}});
  EXPECT_EQ(list.status, 200);
  const auto sessions = nlohmann::json::parse(list.body);
  ASSERT_TRUE(sessions.contains("items")) << list.body;
  ASSERT_EQ(sessions["items"].size(), 1u) << "Taro's one session, and no one else's: " << list.body;
  EXPECT_EQ(sessions["items"][0]["id"], taro_session) << list.body;
  // A trainee is not the secretariat.
  EXPECT_EQ(anon.get("/api/v1/users", {{"Authorization", "Bearer " + taro_token}}).status, 403);
  EXPECT_EQ(taro.get("/admin/users").status, 403);
  EXPECT_EQ(anon.get("/api/v1/me").status, 401);
  EXPECT_EQ(nlohmann::json::parse(anon.get("/api/v1/me").body)["error"]["code"], "unauthorized");
}

TEST_F(Security, TenWrongPasswordsThrottleWithAMessageSayingWhen) {
  server_->add_user("guess@example.org", {"trainee"}, "Quiet-lantern-night-17");
  HttpClient c(server_->port());
  c.get("/login");
  HttpResponse last;
  for (int i = 0; i < 10; ++i) last = c.post_form("/login", {{"email", "guess@example.org"}, {"password", "wrong-" + std::to_string(i)}});
  EXPECT_EQ(last.status, 429);
  EXPECT_NE(last.body.find("一時的にログインできません"), std::string::npos);
  EXPECT_NE(last.body.find("年"), std::string::npos);  // the time to retry, as a date
  auto right = c.post_form("/login", {{"email", "guess@example.org"}, {"password", "Quiet-lantern-night-17"}});
  EXPECT_EQ(right.status, 429);
}

TEST_F(Security, SessionCookieIsHttpOnlyAndSameSite) {
  HttpClient c(server_->port());
  c.get("/login");
  auto r = c.post_form("/login", {{"email", "admin@example.org"}, {"password", kAdminPw}});
  ASSERT_EQ(r.status, 303);
  bool found = false;
  for (const auto& h : r.headers_named("set-cookie")) {
    if (h.rfind("mdsc_session=", 0) != 0) continue;
    found = true;
    EXPECT_NE(h.find("HttpOnly"), std::string::npos);
    EXPECT_NE(h.find("SameSite=Lax"), std::string::npos);
  }
  EXPECT_TRUE(found);
}

TEST_F(Security, LogoutEndsTheSessionOnTheServer) {
  HttpClient c(server_->port());
  ASSERT_EQ(c.login("admin@example.org", kAdminPw), 303);
  std::string stolen = c.cookies()["mdsc_session"];
  c.get("/");
  c.post_form("/logout", {});
  HttpClient thief(server_->port());
  thief.cookies()["mdsc_session"] = stolen;
  EXPECT_EQ(thief.get("/account").status, 303);
}

}  // namespace
}  // namespace mdsc::testing
