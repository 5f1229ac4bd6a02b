// Exams against a real server: an instructor's scores on the form (a negative one refused with
// the reason, what was typed kept, nothing saved), a CSV import in CP932 with one bad row
// (listed, nothing imported) and then a good one (previewed, confirmed), and a trainee who sees
// their own results only: another trainee's result is 404 on the API.
#include <gtest/gtest.h>

#include <regex>

#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

constexpr const char* kPw = "Kanazawa-seminar-2017-pw";

class ExamsHttp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    server_->add_user("clerk@example.org", {"secretariat"}, kPw);
    server_->add_user("taro@example.org", {"trainee"}, kPw);
    server_->add_user("jiro@example.org", {"trainee"}, kPw);
    clerk_token_ = server_->api_token("clerk@example.org");
    taro_token_ = server_->api_token("taro@example.org");
    jiro_token_ = server_->api_token("jiro@example.org");
    auto db = server_->open_db();
    db->write([&](db::Conn& c) {
      c.exec("UPDATE users SET family_name = '金沢', given_name = '太郎' WHERE email = 'taro@example.org'");
      c.exec("UPDATE users SET family_name = '富山', given_name = '次郎' WHERE email = 'jiro@example.org'");
      course_ = c.insert(
          "INSERT INTO courses (fiscal_year, code, title_ja, category, kind, periods, time_band, created_at, "
          "updated_at) VALUES (2017, 'C1', '医療データ科学概論', 'common', 'lecture', 8, 'daytime', 'x', 'x')");
      for (const char* who : {"taro@example.org", "jiro@example.org"}) {
        const auto id = c.scalar_i64("SELECT id FROM users WHERE email = ?", {std::string(who)});
        (who[0] == 't' ? taro_ : jiro_) = id;
        c.exec(
            "INSERT INTO enrollments (course_id, user_id, status, created_at, enrolled_at, updated_at) "
            "VALUES (?, ?, 'enrolled', 1, 1, 1)",
            {course_, id});
      }
    });
    HttpClient api(server_->port());
    auto made = api.send_json("POST", "/api/v1/exams",
                              nlohmann::json{{"course_id", course_},
                                             {"title", "期末試験"},
                                             {"held_on", "2018-02-20"},
                                             {"max_score", 100},
                                             {"pass_mark", 60},
                                             {"retake_allowed", true},
                                             {"requires_attendance", false}}
                                  .dump(),
                              clerk_token_);
    ASSERT_EQ(made.status, 201) << made.body;
    exam_ = nlohmann::json::parse(made.body)["id"].get<std::int64_t>();
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
  static std::string exam_path() { return "/exams/" + std::to_string(exam_); }
  static std::string field(std::int64_t user, int attempt) {
    return "score." + std::to_string(user) + "." + std::to_string(attempt);
  }
  static std::int64_t results() {
    return server_->open_db()->read([](db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM exam_results"); });
  }

  static TestServer* server_;
  static std::string clerk_token_, taro_token_, jiro_token_;
  static std::int64_t course_, exam_, taro_, jiro_;
};
TestServer* ExamsHttp::server_ = nullptr;
std::string ExamsHttp::clerk_token_, ExamsHttp::taro_token_, ExamsHttp::jiro_token_;
std::int64_t ExamsHttp::course_ = 0, ExamsHttp::exam_ = 0, ExamsHttp::taro_ = 0, ExamsHttp::jiro_ = 0;

TEST_F(ExamsHttp, ScoresOnTheFormOrFromCsvAllOrNothingAndEachTraineeSeesOnlyTheirOwn) {
  auto clerk = as("clerk@example.org");
  ASSERT_EQ(clerk.get(exam_path()).status, 200);
  auto refused = clerk.post_form(exam_path() + "/scores", {{field(taro_, 1), "78"}, {field(jiro_, 1), "-5"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("0 から 100 までの整数"), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"-5\""), std::string::npos) << "what was typed is shown again";
  EXPECT_EQ(results(), 0) << "nothing is saved";

  // Excel's CSV (CP932): 氏名,メールアドレス,点数 — one row for someone not on the course.
  const std::string header = "\x8e\x81\x96\xbc,\x83\x81\x81[\x83\x8b\x83\x41\x83h\x83\x8c\x83X,\x93_\x90\x94\r\n";
  auto bad = clerk.post_file(exam_path() + "/import", "file", "scores.csv",
                             header + "x,taro@example.org,78\r\nx,nobody@example.org,50\r\n");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("nobody@example.org はこの科目の受講者にいません"), std::string::npos);
  EXPECT_EQ(bad.body.find("name=\"" + field(taro_, 1) + "\""), std::string::npos) << "nothing to confirm";
  EXPECT_EQ(results(), 0);

  auto good = clerk.post_file(exam_path() + "/import", "file", "scores.csv",
                              header + "x,taro@example.org,78\r\nx,jiro@example.org,45\r\n");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(results(), 0) << "a preview saves nothing";
  std::smatch m;
  ASSERT_TRUE(std::regex_search(good.body, m, std::regex("name=\"" + field(jiro_, 1) + "\" value=\"([0-9]+)\"")));
  EXPECT_EQ(m[1].str(), "45");
  EXPECT_EQ(clerk.post_form(exam_path() + "/scores", {{field(taro_, 1), "78"}, {field(jiro_, 1), "45"}}).status, 303);
  EXPECT_EQ(results(), 2);

  // Each trainee: their own results page and API; another's result does not exist for them.
  auto taro = as("taro@example.org");
  auto page = taro.get("/exam-results");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("78 / 100"), std::string::npos);
  EXPECT_EQ(page.body.find("45 / 100"), std::string::npos);
  EXPECT_EQ(taro.get(exam_path()).status, 404) << "a trainee does not see the exam's scores";
  HttpClient api(server_->port());
  auto own = nlohmann::json::parse(api.send_json("GET", "/api/v1/exam-results", "", taro_token_).body)["items"];
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0]["score"], 78);
  auto jiros = nlohmann::json::parse(api.send_json("GET", "/api/v1/exam-results", "", jiro_token_).body)["items"];
  ASSERT_EQ(jiros.size(), 1u);
  const std::string jiro_result = "/api/v1/exam-results/" + std::to_string(jiros[0]["id"].get<std::int64_t>());
  EXPECT_EQ(api.send_json("GET", jiro_result, "", taro_token_).status, 404);
  EXPECT_EQ(api.send_json("GET", jiro_result, "", jiro_token_).status, 200);
  EXPECT_EQ(api.send_json("GET", "/api/v1/exam-results?exam_id=" + std::to_string(exam_), "", taro_token_).status, 404);

  // The API enters a retake for the failed first attempt; a negative score is refused, in English.
  const auto body = [&](int score) {
    return nlohmann::json{{"exam_id", exam_}, {"results", {{{"user_id", jiro_}, {"attempt", 2}, {"score", score}}}}}
        .dump();
  };
  auto negative = api.send_json("POST", "/api/v1/exam-results?lang=en", body(-1), clerk_token_);
  EXPECT_EQ(negative.status, 422);
  EXPECT_NE(negative.body.find("whole number from 0 to 100"), std::string::npos) << negative.body;
  EXPECT_EQ(api.send_json("POST", "/api/v1/exam-results", body(70), clerk_token_).status, 200);
  EXPECT_EQ(results(), 3);
}

}  // namespace
}  // namespace mdsc::testing
