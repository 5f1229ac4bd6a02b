// The modules' reactions to each other, as the app wires them (app/modules.cpp), on both databases.
#include <gtest/gtest.h>

#include "app/modules.h"
#include "core/crypto.h"
#include "core/i18n.h"
#include "modules/admissions.h"
#include "modules/admissions/operations.h"
#include "modules/invoicing/operations.h"
#include "modules/members/operations.h"
#include "modules/members/overview.h"
#include "platform/work.h"
#include "support/fy2017.h"
#include "support/test_db.h"
#include "web/registry.h"

namespace mdsc::app {
namespace {

using testing::tokyo;

// A company member with one seat and a type B applicant it has confirmed (so holding the seat).
class ModuleEvents : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    db_ = testing::fresh_database();
    ASSERT_TRUE(
        write([&](Work& w) { return admissions::save_program_year(w, testing::fy2017_program_year()); }).is_ok());
    ASSERT_TRUE(write([&](Work& w) {
                  return members::create_fee_schedule(w, testing::fy2017_one_seat_schedule()).status();
                }).is_ok());
    auto a = testing::applicant("employee@company.example");
    a.trainee_type = "B";
    a.company_id = member("架空製薬");
    admissions::SubmitOptions opt;
    opt.consent = true;
    Result<std::int64_t> id = Status::ok();
    ASSERT_TRUE(write([&](Work& w) {
                  id = admissions::submit_application(w, a, opt);
                  return id.is_ok() ? admissions::answer_company_confirmation(w, *id, true, "") : id.status();
                }).is_ok());
    application_ = *id;
  }
  // A company and its active FY2017 membership (tier M: one seat); the company's id.
  std::int64_t member(const std::string& name, const std::string& type = "pharma") {
    auto company = write_unit(*db_, Who{actor_, now_, "http://x", bus_},
                              [&](Work& w) { return members::create_organization(w, testing::company(name, type)); });
    EXPECT_TRUE(company.is_ok() &&
                write([&](Work& w) {
                  return members::create_membership(w, *company, 2017, "M", members::MembershipStatus::active).status();
                }).is_ok());
    return company.is_ok() ? *company : 0;
  }
  Status write(const std::function<Status(Work&)>& fn) {
    return write_unit(*db_, Who{actor_, now_, "http://x", bus_}, fn);
  }
  std::string seat_status() {
    return db_->read([&](db::Conn& c) {
      return c.query_one("SELECT s.status FROM seat_requests s JOIN applications a ON a.seat_request_id = s.id "
                         "WHERE a.id = ?", {application_})->str("status");
    });
  }
  std::unique_ptr<db::Database> db_;
  audit::Actor actor_ = audit::Actor::system("test");
  std::int64_t now_ = tokyo("2017-11-01", "12:00:00");
  const events::Bus* bus_ = &module_events();
  std::int64_t application_ = 0;
};

// A declined type B applicant's seat goes back to the company, in the decision's transaction.
TEST_F(ModuleEvents, ADeclinedApplicationGivesItsSeatBack) {
  ASSERT_EQ(seat_status(), "accepted");
  auto st = write([&](Work& w) { return admissions::decide_application(w, application_, "declined", "定員"); });
  ASSERT_TRUE(st.is_ok()) << st.message_id();
  EXPECT_EQ(seat_status(), "withdrawn");
}

// If the reaction fails, the decision does not happen either: the application still waits, the seat held.
TEST_F(ModuleEvents, AFailingReactionRollsTheDecisionBack) {
  events::Bus failing;
  subscribe_modules(failing);
  failing.on<admissions::ApplicationDeclined>(
      [](Work&, const admissions::ApplicationDeclined&) { throw std::runtime_error("the reaction fails"); });
  bus_ = &failing;
  EXPECT_THROW((void)write([&](Work& w) { return admissions::decide_application(w, application_, "declined", "定員"); }),
               std::runtime_error);
  EXPECT_EQ(seat_status(), "accepted");
  EXPECT_EQ(db_->read([&](db::Conn& c) {
              return c.query_one("SELECT status FROM applications WHERE id = ?", {application_})->str("status");
            }),
            "submitted");
}

// Members' figures show the year's invoices through the billing invoicing provides (wired with the
// modules): the invoices of cancelled memberships and cancelled invoices do not count.
TEST_F(ModuleEvents, MembersFiguresCountTheInvoicesInvoicingProvides) {
  web::Registry registry;
  register_modules(registry);
  members::IssuerProfile issuer;
  issuer.name = "医療データ科学コンソーシアム";
  issuer.registration_number = "T7000012050002";
  ASSERT_TRUE(write([&](Work& w) { return members::save_issuer_profile(w, issuer); }).is_ok());
  const auto other = member("解約製薬", "cro");
  auto membership_of = [&](const char* sql) { return db_->read([&](db::Conn& c) { return c.scalar_i64(sql, {other}); }); };
  const std::int64_t kept = membership_of("SELECT id FROM memberships WHERE company_id <> ?");
  const std::int64_t cancelled = membership_of("SELECT id FROM memberships WHERE company_id = ?");
  Result<std::int64_t> paid_invoice = Status::ok();
  ASSERT_TRUE(write([&](Work& w) {
                paid_invoice = invoicing::issue_membership_invoice(w, kept, {});
                if (!paid_invoice) return paid_invoice.status();
                auto paid = invoicing::record_payment(w, *paid_invoice, {0, 0, "2017-11-01", 200000, "bank_transfer", ""});
                if (!paid) return paid.status();
                return invoicing::issue_membership_invoice(w, cancelled, {}).status();
              }).is_ok());
  ASSERT_TRUE(write([&](Work& w) { return members::change_membership_status(w, cancelled, "cancelled"); }).is_ok());
  auto f = db_->read([&](db::Conn& c) { return members::year_figures(c, 2017, "2017-11-01"); });
  EXPECT_EQ(f.members, 1);
  EXPECT_EQ(f.invoiced, 550000) << "¥500,000 and 10 % tax, the one invoice of a membership in force";
  EXPECT_EQ(f.paid, 200000);
  EXPECT_EQ(f.outstanding, 350000);
  EXPECT_EQ(f.by_type["pharma"], 1);
  EXPECT_EQ(f.by_type.count("cro"), 0u);
}

}  // namespace
}  // namespace mdsc::app
