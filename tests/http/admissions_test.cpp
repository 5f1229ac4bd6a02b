// Applying through the public form and being accepted, against a real server.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "core/clock.h"
#include "modules/members.h"
#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/outbox.h"
#include "support/test_server.h"
#include "support/units.h"

namespace mdsc::testing {
namespace {

constexpr const char* kAdminPw = "Kanazawa-seminar-2017-pw";

class Apply : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    server_->add_user("admin@example.org", {"secretariat"}, kAdminPw);
    token_ = server_->cli({"user", "token", "--email", "admin@example.org"}).out;
    token_ = token_.substr(0, token_.find('\n'));
    // A year whose window is open today, whatever today is.
    std::int64_t now = SystemClock().now_unix();
    nlohmann::json y{{"opens_at", to_iso_utc(now - 86400)}, {"closes_at", to_iso_utc(now + 86400)},
                     {"program_starts_on", "2030-12-01"}, {"target_a", 30}, {"target_b", 30},
                     {"privacy_version", "v1"}, {"privacy_ja", "個人情報は選考と連絡にのみ使います。"},
                     {"privacy_en", "Used for selection and contact only."}};
    HttpClient c(server_->port());
    auto r = c.send_json("PUT", "/api/v1/program-years/2030", y.dump(), token_);
    ASSERT_EQ(r.status, 200) << r.body;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::vector<std::pair<std::string, std::string>> phd_fields(const std::string& email) {
    return {{"fy", "2030"}, {"trainee_type", "A"}, {"a_category", "phd_student"}, {"family_name", "仮野"},
            {"given_name", "さくら"}, {"family_name_kana", "カリノ"}, {"given_name_kana", "サクラ"},
            {"romaji_name", "Sakura KARINO"}, {"email", email}, {"university", "架空大学"}, {"year_of_study", "D1"},
            {"supervisor_name", "指導 教員"}, {"supervisor_email", "prof@university.example"},
            {"tracks", "bigdata_medicine"}, {"tracks", "common"}, {"consent", "1"}};
  }
  static TestServer* server_;
  static std::string token_;
};
TestServer* Apply::server_ = nullptr;
std::string Apply::token_;

TEST_F(Apply, MissingKanaIsShownBesideTheFieldWithTheTypedValuesKept) {
  HttpClient c(server_->port());
  auto form = c.get("/apply?fy=2030");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("個人情報は選考と連絡にのみ使います。"), std::string::npos) << "the privacy notice";
  auto fields = phd_fields("kana@example.org");
  for (auto& [k, v] : fields)
    if (k == "family_name_kana") v = "";
  auto r = c.post_form("/apply", fields);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("id=\"f-family_name_kana-error\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"仮野\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"kana@example.org\""), std::string::npos);
  EXPECT_NE(r.body.find("id=\"track-bigdata_medicine\" name=\"tracks\" value=\"bigdata_medicine\" checked"), std::string::npos);
  auto bad_mail = phd_fields("not-a-mail");
  auto m = c.post_form("/apply?lang=en", bad_mail);
  EXPECT_EQ(m.status, 422);
  EXPECT_NE(m.body.find("Enter an e-mail address like name@example.org."), std::string::npos);
}

TEST_F(Apply, AnApplicantIsAcceptedAndSetsAPasswordFromTheInvitation) {
  HttpClient applicant(server_->port());
  applicant.get("/apply?fy=2030");
  auto done = applicant.post_form("/apply", phd_fields("sakura@example.org"));
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_NE(done.body.find("sakura@example.org"), std::string::npos);
  EXPECT_FALSE(outbox_mails(server_->outbox_dir(), "To: sakura@example.org", 1).empty()) << "the confirmation";
  auto again = applicant.post_form("/apply", phd_fields("sakura@example.org"));
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("既に申し込まれています"), std::string::npos);

  HttpClient admin(server_->port());
  ASSERT_EQ(admin.login("admin@example.org", kAdminPw), 303);
  auto list = admin.get("/admissions?fy=2030");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(list.body, m, std::regex("href=\"(/admissions/applications/\\d+)\">仮野 さくら")));
  std::string href = m[1];
  admin.get(href);
  auto no_reason = admin.post_form(href + "/decision", {{"decision", "declined"}});
  EXPECT_EQ(no_reason.status, 422);
  auto accepted = admin.post_form(href + "/decision", {{"decision", "accepted"}});
  EXPECT_EQ(accepted.status, 303);
  auto mails = outbox_mails(server_->outbox_dir(), "To: sakura@example.org", 3);
  std::string link;
  for (const auto& body : mails)
    if (std::regex_search(body, m, std::regex("http://[^/\\s]+(/password-reset/[A-Za-z0-9_-]+)"))) link = m[1];
  ASSERT_FALSE(link.empty()) << "an invitation to set a password";
  HttpClient trainee(server_->port());
  trainee.get(link);
  EXPECT_EQ(trainee.post_form(link, {{"password", "Autumn-leaves-in-Kyoto-7"}}).status, 303);
  EXPECT_EQ(trainee.login("sakura@example.org", "Autumn-leaves-in-Kyoto-7"), 303);
  auto dash = trainee.get("/");
  EXPECT_NE(dash.body.find("受講者"), std::string::npos) << "the trainee role";
}

// Decision 0012: naming a company on the public form takes none of its seats; its representative
// confirms the applicant (or says they are not theirs) before the secretariat may accept.
TEST_F(Apply, ATypeBApplicantHoldsASeatOnlyOnceTheCompanyConfirms) {
  auto db = server_->open_db();
  const std::int64_t now = SystemClock().now_unix();
  testing::Units setup(*db, now);
  members::FeeSchedule fees;
  fees.fiscal_year = 2030;
  fees.tiers = {{0, 0, "A", "A会員", "Tier A", 2000000, 1, true, true, true, "10", "any"}};
  ASSERT_TRUE(setup.write([&](Work& w) { return members::create_fee_schedule(w, fees); }).is_ok());
  auto company = [&](const char* name) {
    members::Organization o;
    o.kind = "company";
    o.company_type = "pharma";
    o.name = name;
    auto id = *setup.write([&](Work& w) { return members::create_organization(w, o); });
    EXPECT_TRUE(setup
                    .write([&](Work& w) {
                      return members::create_membership(w, id, 2030, "A", members::MembershipStatus::active);
                    })
                    .is_ok());
    return id;
  };
  const auto ours = company("確認製薬"), theirs = company("他社製薬");
  server_->add_user("rep@kakunin.example", {"partner_representative:" + std::to_string(ours)}, kAdminPw);
  server_->add_user("rep@tasha.example", {"partner_representative:" + std::to_string(theirs)}, kAdminPw);
  auto seats = [&] {
    return db->read([&](db::Conn& c) {
      return c.scalar_i64("SELECT COUNT(*) FROM seat_requests s JOIN memberships m ON m.id = s.membership_id "
                          "WHERE m.company_id = ?", {ours});
    });
  };

  HttpClient applicant(server_->port());
  applicant.get("/apply?fy=2030");
  auto fields = phd_fields("employee@kakunin.example");
  for (auto& [k, v] : fields) {
    if (k == "trainee_type") v = "B";
    if (k == "a_category") v = "";
  }
  fields.emplace_back("company_id", std::to_string(ours));
  ASSERT_EQ(applicant.post_form("/apply", fields).status, 200);
  EXPECT_EQ(seats(), 0) << "nothing of the company's is held by the form alone";
  auto asked = outbox_mails(server_->outbox_dir(), "To: rep@kakunin.example", 1);
  ASSERT_FALSE(asked.empty()) << "the representative is asked";
  EXPECT_NE(asked.front().find("/company-applications?fy=2030"), std::string::npos);
  const auto id = db->read([](db::Conn& c) {
    return c.scalar_i64("SELECT id FROM applications WHERE email = 'employee@kakunin.example'");
  });
  const std::string href = "/admissions/applications/" + std::to_string(id);

  HttpClient admin(server_->port());
  ASSERT_EQ(admin.login("admin@example.org", kAdminPw), 303);
  auto page = admin.get(href);
  EXPECT_NE(page.body.find("会社の確認待ち"), std::string::npos);
  auto early = admin.post_form(href + "/decision", {{"decision", "accepted"}});
  EXPECT_EQ(early.status, 422);
  EXPECT_NE(early.body.find("会社の確認がまだのため受け入れられません"), std::string::npos);

  // The other company's representative sees nothing of it and cannot answer for it.
  HttpClient stranger(server_->port());
  ASSERT_EQ(stranger.login("rep@tasha.example", kAdminPw), 303);
  EXPECT_EQ(stranger.get("/company-applications?fy=2030").body.find("employee@kakunin.example"), std::string::npos);
  EXPECT_EQ(stranger.post_form(href + "/company", {{"answer", "confirm"}}).status, 404);
  EXPECT_EQ(seats(), 0);

  HttpClient rep(server_->port());
  ASSERT_EQ(rep.login("rep@kakunin.example", kAdminPw), 303);
  EXPECT_NE(rep.get("/").body.find("確認を待っている申込み: 1"), std::string::npos) << "the dashboard says so";
  auto list = rep.get("/company-applications?fy=2030");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("employee@kakunin.example"), std::string::npos);
  EXPECT_EQ(rep.get(href).status, 403) << "the review page stays the secretariat's";
  EXPECT_EQ(rep.post_form(href + "/company", {{"answer", "confirm"}}).status, 303);
  EXPECT_EQ(seats(), 1);
  EXPECT_EQ(rep.post_form(href + "/company", {{"answer", "reject"}, {"reason", "x"}}).status, 303)
      << "answered already: told so on the page";
  EXPECT_EQ(seats(), 1);

  admin.get(href);
  EXPECT_EQ(admin.post_form(href + "/decision", {{"decision", "accepted"}}).status, 303);
}

TEST_F(Apply, OutsideTheWindowThePageSaysWhen) {
  std::int64_t now = SystemClock().now_unix();
  nlohmann::json y{{"opens_at", to_iso_utc(now + 10 * 86400)}, {"closes_at", to_iso_utc(now + 20 * 86400)},
                   {"program_starts_on", "2031-12-01"}, {"privacy_version", "v1"}, {"privacy_ja", "x"}, {"privacy_en", "x"}};
  HttpClient c(server_->port());
  ASSERT_EQ(c.send_json("PUT", "/api/v1/program-years/2031", y.dump(), token_).status, 200);
  auto page = c.get("/apply?fy=2031");
  EXPECT_NE(page.body.find("申込み受付は"), std::string::npos);
  EXPECT_NE(page.body.find("に始まります"), std::string::npos);
  EXPECT_EQ(page.body.find("name=\"family_name\""), std::string::npos) << "no form before the window opens";
  auto sneaky = phd_fields("early@example.org");
  sneaky[0].second = "2031";
  c.get("/apply?fy=2030");  // a page with a form, for the CSRF token
  auto refused = c.post_form("/apply", sneaky);
  EXPECT_NE(refused.body.find("に始まります"), std::string::npos) << refused.status;
  auto list = c.get("/api/v1/applications?fiscal_year=2031", {{"Authorization", "Bearer " + token_}});
  EXPECT_EQ(nlohmann::json::parse(list.body)["total"], 0);
}

}  // namespace
}  // namespace mdsc::testing
