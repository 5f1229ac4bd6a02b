// Check-in against a real server: the instructor's roll call shows the code, a trainee checks in
// with it from their phone (the device cookie is set), a friend who uses the same phone is
// flagged and so is the trainee, a trainee of another course gets 403 with the reason in their
// language, the API checks in once, and the roll call's CSV opens in Excel (BOM, CRLF).
#include <gtest/gtest.h>

#include <regex>

#include "core/clock.h"
#include "core/i18n.h"
#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

constexpr const char* kPw = "Kanazawa-seminar-2017-pw";

class AttendanceHttp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Check-in opens two hours before a session: of today's and tomorrow's all-day sessions,
    // one is open whenever the test runs (tomorrow's from 22:00 Tokyo time).
    TestServer::Options o;
    o.env = {{"MDSC_CHECKIN_OPENS_MINUTES", "120"}};
    server_ = new TestServer(o);
    server_->add_user("clerk@example.org", {"secretariat"}, kPw);
    server_->add_user("trainee@example.org", {"trainee"}, kPw);
    server_->add_user("friend@example.org", {"trainee"}, kPw);
    server_->add_user("outsider@example.org", {"trainee"}, kPw);
    trainee_token_ = server_->api_token("trainee@example.org");
    const std::int64_t now = SystemClock().now_unix();
    const std::string today = i18n::tokyo_date_iso(now), tomorrow = i18n::tokyo_date_iso(now + 86400);
    const bool late_evening = i18n::tokyo_time_hm(now) >= "22:00";
    auto db = server_->open_db();
    db->write([&](db::Conn& c) {
      auto id_of = [&](const char* email) {
        return c.scalar_i64("SELECT id FROM users WHERE email = ?", {std::string(email)});
      };
      c.exec("UPDATE users SET family_name = '金沢', given_name = '太郎' WHERE email = 'trainee@example.org'");
      course_ = c.insert(
          "INSERT INTO courses (fiscal_year, code, title_ja, category, kind, periods, time_band, created_at, "
          "updated_at) "
          "VALUES (2017, 'C1', '医療データ科学概論', 'common', 'lecture', 8, 'daytime', 'x', 'x')");
      for (const char* who : {"trainee@example.org", "friend@example.org"})
        c.exec(
            "INSERT INTO enrollments (course_id, user_id, status, created_at, enrolled_at, updated_at) "
            "VALUES (?, ?, 'enrolled', 1, 1, 1)",
            {course_, id_of(who)});
      const auto term = c.insert(
          "INSERT INTO terms (fiscal_year, name, starts_on, ends_on, created_at, updated_at) "
          "VALUES (2017, '試行期間', '2017-12-01', '2018-02-28', 'x', 'x')");
      const char* insert =
          "INSERT INTO course_sessions (term_id, course_id, day, band, position, starts_at, ends_at, status, sequence, "
          "created_at, updated_at) VALUES (?, ?, ?, 'daytime', 1, '00:00', '23:59', 'scheduled', 0, 1, 1)";
      const auto on_today = c.insert(insert, {term, course_, today});
      const auto on_tomorrow = c.insert(insert, {term, course_, tomorrow});
      session_ = late_evening ? on_tomorrow : on_today;
    });
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
  static std::string roll_call_path() { return "/sessions/" + std::to_string(session_) + "/attendance"; }
  // The six digits the roll call shows the room.
  static std::string shown_code() {
    auto clerk = as("clerk@example.org");
    auto page = clerk.get(roll_call_path());
    EXPECT_EQ(page.status, 200);
    std::smatch m;
    static const std::regex re("id=\"checkin-code\">([0-9]{6})<");
    return std::regex_search(page.body, m, re) ? m[1].str() : "";
  }
  static HttpResponse check_in(HttpClient& c, const std::string& code) {
    auto form = c.get("/checkin?session=" + std::to_string(session_) + "&code=" + code);
    EXPECT_EQ(form.status, 200);
    return c.post_form("/checkin", {{"session", std::to_string(session_)}, {"code", code}});
  }

  static TestServer* server_;
  static std::string trainee_token_;
  static std::int64_t session_, course_;
};
TestServer* AttendanceHttp::server_ = nullptr;
std::string AttendanceHttp::trainee_token_;
std::int64_t AttendanceHttp::session_ = 0;
std::int64_t AttendanceHttp::course_ = 0;

TEST_F(AttendanceHttp, ATraineeChecksInWithTheShownCodeAndAFriendOnTheSamePhoneIsFlagged) {
  // Scanning the QR code before logging in: the login keeps the address, code included.
  HttpClient anonymous(server_->port());
  const std::string code = shown_code();
  ASSERT_EQ(code.size(), 6u);
  auto scanned = anonymous.get("/checkin?session=" + std::to_string(session_) + "&code=" + code);
  EXPECT_EQ(scanned.status, 303);
  const std::string location = scanned.header("location");
  EXPECT_NE(location.find("next=%2Fcheckin%3Fsession%3D"), std::string::npos) << location;
  EXPECT_NE(location.find("code%3D" + code), std::string::npos) << location;
  EXPECT_NE(location.find("ticket%3D"), std::string::npos) << "the scan's ticket keeps the code good: " << location;

  auto phone = as("trainee@example.org");
  auto done = check_in(phone, shown_code());
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_NE(done.body.find("出席を記録しました"), std::string::npos);
  ASSERT_TRUE(phone.cookies().count("mdsc_device")) << "the phone keeps its device credential";
  bool http_only = false;
  for (const auto& h : done.headers_named("set-cookie"))
    if (h.rfind("mdsc_device=", 0) == 0) http_only = h.find("HttpOnly") != std::string::npos;
  EXPECT_TRUE(http_only);

  // The friend logs in on the same phone (its device cookie stays) and checks in.
  HttpClient same_phone(server_->port());
  same_phone.cookies()["mdsc_device"] = phone.cookies()["mdsc_device"];
  ASSERT_EQ(same_phone.login("friend@example.org", kPw), 303);
  auto flagged = check_in(same_phone, shown_code());
  ASSERT_EQ(flagged.status, 200) << flagged.body;
  EXPECT_NE(flagged.body.find("事務局が確認します"), std::string::npos);

  auto clerk = as("clerk@example.org");
  auto roll = clerk.get(roll_call_path());
  ASSERT_EQ(roll.status, 200);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(roll.body, m, std::regex("id=\"rollcall-counts\">([^<]*)<")));
  const std::string counts = m[1].str();
  // Both checked in (late: the all-day session started at midnight), both flagged.
  EXPECT_NE(counts.find("遅刻 2"), std::string::npos) << counts;
  EXPECT_NE(counts.find("未出席 0"), std::string::npos) << counts;
  EXPECT_NE(counts.find("要確認 2"), std::string::npos) << counts;
  EXPECT_EQ(std::regex_search(roll.body, std::regex("同じ端末で複数人")), true);

  auto csv = clerk.get(roll_call_path() + ".csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 with BOM";
  EXPECT_NE(csv.body.find("\r\n"), std::string::npos);
  EXPECT_NE(csv.body.find("金沢 太郎"), std::string::npos);
}

TEST_F(AttendanceHttp, ATraineeOfAnotherCourseIsRefusedWithTheReasonAndAWrongCodeIsKept) {
  auto c = as("outsider@example.org");
  auto refused = check_in(c, shown_code());
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("履修していない"), std::string::npos);
  auto trainee = as("trainee@example.org");
  auto wrong = check_in(trainee, "12");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("6桁の数字"), std::string::npos);
  EXPECT_NE(wrong.body.find("value=\"12\""), std::string::npos) << "what was typed is shown again";
  // Typed on the plain check-in page: the code finds no session of theirs.
  c.get("/checkin");
  auto typed = c.post_form("/checkin", {{"code", shown_code()}});
  EXPECT_EQ(typed.status, 422);
  EXPECT_NE(typed.body.find("見つかりません"), std::string::npos);
  // Others see no roll call: 404, not a hint that the session exists.
  EXPECT_EQ(c.get(roll_call_path()).status, 404);
}

TEST_F(AttendanceHttp, ATraineeTypesOnlyTheCodeAndItFindsTheirSession) {
  auto c = as("friend@example.org");
  auto page = c.get("/checkin");
  ASSERT_EQ(page.status, 200);
  auto done = c.post_form("/checkin", {{"code", shown_code()}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_NE(done.body.find("出席"), std::string::npos);
  EXPECT_NE(done.body.find("id=\"checkin-result\""), std::string::npos);
}

TEST_F(AttendanceHttp, TheApiChecksInOnce) {
  HttpClient c(server_->port());
  const std::string body = nlohmann::json{{"session_id", session_}, {"code", shown_code()}}.dump();
  const std::string& auth = trainee_token_;
  auto first = c.send_json("POST", "/api/v1/checkins", body, auth);
  EXPECT_TRUE(first.status == 201 || first.status == 200) << first.body;
  auto second = c.send_json("POST", "/api/v1/checkins", body, auth);
  EXPECT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(nlohmann::json::parse(second.body)["already"], true);
  auto bad =
      c.send_json("POST", "/api/v1/checkins", nlohmann::json{{"session_id", session_}, {"code", 123456}}.dump(), auth);
  EXPECT_EQ(bad.status, 422);
}

// A trainee reads their own rates; a course's rates are for its teachers and the secretariat,
// who sets the course's rule (a bad one is refused with the reason, the typed text kept).
TEST_F(AttendanceHttp, RatesForTheTraineeAndTheCourseAndTheRuleTheSecretariatSets) {
  auto trainee = as("trainee@example.org");
  auto mine = trainee.get("/attendance");
  ASSERT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find("data-course=\"C1\""), std::string::npos);
  EXPECT_NE(mine.body.find("出席基準"), std::string::npos);
  const std::string rates_path = "/courses/" + std::to_string(course_) + "/attendance";
  EXPECT_EQ(trainee.get(rates_path).status, 404) << "a trainee does not see the others' rates";
  EXPECT_EQ(as("outsider@example.org").get(rates_path).status, 404);

  auto clerk = as("clerk@example.org");
  auto page = clerk.get(rates_path);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"course-threshold\">2/3<"), std::string::npos) << "the default rule";
  EXPECT_NE(page.body.find("金沢 太郎"), std::string::npos);
  auto bad = clerk.post_form(rates_path + "/rule", {{"threshold", "3/2"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("0 より大きく 1 以下"), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"3/2\""), std::string::npos);
  EXPECT_NE(clerk.get(rates_path).body.find("id=\"course-threshold\">2/3<"), std::string::npos) << "nothing saved";
  EXPECT_EQ(clerk.post_form(rates_path + "/rule", {{"threshold", "75%"}, {"excused_counts", "1"}}).status, 303);
  EXPECT_NE(clerk.get(rates_path).body.find("id=\"course-threshold\">75%<"), std::string::npos);
  EXPECT_EQ(trainee.post_form(rates_path + "/rule", {{"threshold", "10%"}}).status, 403);

  HttpClient api(server_->port());
  auto me = api.send_json("GET", "/api/v1/me/attendance", "", trainee_token_);
  ASSERT_EQ(me.status, 200) << me.body;
  const auto items = nlohmann::json::parse(me.body)["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["course_code"], "C1");
  EXPECT_EQ(items[0]["threshold"], "75%");
}

}  // namespace
}  // namespace mdsc::testing
