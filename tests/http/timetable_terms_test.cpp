// Terms and rooms against a real server: the secretariat sets up the FY2017 trial term, the
// calendar shows holidays and the year-end break, bad input is shown beside its field with what
// was typed, and only the secretariat changes anything.
#include <gtest/gtest.h>

#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

constexpr const char* kPw = "Kanazawa-seminar-2017-pw";

class TermsPages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    server_->add_user("clerk@example.org", {"secretariat"}, kPw);
    server_->add_user("trainee@example.org", {"trainee"}, kPw);
    server_->add_user("steering@example.org", {"steering_committee"}, kPw);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static HttpClient as(const char* email) {
    HttpClient c(server_->port());
    EXPECT_EQ(c.login(email, kPw), 303) << email;
    return c;
  }
  static std::vector<std::pair<std::string, std::string>> term_form(const std::string& name, const std::string& ends) {
    return {{"fiscal_year", "2017"}, {"name", name}, {"starts_on", "2017-12-01"}, {"ends_on", ends},
            {"year_end_break", "1"}, {"year_end_break_present", "1"}, {"wd1", "1"}, {"wd2", "1"}, {"wd3", "1"},
            {"wd4", "1"}, {"wd5", "1"}, {"periods", "daytime 09:00-10:30\r\ndaytime 10:40-12:10\r\nevening 18:00-19:30\r\n"}};
  }
  static TestServer* server_;
};
TestServer* TermsPages::server_ = nullptr;

TEST_F(TermsPages, TheSecretariatCreatesATermAndSeesItsTeachingDays) {
  auto c = as("clerk@example.org");
  c.get("/timetable/terms/new");
  auto r = c.post_form("/timetable/terms", term_form("試行期間", "2018-02-28"));
  ASSERT_EQ(r.status, 303) << r.body;
  const std::string location = r.header("location");
  ASSERT_EQ(location.rfind("/timetable/terms/", 0), 0u) << location;
  auto page = c.get(location);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-date=\"2017-12-23\""), std::string::npos);
  EXPECT_NE(page.body.find("class=\"day-holiday\" data-date=\"2017-12-23\""), std::string::npos) << "天皇誕生日";
  EXPECT_NE(page.body.find("天皇誕生日"), std::string::npos);
  EXPECT_NE(page.body.find("class=\"day-year_end\" data-date=\"2018-01-02\""), std::string::npos);
  EXPECT_NE(page.body.find("class=\"day-teaching\" data-date=\"2018-01-04\""), std::string::npos);
  EXPECT_NE(page.body.find("<strong>58</strong>"), std::string::npos) << "teaching days of Dec 2017 – Feb 2018";

  // A closed day, then the same day again: the second is refused beside the field.
  auto closed = c.post_form(location + "/closed-days", {{"day", "2018-01-12"}, {"reason", "入試準備"}});
  EXPECT_EQ(closed.status, 303) << closed.body;
  auto again = c.post_form(location + "/closed-days", {{"day", "2018-01-12"}, {"reason", "二度目"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("この日はすでに休講日です"), std::string::npos);
  EXPECT_NE(again.body.find("value=\"二度目\""), std::string::npos) << "the typed reason is kept";
  page = c.get(location);
  EXPECT_NE(page.body.find("class=\"day-closed\" data-date=\"2018-01-12\""), std::string::npos);
  EXPECT_NE(page.body.find("<strong>57</strong>"), std::string::npos);

  // The API tells the same.
  auto token = server_->cli({"user", "token", "--email", "clerk@example.org"}).out;
  token = token.substr(0, token.find('\n'));
  auto api = c.get("/api/v1" + location.substr(std::string("/timetable").size()), {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(api.status, 200) << api.body;
  auto j = nlohmann::json::parse(api.body);
  EXPECT_EQ(j["teaching_days"], 57);
  EXPECT_EQ(j["periods"].size(), 3u);
  bool found = false;
  for (const auto& d : j["days"])
    if (d["date"] == "2018-01-08") {
      found = true;
      EXPECT_EQ(d["status"], "holiday");
      EXPECT_EQ(d["holiday"], "holiday.coming_of_age_day");
    }
  EXPECT_TRUE(found);
}

TEST_F(TermsPages, BadDatesAreShownBesideTheFieldWithWhatWasTyped) {
  auto c = as("clerk@example.org");
  c.get("/timetable/terms/new");
  auto r = c.post_form("/timetable/terms", term_form("逆順の学期", "2017-11-30"));
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("終了日が開始日より前です"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"逆順の学期\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"2017-11-30\""), std::string::npos);
  auto bad_periods = term_form("時限の誤り", "2018-02-28");
  bad_periods.back().second = "evening 17:00-18:30";
  r = c.post_form("/timetable/terms", bad_periods);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("evening 17:00-18:30"), std::string::npos) << "the typed periods are kept";
  auto list = c.get("/timetable/terms");
  EXPECT_EQ(list.body.find("逆順の学期"), std::string::npos);
  EXPECT_EQ(list.body.find("時限の誤り"), std::string::npos);
}

TEST_F(TermsPages, OnlyTheSecretariatChangesTermsAndRooms) {
  auto trainee = as("trainee@example.org");
  EXPECT_EQ(trainee.get("/timetable/terms").status, 403);
  EXPECT_EQ(trainee.post_form("/timetable/rooms", {{"name", "R"}, {"capacity", "10"}}).status, 403);
  auto steering = as("steering@example.org");
  auto list = steering.get("/timetable/terms");
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find("/timetable/terms/new"), std::string::npos) << "no creating for a reader";
  EXPECT_EQ(steering.post_form("/timetable/terms", term_form("委員会の学期", "2018-02-28")).status, 403);
  EXPECT_EQ(steering.get("/timetable/rooms").status, 200);
}

TEST_F(TermsPages, RoomsWithAZeroCapacityAreRefusedAndTheRowKeepsItsValues) {
  auto c = as("clerk@example.org");
  c.get("/timetable/rooms");
  ASSERT_EQ(c.post_form("/timetable/rooms", {{"name", "第3講義室"}, {"capacity", "60"}, {"location", "本館"}}).status, 303);
  auto zero = c.post_form("/timetable/rooms", {{"name", "物置"}, {"capacity", "0"}, {"location", ""}});
  EXPECT_EQ(zero.status, 422);
  EXPECT_NE(zero.body.find("value=\"物置\""), std::string::npos);
  auto page = c.get("/timetable/rooms");
  EXPECT_NE(page.body.find("第3講義室"), std::string::npos);
  EXPECT_EQ(page.body.find("物置"), std::string::npos);
}

}  // namespace
}  // namespace mdsc::testing
