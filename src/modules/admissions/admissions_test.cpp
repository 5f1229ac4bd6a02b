// Admissions on both databases: the window's edges in Asia/Tokyo, seats of type B applicants,
// duplicates, decisions and the accounts they create.
#include <gtest/gtest.h>

#include "core/crypto.h"
#include "core/i18n.h"
#include "modules/accounts/repo.h"
#include "modules/admissions/operations.h"
#include "modules/admissions/repo.h"
#include "modules/members/operations.h"
#include "modules/members/repo.h"
#include "support/test_db.h"

namespace mdsc::admissions {
namespace {

std::int64_t tokyo(const char* date, const char* time) {
  std::int64_t t = 0;
  EXPECT_TRUE(i18n::tokyo_to_unix(date, time, t));
  return t;
}

class Admissions : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    db_ = testing::fresh_database();
    ProgramYear y;
    y.fiscal_year = 2017;
    y.opens_at = tokyo("2017-10-30", "00:00:00");
    y.closes_at = tokyo("2017-11-17", "23:59:59");
    y.program_starts_on = "2017-12-01";
    y.privacy_version = "v1";
    y.privacy_ja = "個人情報の取扱い";
    y.privacy_en = "Privacy";
    ASSERT_TRUE(save_program_year(*db_, actor_, y, y.opens_at).is_ok());
    members::FeeSchedule s;
    s.fiscal_year = 2017;
    s.tiers = {{0, 0, "M", "モニター", "Monitor", 500000, 1, true, true, true, "10", "any"}};
    ASSERT_TRUE(members::create_fee_schedule(*db_, actor_, s, y.opens_at).is_ok());
    members::Organization o;
    o.kind = "company";
    o.company_type = "pharma";
    o.name = "架空製薬";
    company_ = *members::create_organization(*db_, actor_, o, y.opens_at);
    ASSERT_TRUE(members::create_membership(*db_, actor_, company_, 2017, "M", "active", y.opens_at).is_ok());
  }
  Application phd(const std::string& email) {
    Application a;
    a.fiscal_year = 2017;
    a.email = email;
    a.trainee_type = "A";
    a.a_category = "phd_student";
    a.family_name = "仮野";
    a.given_name = "さくら";
    a.family_name_kana = "カリノ";
    a.given_name_kana = "サクラ";
    a.university = "架空大学";
    a.year_of_study = "D1";
    a.supervisor_name = "指導 教員";
    a.supervisor_email = "prof@university.example";
    return a;
  }
  Application employee(const std::string& email) {
    Application a = phd(email);
    a.trainee_type = "B";
    a.company_id = company_;
    return a;
  }
  Result<std::int64_t> submit(const Application& a, std::int64_t now) {
    SubmitOptions o;
    o.consent = true;
    return submit_application(*db_, actor_, a, o, now);
  }
  std::int64_t count(const std::string& sql) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }
  std::unique_ptr<db::Database> db_;
  audit::Actor actor_ = audit::Actor::system("test");
  std::int64_t company_ = 0;
};

TEST_F(Admissions, TheWindowOpensAtMidnightAndClosesAfter235959InTokyo) {
  auto before = submit(phd("a@example.org"), tokyo("2017-10-29", "23:59:59"));
  ASSERT_FALSE(before.is_ok());
  EXPECT_EQ(before.status().message_id(), "admissions.not_open");
  EXPECT_TRUE(submit(phd("b@example.org"), tokyo("2017-10-30", "00:00:00")).is_ok());
  EXPECT_TRUE(submit(phd("c@example.org"), tokyo("2017-11-17", "23:59:59")).is_ok());
  auto after = submit(phd("d@example.org"), tokyo("2017-11-18", "00:00:00"));
  ASSERT_FALSE(after.is_ok());
  EXPECT_EQ(after.status().message_id(), "admissions.closed");
  // Tokyo midnight is 15:00 UTC the day before.
  EXPECT_EQ(tokyo("2017-10-30", "00:00:00"), 1509289200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM applications"), 2);
}

TEST_F(Admissions, TheSecretariatRecordsALateApplicationWithAReason) {
  auto late = tokyo("2017-11-20", "10:00:00");
  Application a = phd("late@example.org");
  SubmitOptions o;
  o.consent = true;
  o.late = true;
  auto no_reason = submit_application(*db_, actor_, a, o, late);
  EXPECT_EQ(no_reason.status().fields().at("late_reason").message_id, "validation.required");
  a.late_reason = "指導教員から事前に連絡あり";
  ASSERT_TRUE(submit_application(*db_, actor_, a, o, late).is_ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'create_late' AND entity = 'application'"), 1);
}

TEST_F(Admissions, OneApplicationPerAddressPerYear) {
  auto open = tokyo("2017-11-01", "12:00:00");
  ASSERT_TRUE(submit(phd("taro@example.org"), open).is_ok());
  auto again = submit(phd("TARO@example.org"), open);
  ASSERT_FALSE(again.is_ok());
  EXPECT_EQ(again.status().code(), Code::conflict);
  EXPECT_EQ(again.status().fields().at("email").message_id, "admissions.duplicate");
}

TEST_F(Admissions, BadInputIsNamedBesideEachFieldAndNothingIsWritten) {
  Application a = phd("not-an-email");
  a.family_name_kana = "";
  a.supervisor_email = "nope";
  SubmitOptions o;
  auto r = submit_application(*db_, actor_, a, o, tokyo("2017-11-01", "12:00:00"));
  ASSERT_FALSE(r.is_ok());
  const auto& f = r.status().fields();
  EXPECT_EQ(f.at("email").message_id, "validation.email");
  EXPECT_EQ(f.at("family_name_kana").message_id, "validation.required");
  EXPECT_EQ(f.at("supervisor_email").message_id, "validation.email");
  EXPECT_EQ(f.at("consent").message_id, "admissions.consent_required");
  EXPECT_EQ(count("SELECT COUNT(*) FROM applications"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox"), 0);
}

TEST_F(Admissions, TypeBTakesTheCompanysSeatAndGoesToConsultationWhenNoneIsLeft) {
  auto open = tokyo("2017-11-01", "12:00:00");
  auto first = submit(employee("one@company.example"), open);
  auto second = submit(employee("two@company.example"), open);
  ASSERT_TRUE(first.is_ok() && second.is_ok());
  auto [a1, a2] = db_->read([&](db::Conn& c) {
    return std::make_pair(*repo::application(c, *first), *repo::application(c, *second));
  });
  EXPECT_EQ(a1.seat_status, "accepted");
  EXPECT_EQ(a2.seat_status, "consultation");
  // Accepting the second must wait for the secretariat's decision on the seat.
  auto st = decide_application(*db_, actor_, *second, "accepted", "", "http://x", open);
  EXPECT_EQ(st.fields().at("decision").message_id, "admissions.seat_pending");
  // Declining gives the held seat back.
  ASSERT_TRUE(decide_application(*db_, actor_, *second, "declined", "枠なし", "http://x", open).is_ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM seat_requests WHERE status = 'withdrawn'"), 1);
  Application b = employee("three@company.example");
  b.company_id = 999;
  EXPECT_FALSE(submit(b, open).is_ok());
}

TEST_F(Admissions, AcceptingCreatesTheTraineeAccountAndMailsTheInvitation) {
  auto open = tokyo("2017-11-01", "12:00:00");
  auto id = *submit(phd("new@example.org"), open);
  ASSERT_TRUE(decide_application(*db_, actor_, id, "accepted", "", "http://mdsc.example", open).is_ok());
  auto user = db_->read([](db::Conn& c) { return accounts::repo::user_by_email(c, "new@example.org"); });
  ASSERT_TRUE(user.has_value());
  ASSERT_EQ(user->roles.size(), 1u);
  EXPECT_EQ(user->roles[0].role, web::Role::trainee);
  EXPECT_FALSE(user->has_password);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox WHERE to_addr = 'new@example.org' AND body LIKE '%/password-reset/%'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM applications WHERE status = 'accepted' AND user_id IS NOT NULL"), 1);
  EXPECT_FALSE(decide_application(*db_, actor_, id, "declined", "x", "http://x", open).is_ok());
  // A waitlist or decline needs a reason, which the applicant's mail carries.
  auto other = *submit(phd("wait@example.org"), open);
  EXPECT_EQ(decide_application(*db_, actor_, other, "waitlisted", "", "", open).fields().at("reason").message_id,
            "admissions.reason_required");
}

TEST_F(Admissions, AcceptingAnExistingUserAddsTheTraineeRole) {
  auto open = tokyo("2017-11-01", "12:00:00");
  db_->write([&](db::Conn& c) {
    c.exec("INSERT INTO users (email, family_name, created_at, updated_at) VALUES ('staff@example.org', '職員', 'x', 'x')");
  });
  auto id = *submit(phd("staff@example.org"), open);
  ASSERT_TRUE(decide_application(*db_, actor_, id, "accepted", "", "http://x", open).is_ok());
  auto user = db_->read([](db::Conn& c) { return accounts::repo::user_by_email(c, "staff@example.org"); });
  ASSERT_EQ(user->roles.size(), 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 1);
}

}  // namespace
}  // namespace mdsc::admissions
