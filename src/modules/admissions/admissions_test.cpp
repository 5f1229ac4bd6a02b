// Admissions on both databases: the window's edges in Asia/Tokyo, seats of type B applicants,
// duplicates, decisions and the accounts they create.
#include "modules/admissions.h"

#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>

#include "core/crypto.h"
#include "core/i18n.h"
#include "modules/admissions/operations.h"
#include "modules/admissions/repo.h"
#include "modules/members.h"
#include "platform/identity/repo.h"
#include "support/fields.h"
#include "support/fy2017.h"
#include "support/test_db.h"
#include "support/units.h"

namespace mdsc::admissions {
namespace {

using testing::tokyo;

class Admissions : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    db_ = testing::fresh_database();
    const ProgramYear y = testing::fy2017_program_year();
    ASSERT_TRUE(testing::Units(*db_, y.opens_at).write([&](Work& w) { return save_program_year(w, y); }).is_ok());
    ASSERT_TRUE(
        testing::Units(*db_, y.opens_at)
            .write([&](Work& w) { return members::create_fee_schedule(w, testing::fy2017_one_seat_schedule()); })
            .is_ok());
    company_ = *testing::Units(*db_, y.opens_at).write([&](Work& w) {
      return members::create_organization(w, testing::company("架空製薬"));
    });
    ASSERT_TRUE(testing::Units(*db_, y.opens_at)
                    .write([&](Work& w) {
                      return members::create_membership(w, company_, 2017, "M", members::MembershipStatus::active);
                    })
                    .is_ok());
  }
  Application phd(const std::string& email) { return testing::applicant(email); }
  Application employee(const std::string& email) {
    Application a = phd(email);
    a.trainee_type = "B";
    a.company_id = company_;
    return a;
  }
  Result<std::int64_t> submit(const Application& a, std::int64_t now) {
    SubmitOptions o;
    o.consent = true;
    return submit_at(a, o, now);
  }
  // The operations, each in its own unit of work at the given time (with events to bus_).
  Result<std::int64_t> submit_at(const Application& a, const SubmitOptions& o, std::int64_t now) {
    return unit(now).write([&](Work& w) { return submit_application(w, a, o); });
  }
  Status decide(std::int64_t id, const std::string& decision, const std::string& reason, std::int64_t now,
                const std::string& base_url = "http://x") {
    return unit(now, base_url).write([&](Work& w) { return decide_application(w, id, decision, reason); });
  }
  Status answer(std::int64_t id, bool ours, const std::string& reason, std::int64_t now) {
    return unit(now).write([&](Work& w) { return answer_company_confirmation(w, id, ours, reason); });
  }
  testing::Units unit(std::int64_t now, const std::string& base_url = "http://x") {
    testing::Units u(*db_, now, base_url);
    u.publish_to(&bus_);
    return u;
  }
  std::int64_t count(const std::string& sql) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }
  std::unique_ptr<db::Database> db_;
  std::int64_t company_ = 0;
  events::Bus bus_;  // the app subscribes members to these; here, the test listens
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
  auto no_reason = submit_at(a, o, late);
  EXPECT_EQ(no_reason.status().fields().at("late_reason").message_id, "validation.required");
  a.late_reason = "指導教員から事前に連絡あり";
  ASSERT_TRUE(submit_at(a, o, late).is_ok());
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
  auto r = submit_at(a, o, tokyo("2017-11-01", "12:00:00"));
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(testing::field_messages(r.status()), (testing::FieldMessages{{"email", "validation.email"},
                                                                         {"family_name_kana", "validation.required"},
                                                                         {"supervisor_email", "validation.email"},
                                                                         {"consent", "admissions.consent_required"}}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM applications"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox"), 0);
}

TEST_F(Admissions, TypeBHoldsNoSeatUntilTheCompanyConfirmsTheApplicant) {
  auto open = tokyo("2017-11-01", "12:00:00");
  auto first = submit(employee("one@company.example"), open);
  ASSERT_TRUE(first.is_ok());
  // Anyone can name the company on the public form: nothing of the company's is taken yet.
  auto a1 = db_->read([&](db::Conn& c) { return *repo::application(c, *first); });
  EXPECT_EQ(a1.company_confirmation, CompanyConfirmation::pending);
  EXPECT_EQ(a1.seat_request_id, 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM seat_requests"), 0);
  auto st = decide(*first, "accepted", "", open);
  EXPECT_EQ(st.fields().at("decision").message_id, "admissions.company_confirmation_pending");
  // "Not ours" needs a reason, and then the application can never be accepted as the company's.
  auto second = submit(employee("stranger@company.example"), open);
  EXPECT_EQ(answer(*second, false, "", open).fields().at("reason").message_id,
            "admissions.reason_required");
  ASSERT_TRUE(answer(*second, false, "当社の社員ではありません", open).is_ok());
  EXPECT_EQ(decide(*second, "accepted", "", open).fields().at("decision").message_id,
            "admissions.company_rejected");
  EXPECT_EQ(answer(*second, true, "", open).code(), Code::conflict);
  EXPECT_EQ(count("SELECT COUNT(*) FROM seat_requests"), 0);
  // Confirmed, it holds the seat and can be accepted.
  ASSERT_TRUE(answer(*first, true, "", open).is_ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM seat_requests WHERE status = 'accepted'"), 1);
  EXPECT_TRUE(decide(*first, "accepted", "", open).is_ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'company_confirm' AND entity = 'application'"), 1);
}

TEST_F(Admissions, ConfirmedTypeBTakesTheCompanysSeatAndGoesToConsultationWhenNoneIsLeft) {
  auto open = tokyo("2017-11-01", "12:00:00");
  auto first = submit(employee("one@company.example"), open);
  auto second = submit(employee("two@company.example"), open);
  ASSERT_TRUE(first.is_ok() && second.is_ok());
  ASSERT_TRUE(answer(*first, true, "", open).is_ok());
  ASSERT_TRUE(answer(*second, true, "", open).is_ok());
  auto [a1, a2] = db_->read([&](db::Conn& c) {
    return std::make_pair(*repo::application(c, *first), *repo::application(c, *second));
  });
  EXPECT_EQ(a1.seat_status, "accepted");
  EXPECT_EQ(a2.seat_status, "consultation");
  // Accepting the second must wait for the secretariat's decision on the seat.
  auto st = decide(*second, "accepted", "", open);
  EXPECT_EQ(st.fields().at("decision").message_id, "admissions.seat_pending");
  // Declining gives the held seat back: admissions says so, members reacts (src/app/events_test.cpp).
  std::vector<ApplicationDeclined> declined;
  bus_.on<ApplicationDeclined>([&](Work&, const ApplicationDeclined& e) { declined.push_back(e); });
  ASSERT_TRUE(decide(*second, "declined", "枠なし", open).is_ok());
  ASSERT_EQ(declined.size(), 1u);
  EXPECT_EQ(declined[0].application_id, *second);
  EXPECT_EQ(declined[0].seat_request_id, a2.seat_request_id);
  Application b = employee("three@company.example");
  b.company_id = 999;
  EXPECT_FALSE(submit(b, open).is_ok());
}

// Two answers for one application at the same instant (a double click, the representative and the
// secretariat together): one seat is held, one answer recorded.
TEST_F(Admissions, ConcurrentConfirmationsHoldOneSeat) {
  auto open = tokyo("2017-11-01", "12:00:00");
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 4; ++i) ids.push_back(*submit(employee("e" + std::to_string(i) + "@company.example"), open));
  constexpr int kPerApplication = 6;
  std::latch start(static_cast<std::ptrdiff_t>(ids.size()) * kPerApplication);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (auto id : ids)
    for (int k = 0; k < kPerApplication; ++k)
      threads.emplace_back([&, id] {
        start.arrive_and_wait();
        if (answer(id, true, "", open).is_ok()) ++ok;
      });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), static_cast<int>(ids.size()));
  EXPECT_EQ(count("SELECT COUNT(*) FROM seat_requests"), static_cast<std::int64_t>(ids.size()));
  // One seat and one trainee below the threshold; the rest wait for the secretariat.
  EXPECT_EQ(count("SELECT COUNT(*) FROM seat_requests WHERE status = 'accepted'"), 1);
}

// Twenty decisions on one application at once: exactly one is made, and one mail goes out.
TEST_F(Admissions, ConcurrentDecisionsOnOneApplicationDecideOnce) {
  auto open = tokyo("2017-11-01", "12:00:00");
  // What one decision mails, measured on another application decided alone.
  auto mails_to = [&](const char* to) {
    return count(std::string("SELECT COUNT(*) FROM mail_outbox WHERE to_addr = '") + to + "'");
  };
  auto ref = *submit(phd("alone@example.org"), open);
  auto alone_before = mails_to("alone@example.org");
  ASSERT_TRUE(decide(ref, "accepted", "", open).is_ok());
  auto one_decision = mails_to("alone@example.org") - alone_before;
  auto id = *submit(phd("race@example.org"), open);
  auto race_before = mails_to("race@example.org");
  constexpr int kThreads = 20;
  std::latch start(kThreads);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&] {
      start.arrive_and_wait();
      try {
        if (decide(id, "accepted", "", open).is_ok()) ++ok;
      } catch (const db::Error& e) {
        ADD_FAILURE() << e.what();
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = 'race@example.org'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'decide' AND entity = 'application' AND entity_id = '" +
                  std::to_string(id) + "'"),
            1);
  EXPECT_EQ(mails_to("race@example.org") - race_before, one_decision);
}

TEST_F(Admissions, AcceptingCreatesTheTraineeAccountAndMailsTheInvitation) {
  auto open = tokyo("2017-11-01", "12:00:00");
  auto id = *submit(phd("new@example.org"), open);
  ASSERT_TRUE(decide(id, "accepted", "", open, "http://mdsc.example").is_ok());
  auto user = db_->read([](db::Conn& c) { return identity::repo::user_by_email(c, "new@example.org"); });
  ASSERT_TRUE(user.has_value());
  ASSERT_EQ(user->roles.size(), 1u);
  EXPECT_EQ(user->roles[0].role, web::Role::trainee);
  EXPECT_FALSE(user->has_password);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox WHERE to_addr = 'new@example.org' AND body LIKE '%/password-reset/%'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM applications WHERE status = 'accepted' AND user_id IS NOT NULL"), 1);
  EXPECT_FALSE(decide(id, "declined", "x", open).is_ok());
  // A waitlist or decline needs a reason, which the applicant's mail carries.
  auto other = *submit(phd("wait@example.org"), open);
  EXPECT_EQ(decide(other, "waitlisted", "", open, "").fields().at("reason").message_id,
            "admissions.reason_required");
}

TEST_F(Admissions, AcceptingAnExistingUserAddsTheTraineeRole) {
  auto open = tokyo("2017-11-01", "12:00:00");
  db_->write([&](db::Conn& c) {
    c.exec("INSERT INTO users (email, family_name, created_at, updated_at) VALUES ('staff@example.org', '職員', 'x', 'x')");
  });
  auto id = *submit(phd("staff@example.org"), open);
  ASSERT_TRUE(decide(id, "accepted", "", open).is_ok());
  auto user = db_->read([](db::Conn& c) { return identity::repo::user_by_email(c, "staff@example.org"); });
  ASSERT_EQ(user->roles.size(), 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 1);
}

}  // namespace
}  // namespace mdsc::admissions
