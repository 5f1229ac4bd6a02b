// An invoice's life on both databases: numbered without gaps under concurrency, cancelled by a
// credit note and followed by a corrected one, paid in parts, reminded of once a day when overdue.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "core/crypto.h"
#include "modules/invoicing/operations.h"
#include "modules/invoicing/repo.h"
#include "modules/members.h"
#include "support/test_db.h"
#include "support/units.h"

namespace mdsc::invoicing {
namespace {

class InvoiceLifecycle : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    db_ = testing::fresh_database(true, 24);
    members::IssuerProfile p;
    p.name = "医療データ科学コンソーシアム";
    p.registration_number = "T7000012050002";
    p.postal_code = "980-8575";
    p.address = "宮城県仙台市青葉区星陵町4-1";
    p.bank_details = "七十七銀行 本店 普通 1234567";
    ASSERT_TRUE(testing::Units(*db_, now_).write([&](Work& w) { return members::save_issuer_profile(w, p); }).is_ok());
    members::FeeSchedule s;
    s.fiscal_year = 2018;
    s.tiers = {{0, 0, "C", "C会員", "Tier C", 500000, 0, false, true, true, "10", "any"}};
    ASSERT_TRUE(testing::Units(*db_, now_).write([&](Work& w) { return members::create_fee_schedule(w, s); }).is_ok());
  }
  // A company (with a billing address) and its tier-C membership of FY2018.
  std::int64_t membership(const std::string& name) {
    members::Organization o;
    o.kind = "company";
    o.company_type = "pharma";
    o.name = name;
    o.employee_count = 100;
    o.founded_on = "1990-01-01";
    o.email = "billing@example.co.jp";
    auto company = testing::Units(*db_, now_).write([&](Work& w) { return members::create_organization(w, o); });
    EXPECT_TRUE(company.is_ok());
    auto m = testing::Units(*db_, now_).write([&](Work& w) {
      return members::create_membership(w, company.is_ok() ? *company : 0, 2018, "C",
                                        members::MembershipStatus::active);
    });
    EXPECT_TRUE(m.is_ok()) << (m.is_ok() ? "" : m.status().message_id());
    return m.is_ok() ? *m : 0;
  }
  // The operations, each in a unit of work of its own at the given time.
  Result<std::int64_t> issue(std::int64_t membership_id, const IssueInput& in, std::int64_t now) {
    return testing::Units(*db_, now).write([&](Work& w) { return issue_membership_invoice(w, membership_id, in); });
  }
  Result<std::int64_t> credit(std::int64_t invoice_id, const std::string& reason, const std::string& date,
                              std::int64_t now) {
    return testing::Units(*db_, now).write([&](Work& w) { return issue_credit_note(w, invoice_id, reason, date); });
  }
  Result<std::int64_t> pay(std::int64_t invoice_id, const Payment& p, std::int64_t now) {
    return testing::Units(*db_, now).write([&](Work& w) { return record_payment(w, invoice_id, p); });
  }
  std::int64_t count(const std::string& sql) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }
  std::unique_ptr<db::Database> db_;
  std::int64_t now_ = 1522540800;  // 2018-04-01T00:00:00Z
};

TEST_F(InvoiceLifecycle, TwentyConcurrentInvoicesAreNumberedWithoutGaps) {
  std::vector<std::int64_t> memberships;
  for (int i = 0; i < 20; ++i) memberships.push_back(membership("会社" + std::to_string(i)));
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (auto m : memberships)
    threads.emplace_back([&, m] {
      if (issue(m, {"2018-04-02", "", ""}, now_).is_ok()) ++ok;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 20);
  auto numbers = db_->read([](db::Conn& c) {
    std::set<std::string> s;
    for (const auto& r : c.query("SELECT number FROM invoices")) s.insert(r.str("number"));
    return s;
  });
  ASSERT_EQ(numbers.size(), 20u);
  for (int i = 1; i <= 20; ++i) {
    char expected[32];
    std::snprintf(expected, sizeof expected, "MDSC-FY2018-%04d", i);
    EXPECT_TRUE(numbers.count(expected)) << expected;
  }
}

TEST_F(InvoiceLifecycle, CreditNoteCancelsAnInvoiceAndACorrectedOneFollows) {
  auto m = membership("訂正製薬");
  auto first = issue(m, {"2018-04-02", "2018-05-31", ""}, now_);
  ASSERT_TRUE(first.is_ok());
  auto dup = issue(m, {"2018-04-02", "", ""}, now_);
  EXPECT_EQ(dup.status().code(), Code::conflict);
  EXPECT_FALSE(credit(*first, "", "2018-04-10", now_).is_ok()) << "needs a reason";
  auto cn = credit(*first, "宛名の誤り", "2018-04-10", now_ + 86400 * 9);
  ASSERT_TRUE(cn.is_ok()) << cn.status().message_id();
  auto [orig, note] = db_->read([&](db::Conn& c) {
    return std::make_pair(*repo::invoice(c, *first), *repo::invoice(c, *cn));
  });
  EXPECT_EQ(orig.status("2018-04-10"), "credited");
  EXPECT_EQ(orig.credited_by, "MDSC-FY2018-CN0001");
  EXPECT_EQ(note.total, -orig.total);
  EXPECT_EQ(note.tax_total, -orig.tax_total);
  EXPECT_EQ(note.document.references_number, orig.number);
  EXPECT_FALSE(credit(*first, "again", "2018-04-10", now_).is_ok());
  EXPECT_FALSE(pay(*first, {0, 0, "2018-04-10", 1000, "bank_transfer", ""}, now_ + 86400 * 10).is_ok());
  auto corrected = issue(m, {"2018-04-11", "", ""}, now_ + 86400 * 10);
  ASSERT_TRUE(corrected.is_ok());
  auto n = db_->read([&](db::Conn& c) { return repo::invoice(c, *corrected)->number; });
  EXPECT_EQ(n, "MDSC-FY2018-0002");
  // The database itself refuses to change an issued invoice.
  EXPECT_THROW(db_->write([&](db::Conn& c) { c.exec("UPDATE invoices SET total = 0"); }), std::exception);
}

TEST_F(InvoiceLifecycle, PaymentsMoveTheStatusAndRefuseBadAmounts) {
  auto m = membership("支払製薬");  // 500,000 + 10 % = 550,000
  auto id = *issue(m, {"2018-04-02", "2018-04-30", ""}, now_);
  auto status_on = [&](const std::string& day) {
    return db_->read([&](db::Conn& c) { return repo::invoice(c, id)->status(day); });
  };
  EXPECT_EQ(status_on("2018-04-10"), "issued");
  EXPECT_EQ(status_on("2018-05-01"), "overdue");
  std::int64_t later = now_ + 86400 * 40;
  EXPECT_EQ(pay(id, {0, 0, "2018-05-02", -5, "bank_transfer", ""}, later)
                .status().fields().at("amount").message_id,
            "validation.positive");
  EXPECT_EQ(pay(id, {0, 0, "2018-05-02", 550001, "bank_transfer", ""}, later)
                .status().fields().at("amount").message_id,
            "invoicing.overpayment");
  EXPECT_EQ(count("SELECT COUNT(*) FROM payments"), 0);
  ASSERT_TRUE(pay(id, {0, 0, "2018-05-02", 50000, "bank_transfer", "振込"}, later).is_ok());
  EXPECT_EQ(status_on("2018-04-20"), "partly_paid");
  ASSERT_TRUE(pay(id, {0, 0, "2018-05-03", 500000, "bank_transfer", ""}, later).is_ok());
  EXPECT_EQ(status_on("2018-06-01"), "paid");
}

TEST_F(InvoiceLifecycle, OverdueInvoicesAreRemindedOncePerDay) {
  auto m = membership("督促製薬");
  ASSERT_TRUE(issue(m, {"2018-04-02", "2018-04-30", ""}, now_).is_ok());
  std::int64_t may2 = now_ + 86400 * 31;
  EXPECT_EQ(send_overdue_reminders(*db_, now_ + 86400 * 5, "http://x"), 0);
  EXPECT_EQ(send_overdue_reminders(*db_, may2, "http://x"), 1);
  EXPECT_EQ(send_overdue_reminders(*db_, may2 + 3600, "http://x"), 0);
  EXPECT_EQ(send_overdue_reminders(*db_, may2 + 86400, "http://x"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox WHERE to_addr = 'billing@example.co.jp'"), 2);
}

}  // namespace
}  // namespace mdsc::invoicing
