// The curriculum against a real server with the FY2017 demo: the public catalogue, a trainee's
// course choice, instructors' rosters, and bad input.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "nlohmann/json.hpp"
#include "support/admissions_fixture.h"
#include "support/http_client.h"
#include "support/outbox.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

int occurrences(const std::string& text, const std::string& needle) {
  int n = 0;
  for (std::size_t p = 0; (p = text.find(needle, p)) != std::string::npos; p += needle.size()) ++n;
  return n;
}

class Curriculum : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    auto r = server_->cli({"init", "--demo"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    passwords_ = demo_passwords(server_->dir());
    ASSERT_FALSE(passwords_.empty());
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static HttpClient as(const std::string& email) {
    HttpClient c(server_->port());
    EXPECT_EQ(c.login(email, passwords_[email]), 303) << email;
    return c;
  }
  static std::int64_t scalar(const std::string& sql, const std::vector<std::string>& params = {}) {
    auto db = server_->open_db();
    db::Params p(params.begin(), params.end());
    return db->read([&](db::Conn& c) { return c.scalar_i64(sql, p); });
  }
  static std::int64_t course(const std::string& code) {
    return scalar("SELECT id FROM courses WHERE fiscal_year = 2017 AND code = ?", {code});
  }
  static std::int64_t trainee_id() { return scalar("SELECT id FROM users WHERE email = 'trainee@mdsc.example'"); }
  static std::string token(const std::string& email) {
    auto out = server_->cli({"user", "token", "--email", email}).out;
    return out.substr(0, out.find('\n'));
  }
  static TestServer* server_;
  static std::map<std::string, std::string> passwords_;
};
TestServer* Curriculum::server_ = nullptr;
std::map<std::string, std::string> Curriculum::passwords_;

TEST_F(Curriculum, ThePublicCatalogueListsTheProspectusCoursesInJapaneseAndEnglish) {
  HttpClient anon(server_->port());
  auto ja = anon.get("/catalog?fy=2017");
  ASSERT_EQ(ja.status, 200);
  for (const char* text : {"共通科目", "ビッグデータ医療コース", "AI創薬コース", "システム医学概論", "4コマ", "昼間",
                           "夜間(18:00以降)", "田中 博", "東京医科歯科大学", "深層学習総合演習", "予定",
                           "Precision Medicine Biobank/Genome Cohort概論", "疾患データ科学", "9コマ", "公益財団法人がん研究会",
                           "現代医薬統計学", "川上 浩二", "杉山 将", "理化学研究所 革新知能統合研究センター"})
    EXPECT_NE(ja.body.find(text), std::string::npos) << text;
  EXPECT_EQ(occurrences(ja.body, "class=\"tag\""), 13) << "6 common subjects, 3 big-data medicine, 4 AI drug discovery";
  EXPECT_EQ(occurrences(ja.body, "status--planned"), 2) << "深層学習総合演習 and 現代医薬統計学 are planned";
  auto en = anon.get("/catalog?fy=2017&lang=en");
  ASSERT_EQ(en.status, 200);
  for (const char* text : {"Common subjects", "Big-data medicine track", "AI drug discovery track",
                           "Introduction to Systems Medicine", "4 periods", "Evening (from 18:00)", "Hiroshi TANAKA",
                           "Tokyo Medical and Dental University", "Planned", "Japanese Foundation for Cancer Research"})
    EXPECT_NE(en.body.find(text), std::string::npos) << text;
  EXPECT_NE(en.body.find("<html lang=\"en\">"), std::string::npos);
  auto api = nlohmann::json::parse(anon.get("/api/v1/courses?fiscal_year=2017").body);
  EXPECT_EQ(api["total"], 13);
  auto manage = anon.get("/courses");
  EXPECT_EQ(manage.status, 303) << "managing courses needs a login";
  EXPECT_EQ(manage.header("location").rfind("/login", 0), 0u);
}

TEST_F(Curriculum, ATraineeEnrollsThroughTheFormAndSeesTheCourseOnTheDashboard) {
  auto t = as("trainee@mdsc.example");
  auto page = t.get("/enrollments?fy=2017");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("システム医学概論"), std::string::npos) << "the demo trainee's courses";
  std::string id = std::to_string(course("C-L2"));
  auto r = t.post_form("/enrollments", {{"course_id", id}});
  EXPECT_EQ(r.status, 303);
  auto home = t.get("/");
  EXPECT_NE(home.body.find("人工知能・機械学習概論"), std::string::npos) << "the new course on the dashboard";
  EXPECT_EQ(home.body.find("履修科目・時間割・出欠・修了状況がここに表示されます"), std::string::npos) << "no placeholder";
  // Twice: refused beside the course select, which keeps the choice.
  t.get("/enrollments?fy=2017");
  auto twice = t.post_form("/enrollments", {{"course_id", id}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(twice.body.find("id=\"f-course_id-error\""), std::string::npos);
  EXPECT_NE(twice.body.find("既に履修登録されています"), std::string::npos);
  EXPECT_NE(twice.body.find("<option value=\"" + id + "\" selected>"), std::string::npos) << "the choice is kept";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM enrollments WHERE course_id = ? AND status <> 'dropped'", {id}), 1);
  // A planned course cannot be chosen yet.
  auto planned = t.post_form("/enrollments", {{"course_id", std::to_string(course("C-P3"))}});
  EXPECT_EQ(planned.status, 422);
  EXPECT_NE(planned.body.find("予定の段階"), std::string::npos);
}

TEST_F(Curriculum, AnInstructorSeesOnlyTheirOwnCoursesRoster) {
  auto own = course("C-L1"), other = course("C-L2");
  auto i = as("instructor@mdsc.example");
  auto mine = i.get("/courses/" + std::to_string(own));
  ASSERT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find("受講 未来"), std::string::npos) << "the demo trainee is on the roster";
  EXPECT_EQ(i.get("/courses/" + std::to_string(other)).status, 404);
  EXPECT_EQ(i.get("/courses/" + std::to_string(other) + "/roster.csv").status, 404);
  EXPECT_EQ(i.get("/courses").status, 403);
  auto teaching = i.get("/teaching");
  EXPECT_NE(teaching.body.find("システム医学概論"), std::string::npos);
  EXPECT_EQ(teaching.body.find("人工知能・機械学習概論"), std::string::npos);
  auto api = nlohmann::json::parse(i.send_json("GET", "/api/v1/enrollments", "", token("instructor@mdsc.example")).body);
  ASSERT_GT(api["total"].get<int>(), 0);
  for (const auto& e : api["items"]) EXPECT_EQ(e["course_id"], own);
  // A trainee sees no roster at all.
  EXPECT_EQ(as("trainee@mdsc.example").get("/courses/" + std::to_string(own)).status, 404);
}

TEST_F(Curriculum, TheRosterCsvOpensInExcel) {
  auto id = course("C-L1");
  auto csv = as("instructor@mdsc.example").get("/courses/" + std::to_string(id) + "/roster.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.header("content-type").find("text/csv"), std::string::npos);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  std::size_t lf = 0, crlf = 0;
  for (std::size_t p = 0; p < csv.body.size(); ++p)
    if (csv.body[p] == '\n') {
      ++lf;
      if (p > 0 && csv.body[p - 1] == '\r') ++crlf;
    }
  EXPECT_EQ(lf, crlf);
  auto rows = scalar("SELECT COUNT(*) FROM enrollments WHERE course_id = ? AND status <> 'dropped'", {std::to_string(id)});
  EXPECT_EQ(static_cast<std::int64_t>(lf), rows + 1) << "a header and one line per trainee";
  EXPECT_NE(csv.body.find("受講 未来"), std::string::npos);
  EXPECT_NE(csv.body.find("trainee@mdsc.example"), std::string::npos);
}

TEST_F(Curriculum, BadInputStandsBesideItsFieldWithWhatWasTypedKept) {
  auto s = as("secretariat@mdsc.example");
  auto courses = scalar("SELECT COUNT(*) FROM courses");
  auto audit = scalar("SELECT COUNT(*) FROM audit_log");
  s.get("/courses/new?fy=2017");
  auto r = s.post_form("/courses", {{"fiscal_year", "2017"}, {"code", "X-9"}, {"title_ja", "架空の演習科目"},
                                    {"category", "common"}, {"track", ""}, {"kind", "practical"}, {"periods", "0"},
                                    {"time_band", "daytime"}, {"status", "planned"}, {"capacity", "abc"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("id=\"f-periods-error\""), std::string::npos);
  EXPECT_NE(r.body.find("コマ数は1以上"), std::string::npos);
  EXPECT_NE(r.body.find("id=\"f-capacity-error\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"架空の演習科目\""), std::string::npos) << "what was typed stays";
  EXPECT_NE(r.body.find("value=\"abc\""), std::string::npos);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM courses"), courses);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log"), audit) << "nothing half-written";

  s.get("/instructors/new");
  auto bad_kana = s.post_form("/instructors", {{"family_name", "架空"}, {"family_name_kana", "kakuu"},
                                               {"email", "not-an-address"}, {"account_email", "nobody@example.org"}});
  EXPECT_EQ(bad_kana.status, 422);
  for (const char* f : {"f-family_name_kana-error", "f-email-error", "f-account_email-error"})
    EXPECT_NE(bad_kana.body.find(std::string("id=\"") + f + "\""), std::string::npos) << f;
  EXPECT_NE(bad_kana.body.find("value=\"kakuu\""), std::string::npos);

  // The secretariat enrolling someone twice: the message stands beside the trainee select.
  auto id = course("C-L1");
  s.get("/courses/" + std::to_string(id));
  auto twice = s.post_form("/courses/" + std::to_string(id) + "/enrollments", {{"user_id", std::to_string(trainee_id())}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(twice.body.find("id=\"f-user_id-error\""), std::string::npos);

  auto api = s.send_json("POST", "/api/v1/courses?lang=en",
                         R"({"fiscal_year":2017,"code":"X-9","title_ja":"架空","category":"common","kind":"lecture","periods":0,"time_band":"daytime"})",
                         token("secretariat@mdsc.example"));
  EXPECT_EQ(api.status, 422);
  EXPECT_NE(nlohmann::json::parse(api.body)["error"]["fields"]["periods"].get<std::string>().find("at least one"),
            std::string::npos)
      << api.body;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM courses"), courses);
}

TEST_F(Curriculum, AfterTheDropDeadlineATraineeAsksTheSecretariat) {
  auto s = as("secretariat@mdsc.example");
  s.get("/courses?fy=2017");
  ASSERT_EQ(s.post_form("/curriculum-years/2017", {{"choice_rule", "free"}, {"drop_deadline", "2017-12-15"}}).status, 303);
  auto enrollment = scalar(
      "SELECT e.id FROM enrollments e JOIN courses c ON c.id = e.course_id WHERE c.code = 'BD-1' AND e.user_id = ? "
      "AND e.status = 'enrolled'",
      {std::to_string(trainee_id())});
  auto t = as("trainee@mdsc.example");
  auto page = t.get("/enrollments?fy=2017");
  EXPECT_EQ(page.body.find("/enrollments/" + std::to_string(enrollment) + "/drop"), std::string::npos)
      << "no drop button after the deadline";
  auto refused = t.post_form("/enrollments/" + std::to_string(enrollment) + "/drop", {});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("2017-12-15"), std::string::npos);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM enrollments WHERE id = ? AND status = 'enrolled'", {std::to_string(enrollment)}), 1);
  // Someone else's enrollment is not there at all for a trainee.
  s.get("/courses/" + std::to_string(course("BD-1")));
  auto removed = s.post_form("/enrollments/" + std::to_string(enrollment) + "/drop", {{"from", "course"}});
  EXPECT_EQ(removed.status, 303);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM enrollments WHERE id = ? AND status = 'dropped'", {std::to_string(enrollment)}), 1);
  EXPECT_GT(scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'enrollment' AND action = 'drop' AND entity_id = ?",
                   {std::to_string(enrollment)}),
            0);
  ASSERT_EQ(s.post_form("/curriculum-years/2017", {{"choice_rule", "free"}, {"drop_deadline", ""}}).status, 303);
}

TEST_F(Curriculum, TheApiEnrollsAndDropsForTheTraineeOnly) {
  std::string tok = token("trainee@mdsc.example");
  HttpClient c(server_->port());
  auto id = course("AI-1");
  auto r = c.send_json("POST", "/api/v1/enrollments", "{\"course_id\":" + std::to_string(id) + "}", tok);
  ASSERT_EQ(r.status, 201) << r.body;
  auto e = nlohmann::json::parse(r.body);
  EXPECT_EQ(e["status"], "enrolled");
  auto twice = c.send_json("POST", "/api/v1/enrollments?lang=en", "{\"course_id\":" + std::to_string(id) + "}", tok);
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(nlohmann::json::parse(twice.body)["error"]["fields"].contains("course_id"));
  auto other = c.send_json("POST", "/api/v1/enrollments", "{\"course_id\":" + std::to_string(id) + ",\"user_id\":1}", tok);
  EXPECT_EQ(other.status, 403) << "a trainee enrolls only themself";
  auto mine = nlohmann::json::parse(c.send_json("GET", "/api/v1/enrollments", "", tok).body);
  for (const auto& item : mine["items"]) EXPECT_EQ(item["user_id"], trainee_id());
  auto dropped = c.send_json("DELETE", "/api/v1/enrollments/" + e["id"].dump(), "", tok);
  EXPECT_EQ(dropped.status, 200) << dropped.body;
  EXPECT_EQ(nlohmann::json::parse(dropped.body)["status"], "dropped");
}

TEST_F(Curriculum, EveryRouteAndEveryEnrollmentChecksWhoAsks) {
  auto c_l1 = course("C-L1"), c_l2 = course("C-L2");
  // A second trainee with an enrollment of their own.
  server_->add_user("second.trainee@example.org", {"trainee"}, "Second-trainee-pw-2017");
  server_->open_db()->write([](db::Conn& c) {
    accept_as_trainee(c, c.scalar_i64("SELECT id FROM users WHERE email = 'second.trainee@example.org'"), 2017);
  });
  HttpClient second(server_->port());
  ASSERT_EQ(second.login("second.trainee@example.org", "Second-trainee-pw-2017"), 303);
  second.get("/enrollments?fy=2017");
  ASSERT_EQ(second.post_form("/enrollments", {{"course_id", std::to_string(c_l2)}}).status, 303);
  auto theirs = std::to_string(scalar(
      "SELECT e.id FROM enrollments e JOIN users u ON u.id = e.user_id WHERE u.email = 'second.trainee@example.org' "
      "AND e.course_id = ? AND e.status = 'enrolled'",
      {std::to_string(c_l2)}));
  auto enrollments = scalar("SELECT COUNT(*) FROM enrollments");
  const char* changes = "SELECT COUNT(*) FROM audit_log WHERE entity IN ('enrollment', 'course')";
  auto audit = scalar(changes);

  auto t = as("trainee@mdsc.example");
  t.get("/enrollments?fy=2017");  // a page, for the CSRF token
  EXPECT_EQ(t.post_form("/enrollments/" + theirs + "/drop", {}).status, 404) << "another trainee's enrollment";
  EXPECT_EQ(t.post_form("/courses/" + std::to_string(c_l1) + "/enrollments", {{"user_id", "1"}}).status, 403)
      << "only the secretariat enrolls others";
  EXPECT_EQ(t.post_form("/courses", {{"fiscal_year", "2017"}, {"code", "X-1"}}).status, 403);
  EXPECT_EQ(t.get("/courses").status, 403);
  EXPECT_EQ(t.get("/instructors").status, 403);
  EXPECT_EQ(t.post_form("/enrollments", {{"course_id", std::to_string(c_l1)}}, false).status, 403) << "no CSRF token";
  EXPECT_EQ(t.send_json("DELETE", "/api/v1/enrollments/" + theirs, "", token("trainee@mdsc.example")).status, 404);

  auto i = as("instructor@mdsc.example");
  i.get("/teaching");
  EXPECT_EQ(i.post_form("/enrollments", {{"course_id", std::to_string(c_l1)}}).status, 403) << "instructors do not enroll";
  EXPECT_EQ(i.post_form("/enrollments/" + theirs + "/drop", {}).status, 403);
  auto api = nlohmann::json::parse(
      i.send_json("GET", "/api/v1/enrollments?course_id=" + std::to_string(c_l2), "", token("instructor@mdsc.example")).body);
  EXPECT_EQ(api["total"], 0) << "nothing of a course they do not teach";
  EXPECT_EQ(i.send_json("PATCH", "/api/v1/courses/" + std::to_string(c_l1), R"({"periods":5})",
                        token("instructor@mdsc.example")).status,
            403);

  HttpClient anon(server_->port());
  anon.get("/login");  // a page with a form, for the CSRF token of an anonymous visitor
  ASSERT_FALSE(anon.csrf().empty());
  auto post = anon.post_form("/enrollments", {{"course_id", std::to_string(c_l1)}});
  EXPECT_EQ(post.status, 303);
  EXPECT_EQ(post.header("location").rfind("/login", 0), 0u);
  // Without a token a JSON POST is an ambient-credential request without a CSRF token: refused.
  EXPECT_EQ(anon.send_json("POST", "/api/v1/enrollments", "{\"course_id\":" + std::to_string(c_l1) + "}").status, 403);
  EXPECT_EQ(anon.get("/api/v1/enrollments").status, 401);

  EXPECT_EQ(scalar("SELECT COUNT(*) FROM enrollments"), enrollments) << "nothing was written";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM enrollments WHERE id = ? AND status = 'enrolled'", {theirs}), 1);
  EXPECT_EQ(scalar(changes), audit) << "and nothing audited";
}

}  // namespace
}  // namespace mdsc::testing
