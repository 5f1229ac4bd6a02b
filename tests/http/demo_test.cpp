// The demo database shows the FY2017 consortium in mid-term (issue 9): `mdsc serve` tells the time
// by the demo's day (settings.demo_date) at the real time of day, every page says so, the pages open
// on FY2017 and every demo role finds a filled dashboard. A database without the setting keeps the
// real clock, and a setting that is not a date stops the server with the reason.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <string>

#include "core/i18n.h"
#include "support/http_client.h"
#include "support/outbox.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

std::int64_t tokyo_midnight(const char* day) {
  std::int64_t t = 0;
  i18n::tokyo_to_unix(day, "00:00:00", t);
  return t;
}

// A fresh demo database served by a server started after `init --demo` (as `make run` does).
class Demo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    auto r = server_->cli({"init", "--demo"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("as it stood on 2018-01-15"), std::string::npos) << r.out;
    passwords_ = demo_passwords(server_->dir());
    server_->stop();  // `serve` reads the demo's day when it starts
    server_->start();
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
  static std::int64_t scalar(const std::string& sql, const db::Params& p = {}) {
    auto db = server_->open_db();
    return db->read([&](db::Conn& c) { return c.scalar_i64(sql, p); });
  }
  static std::string text(const std::string& sql, const db::Params& p = {}) {
    auto db = server_->open_db();
    return db->read([&](db::Conn& c) { return c.query_one(sql, p)->str("v"); });
  }
  static TestServer* server_;
  static std::map<std::string, std::string> passwords_;
};
TestServer* Demo::server_ = nullptr;
std::map<std::string, std::string> Demo::passwords_;

TEST_F(Demo, EveryPageSaysWhichDayTheDemoShowsInBothLanguages) {
  HttpClient anonymous(server_->port());
  auto login = anonymous.get("/login");
  ASSERT_EQ(login.status, 200);
  EXPECT_NE(login.body.find("id=\"demo-banner\""), std::string::npos);
  EXPECT_NE(login.body.find("2018年1月15日(月)時点"), std::string::npos) << login.body;
  EXPECT_NE(anonymous.get("/login?lang=en").body.find("as it stood on Mon, 15 Jan 2018"), std::string::npos);
  auto clerk = as("secretariat@mdsc.example");
  for (const char* path : {"/", "/members", "/invoices", "/admissions", "/timetable/terms", "/no-such-page"}) {
    auto page = clerk.get(path);
    EXPECT_NE(page.body.find("2018年1月15日(月)時点"), std::string::npos) << path << " (" << page.status << ")";
  }
}

TEST_F(Demo, TheServerTellsTheDemosDayAndThePagesOpenOnItsFiscalYear) {
  auto clerk = as("secretariat@mdsc.example");
  // What the server did "now" happened on the demo's day, Asia/Tokyo.
  const auto created = scalar("SELECT MAX(s.created_at) FROM sessions s JOIN users u ON u.id = s.user_id "
                              "WHERE u.email = 'secretariat@mdsc.example'");
  EXPECT_GE(created, tokyo_midnight("2018-01-15"));
  EXPECT_LT(created, tokyo_midnight("2018-01-16"));
  for (const char* path : {"/members", "/invoices", "/admissions"}) {
    auto page = clerk.get(path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_NE(page.body.find("(FY2017)</h1>"), std::string::npos) << path << " opens on another year";
  }
  // The demo's invoices fell due on 2017-11-30 and 2017-12-10: unpaid ones are overdue on its day.
  EXPECT_NE(clerk.get("/invoices?status=overdue").body.find("status--overdue"), std::string::npos);
}

TEST_F(Demo, EveryDemoRoleOpensAFilledDashboard) {
  ASSERT_EQ(passwords_.size(), 9u);
  for (const auto& [email, password] : passwords_) {
    auto c = as(email);
    auto home = c.get("/");
    ASSERT_EQ(home.status, 200) << email;
    EXPECT_NE(home.body.find("class=\"panel\""), std::string::npos) << email << " has no panel";
    EXPECT_EQ(home.body.find("ここに表示されます"), std::string::npos) << email << " sees a placeholder";
  }
  // Those without a module of their own yet see the program: courses, trainees, the timetable's progress.
  for (const char* email : {"steering@mdsc.example", "promotion@mdsc.example", "career@mdsc.example",
                            "supervisor@mdsc.example", "institution@mdsc.example"}) {
    auto home = as(email).get("/");
    EXPECT_NE(home.body.find("プログラムの状況"), std::string::npos) << email;
    EXPECT_TRUE(std::regex_search(home.body, std::regex("授業 [0-9]+コマ中 [1-9][0-9]*コマ実施済み・次回 2018年1月"))) << email;
  }
  EXPECT_NE(as("steering@mdsc.example").get("/").body.find("/week\">時間割</a>"), std::string::npos);
  EXPECT_NE(as("promotion@mdsc.example").get("/").body.find("href=\"/courses?fy=2017\""), std::string::npos);
  EXPECT_NE(as("institution@mdsc.example").get("/").body.find("所属機関の講師が担当する科目: "), std::string::npos);
  // The partner's representative: their company, its FY2017 membership and invoices.
  const auto partner = as("partner@mdsc.example").get("/").body;
  EXPECT_NE(partner.find("あおば架空製薬株式会社"), std::string::npos);
  EXPECT_TRUE(std::regex_search(partner, std::regex("FY2017[^<]* M — ")))
      << "this year's membership, not the FY2018 renewal prepared after it: " << partner;
  EXPECT_FALSE(std::regex_search(partner, std::regex("FY2018[^<]* A — ")));
}

TEST_F(Demo, TraineeAndInstructorSeeTheirNextSessionsFromTheDemosDay) {
  // The first session ahead of the demo's day of the trainee's courses, and of the instructor's course.
  const auto trainee_next = text(
      "SELECT MIN(s.day) AS v FROM course_sessions s JOIN enrollments e ON e.course_id = s.course_id "
      "JOIN users u ON u.id = e.user_id WHERE u.email = 'trainee@mdsc.example' AND e.status = 'enrolled' "
      "AND s.status = 'scheduled' AND s.day >= '2018-01-15'");
  ASSERT_FALSE(trainee_next.empty()) << "the demo trainee has sessions after 2018-01-15";
  const auto trainee = as("trainee@mdsc.example").get("/");
  const auto list = trainee.body.find("id=\"next-sessions\"");
  ASSERT_NE(list, std::string::npos) << trainee.body;
  // The list's first entry is that session's day: nothing held before the demo's day comes first.
  const auto first = trainee.body.find("<small>", list);
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(trainee.body.substr(first + 7, trainee_next.size()), trainee_next) << trainee.body.substr(list, 600);

  const auto course = scalar("SELECT scope_id FROM roles r JOIN users u ON u.id = r.user_id WHERE u.email = 'instructor@mdsc.example'");
  const auto taught_next = text("SELECT MIN(day) AS v FROM course_sessions WHERE course_id = ? AND status = 'scheduled' "
                                "AND day >= '2018-01-15'", {course});
  const auto instructor = as("instructor@mdsc.example").get("/");
  if (taught_next.empty()) {
    EXPECT_NE(instructor.body.find("今後予定されている授業はありません"), std::string::npos);
  } else {
    EXPECT_NE(instructor.body.find("<small>" + taught_next + " ("), std::string::npos) << instructor.body;
  }
}

// The same demo data without the setting: a real database's clock.
TEST(DemoClockSetting, ADatabaseWithoutItKeepsTheRealClock) {
  TestServer server;
  ASSERT_EQ(server.cli({"init", "--demo"}).exit_code, 0);
  {
    auto db = server.open_db();
    db->write([](db::Conn& c) { return c.exec("DELETE FROM settings WHERE key = 'demo_date'"); });
  }
  server.stop();
  server.start();
  auto passwords = demo_passwords(server.dir());
  HttpClient c(server.port());
  ASSERT_EQ(c.login("trainee@mdsc.example", passwords["trainee@mdsc.example"]), 303);
  auto home = c.get("/");
  EXPECT_EQ(home.body.find("demo-banner"), std::string::npos);
  // Every FY2017 session lies in the past now.
  EXPECT_NE(home.body.find("今後予定されている授業はありません"), std::string::npos);
  auto db = server.open_db();
  const auto created = db->read([](db::Conn& x) {
    return x.scalar_i64("SELECT MAX(s.created_at) FROM sessions s JOIN users u ON u.id = s.user_id "
                        "WHERE u.email = 'trainee@mdsc.example'");
  });
  EXPECT_GE(created, tokyo_midnight("2018-01-16")) << "the session was made on the demo's day, not today";
}

TEST(DemoClockSetting, ASettingThatIsNotADateStopsTheServerWithTheReason) {
  TestServer server;
  {
    auto db = server.open_db();
    db->write([](db::Conn& c) { return c.exec("INSERT INTO settings (key, value) VALUES ('demo_date', '2018-02-30')"); });
  }
  server.stop();
  auto r = server.cli({"serve", "--bind", "127.0.0.1", "--port", "0"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("demo_date"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2018-02-30"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace mdsc::testing
