// The completion list against a real server with the FY2017 demo: the secretariat sees each
// trainee with what they still lack (the term is under way: nobody completes yet), a trainee does
// not see it, and a bad rule or the confirmation of someone who does not complete is refused with
// the reason and changes nothing.
#include <gtest/gtest.h>

#include <regex>

#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/outbox.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

TEST(CompletionHttp, TheSecretariatSeesWhoCompletesAndWhyNot) {
  TestServer server;
  ASSERT_EQ(server.cli({"init", "--demo"}).exit_code, 0);
  const auto passwords = demo_passwords(server.dir());
  HttpClient clerk(server.port());
  ASSERT_EQ(clerk.login("secretariat@mdsc.example", passwords.at("secretariat@mdsc.example")), 303);
  auto page = clerk.get("/completion?fy=2017");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"completion\""), std::string::npos);
  // Which course lacks what depends on where the solver put the sessions before the demo's day.
  EXPECT_TRUE(std::regex_search(page.body, std::regex("<li>[A-Z]+-[A-Z0-9]+ [^<:]+: [^<]+</li>")))
      << "a course and what it lacks";
  auto bad = clerk.post_form("/completion/rule?fy=2017", {{"tracks_required", "x"}, {"exams_required", "1"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("field-error"), std::string::npos);
  EXPECT_EQ(server.open_db()->read([](db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM completion_rules"); }),
            0);

  HttpClient trainee(server.port());
  ASSERT_EQ(trainee.login("trainee@mdsc.example", passwords.at("trainee@mdsc.example")), 303);
  EXPECT_EQ(trainee.get("/completion?fy=2017").status, 403);

  const auto token = server.api_token("secretariat@mdsc.example");
  auto api = clerk.send_json("GET", "/api/v1/completions?fiscal_year=2017", "", token);
  ASSERT_EQ(api.status, 200) << api.body;
  const auto j = nlohmann::json::parse(api.body);
  ASSERT_FALSE(j["items"].empty());
  EXPECT_FALSE(j["items"][0]["completes"].get<bool>()) << "mid-term: nobody has completed";
  EXPECT_FALSE(j["items"][0]["reasons"].empty());

  // Confirming someone who does not complete is refused with the reason, and nothing is written.
  const auto user = std::to_string(j["items"][0]["user_id"].get<std::int64_t>());
  clerk.get("/completion?fy=2017");
  auto refused = clerk.post_form("/completion/confirm?fy=2017", {{"user_id", user}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_NE(refused.body.find("修了要件を満たしていません"), std::string::npos);
  EXPECT_EQ(server.open_db()->read(
                [](db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM completions WHERE fiscal_year = 2017"); }),
            0);
}

}  // namespace
}  // namespace mdsc::testing
