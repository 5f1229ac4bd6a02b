// Generating a draft timetable against a real server: the API starts a run, its progress is
// readable while it runs, the draft places every period of every course on teaching days only,
// the page shows the grid, a run can be stopped, and only the secretariat starts or stops one.
#include <gtest/gtest.h>

#include <set>

#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/test_server.h"
#include "support/wait.h"

namespace mdsc::testing {
namespace {

constexpr const char* kPw = "Kanazawa-seminar-2017-pw";

class Generation : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    server_->add_user("clerk@example.org", {"secretariat"}, kPw);
    server_->add_user("trainee@example.org", {"trainee"}, kPw);
    token_ = server_->cli({"user", "token", "--email", "clerk@example.org"}).out;
    token_ = token_.substr(0, token_.find('\n'));
    HttpClient c(server_->port());
    auto t = c.send_json("POST", "/api/v1/terms",
                         R"({"fiscal_year":2017,"name":"試行期間","starts_on":"2017-12-01","ends_on":"2018-02-28"})", token_);
    ASSERT_EQ(t.status, 201) << t.body;
    term_id_ = nlohmann::json::parse(t.body)["id"];
    for (const char* room : {R"({"name":"第1講義室","capacity":80})", R"({"name":"演習室","capacity":40})"})
      ASSERT_EQ(c.send_json("POST", "/api/v1/rooms", room, token_).status, 201);
    // Two common subjects in the daytime and two evening courses of one track: 30 sessions.
    const char* courses[] = {
        R"({"fiscal_year":2017,"code":"C1","title_ja":"医療データ科学概論","category":"common","kind":"lecture","periods":8,"time_band":"daytime"})",
        R"({"fiscal_year":2017,"code":"C2","title_ja":"Python演習","category":"common","kind":"practical","periods":8,"time_band":"daytime"})",
        R"({"fiscal_year":2017,"code":"B1","title_ja":"ゲノム医療","category":"specialised","track":"bigdata_medicine","kind":"lecture","periods":7,"time_band":"evening"})",
        R"({"fiscal_year":2017,"code":"B2","title_ja":"医療画像AI","category":"specialised","track":"bigdata_medicine","kind":"lecture","periods":7,"time_band":"evening"})"};
    for (const char* k : courses) {
      auto r = c.send_json("POST", "/api/v1/courses", k, token_);
      ASSERT_EQ(r.status, 201) << r.body;
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  // Asks for the run until it is no longer running (the solver's own time budget ends it; the
  // wait's deadline only bounds a hang).
  static nlohmann::json wait_for(HttpClient& c, std::int64_t run) {
    nlohmann::json j;
    wait_until([&] {
      auto r = c.get("/api/v1/timetables/" + std::to_string(run), {{"Authorization", "Bearer " + token_}});
      EXPECT_EQ(r.status, 200) << r.body;
      j = nlohmann::json::parse(r.body, nullptr, false);
      return r.status != 200 || !j.is_object() || j["status"] != "running";
    });
    return j;
  }
  static TestServer* server_;
  static std::string token_;
  static std::int64_t term_id_;
};
TestServer* Generation::server_ = nullptr;
std::string Generation::token_;
std::int64_t Generation::term_id_ = 0;

TEST_F(Generation, TheApiGeneratesADraftWithEverySessionOnATeachingDay) {
  HttpClient c(server_->port());
  auto start = c.send_json("POST", "/api/v1/timetables",
                           nlohmann::json{{"term_id", term_id_}, {"seed", 7}, {"seconds", 2}}.dump(), token_);
  ASSERT_EQ(start.status, 202) << start.body;
  const std::int64_t run = nlohmann::json::parse(start.body)["id"];
  auto j = wait_for(c, run);
  ASSERT_EQ(j["status"], "done") << j.dump();
  EXPECT_EQ(j["best_hard"], 0);
  ASSERT_EQ(j["sessions"].size(), 30u);

  auto term = nlohmann::json::parse(c.get("/api/v1/terms/" + std::to_string(term_id_), {{"Authorization", "Bearer " + token_}}).body);
  std::set<std::string> teaching;
  for (const auto& d : term["days"])
    if (d["status"] == "teaching") teaching.insert(d["date"]);
  std::set<std::string> slots;  // date, band, period: the common subjects must not overlap, nor the track
  for (const auto& s : j["sessions"]) {
    EXPECT_TRUE(teaching.count(s["date"])) << s.dump() << " is not a teaching day";
    slots.insert(s["date"].get<std::string>() + s["band"].get<std::string>() + std::to_string(s["period"].get<int>()));
  }
  EXPECT_EQ(slots.size(), 30u) << "two sessions of one curriculum share a period";

  // The page shows the draft as a grid.
  HttpClient browser(server_->port());
  ASSERT_EQ(browser.login("clerk@example.org", kPw), 303);
  auto page = browser.get("/timetable/runs/" + std::to_string(run));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("医療データ科学概論"), std::string::npos);
  EXPECT_NE(page.body.find("第1講義室"), std::string::npos);
  EXPECT_EQ(page.body.find("http-equiv=\"refresh\""), std::string::npos) << "a finished run does not reload";
  // And the term's page lists it among its runs.
  auto term_page = browser.get("/timetable/terms/" + std::to_string(term_id_));
  EXPECT_NE(term_page.body.find("href=\"/timetable/runs/" + std::to_string(run) + "\""), std::string::npos);
}

TEST_F(Generation, ALongRunShowsProgressAndStopsWhenCancelledFromThePage) {
  HttpClient browser(server_->port());
  ASSERT_EQ(browser.login("clerk@example.org", kPw), 303);
  browser.get("/timetable/terms/" + std::to_string(term_id_));
  auto start = browser.post_form("/timetable/terms/" + std::to_string(term_id_) + "/generate", {{"seconds", "600"}, {"seed", "3"}});
  ASSERT_EQ(start.status, 303) << start.body;
  const std::string location = start.header("location");
  auto page = browser.get(location);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<progress"), std::string::npos);
  EXPECT_NE(page.body.find("http-equiv=\"refresh\""), std::string::npos) << "a running page reloads itself";

  // A second run for the same term waits for the first.
  HttpClient api(server_->port());
  auto second = api.send_json("POST", "/api/v1/timetables", nlohmann::json{{"term_id", term_id_}}.dump(), token_);
  EXPECT_EQ(second.status, 409) << second.body;

  auto cancel = browser.post_form(location + "/cancel", {});
  EXPECT_EQ(cancel.status, 303);
  const std::int64_t run = std::stoll(location.substr(location.rfind('/') + 1));
  auto j = wait_for(api, run);
  EXPECT_EQ(j["status"], "cancelled") << j.dump();
}

TEST_F(Generation, AYearWithoutCoursesIsRefusedWithAMessageAndStartsNothing) {
  HttpClient c(server_->port());
  auto t = c.send_json("POST", "/api/v1/terms",
                       R"({"fiscal_year":2019,"name":"空の学期","starts_on":"2019-12-02","ends_on":"2020-02-28"})", token_);
  ASSERT_EQ(t.status, 201) << t.body;
  const std::int64_t empty_term = nlohmann::json::parse(t.body)["id"];
  auto r = c.send_json("POST", "/api/v1/timetables", nlohmann::json{{"term_id", empty_term}}.dump(), token_);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("この年度の科目がありません"), std::string::npos) << r.body;
  auto missing = c.send_json("POST", "/api/v1/timetables", nlohmann::json{{"term_id", 999999}}.dump(), token_);
  EXPECT_EQ(missing.status, 404) << missing.body;
}

TEST_F(Generation, ATraineeCannotStartOrStopARun) {
  HttpClient trainee(server_->port());
  ASSERT_EQ(trainee.login("trainee@example.org", kPw), 303);
  trainee.get("/");
  EXPECT_EQ(trainee.post_form("/timetable/terms/" + std::to_string(term_id_) + "/generate", {{"seconds", "1"}}).status, 403);
  EXPECT_EQ(trainee.get("/timetable/runs/1").status, 403);
}

}  // namespace
}  // namespace mdsc::testing
