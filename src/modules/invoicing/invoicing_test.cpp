// Invoicing operations on both databases: the lock shared by payments and credit notes, the dates
// an invoice may carry and closed fiscal years, bounded money, verification tokens.
#include <gtest/gtest.h>

#include <latch>
#include <limits>
#include <set>
#include <thread>

#include "core/crypto.h"
#include "core/money.h"
#include "db/migrator.h"
#include "modules/invoicing/fiscal_years.h"
#include "modules/invoicing/operations.h"
#include "modules/invoicing/repo.h"
#include "modules/invoicing/verification.h"
#include "modules/members.h"
#include "support/test_db.h"
#include "support/units.h"

namespace mdsc::invoicing {
namespace {

class Invoicing : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    db_ = testing::fresh_database(true, 48);
    members::IssuerProfile p;
    p.name = "医療データ科学コンソーシアム";
    p.registration_number = "T7000012050002";
    ASSERT_TRUE(units().write([&](Work& w) { return members::save_issuer_profile(w, p); }).is_ok());
    for (int fy : {2017, 2018}) {
      members::FeeSchedule s;
      s.fiscal_year = fy;
      s.tiers = {{0, 0, "C", "C会員", "Tier C", 500000, 0, false, true, true, "10", "any"}};
      ASSERT_TRUE(units().write([&](Work& w) { return members::create_fee_schedule(w, s); }).is_ok());
    }
  }
  // A company with a tier-C membership (¥500,000 + 10 %, no seat) in fiscal year fy.
  std::int64_t membership(int fy = 2018) {
    members::Organization o;
    o.kind = "company";
    o.company_type = "pharma";
    o.name = "請求テスト製薬" + std::to_string(++companies_);
    o.email = "billing@example.co.jp";
    auto company = units().write([&](Work& w) { return members::create_organization(w, o); });
    EXPECT_TRUE(company.is_ok());
    auto m = units().write([&](Work& w) {
      return members::create_membership(w, company.is_ok() ? *company : 0, fy, "C", members::MembershipStatus::active);
    });
    EXPECT_TRUE(m.is_ok()) << (m.is_ok() ? "" : m.status().message_id());
    return m.is_ok() ? *m : 0;
  }
  Result<std::int64_t> invoice(std::int64_t membership_id, const std::string& date, DateWindow window = {}) {
    return units().write([&](Work& w) { return issue_membership_invoice(w, membership_id, {date, "", "", window}); });
  }
  testing::Units units() { return testing::Units(*db_, now_); }
  std::int64_t count(const std::string& sql, db::Params p = {}) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql, p); });
  }
  static std::string field_error(const Status& st, const std::string& field) {
    auto it = st.fields().find(field);
    return it == st.fields().end() ? "(no error on " + field + ": " + st.message_id() + ")" : it->second.message_id;
  }

  std::unique_ptr<db::Database> db_;
  std::int64_t now_ = 1523322000;  // 2018-04-10 10:00 Asia/Tokyo, fiscal year 2018
  int companies_ = 0;
};

// Issue 9 item 5. Both operations must read "paid" and "credited" under one lock; before, the
// credit note read the paid amount unlocked, so both could commit on PostgreSQL.
TEST_F(Invoicing, APaymentAndACreditNoteAtTheSameInstantNeverBothSucceed) {
  constexpr int kInvoices = 20;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < kInvoices; ++i) {
    auto id = invoice(membership(), "");
    ASSERT_TRUE(id.is_ok()) << id.status().message_id();
    ids.push_back(*id);
  }
  std::vector<int> paid(kInvoices), credited(kInvoices);
  std::latch start(2 * kInvoices);
  std::vector<std::thread> threads;
  for (int i = 0; i < kInvoices; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      paid[i] = units().write([&](Work& w) { return record_payment(w, ids[i], {0, 0, "2018-04-10", 1000, "bank_transfer", ""}); }).is_ok();
    });
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      credited[i] = units().write([&](Work& w) { return issue_credit_note(w, ids[i], "宛名の誤り", ""); }).is_ok();
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(count("SELECT COUNT(*) FROM invoices i WHERE i.kind = 'invoice' "
                  "AND EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = i.id) "
                  "AND EXISTS (SELECT 1 FROM invoices cn WHERE cn.references_invoice_id = i.id)"),
            0)
      << "a cancelled invoice with a payment on it";
  for (int i = 0; i < kInvoices; ++i) EXPECT_EQ(paid[i] + credited[i], 1) << "invoice " << ids[i];
}

// Issue 9 item 8.
TEST_F(Invoicing, AnInvoiceIsDatedTodayOrWithinTheWindow) {
  auto today = invoice(membership(), "");
  ASSERT_TRUE(today.is_ok());
  EXPECT_EQ(db_->read([&](db::Conn& c) { return repo::invoice(c, *today)->issue_date; }), "2018-04-10");

  auto m = membership();
  auto early = invoice(m, "2018-03-10");
  ASSERT_FALSE(early.is_ok());
  EXPECT_EQ(field_error(early.status(), "issue_date"), "invoicing.date_too_early");
  EXPECT_EQ(early.status().fields().at("issue_date").args.at("date"), "2018-03-11");
  auto late = invoice(m, "2018-04-14");
  EXPECT_EQ(field_error(late.status(), "issue_date"), "invoicing.date_too_late");
  auto years_ahead = invoice(m, "2021-04-01");
  EXPECT_EQ(field_error(years_ahead.status(), "issue_date"), "invoicing.date_too_late");
  EXPECT_EQ(count("SELECT COUNT(*) FROM invoice_counters WHERE fiscal_year = 2021 AND last_seq > 0"), 0)
      << "no sequence started years early";

  auto back30 = invoice(m, "2018-03-11");
  ASSERT_TRUE(back30.is_ok()) << back30.status().message_id();
  EXPECT_EQ(db_->read([&](db::Conn& c) { return repo::invoice(c, *back30)->number; }), "MDSC-FY2017-0001");
  EXPECT_TRUE(invoice(membership(), "2018-04-13").is_ok()) << "three days ahead";

  // A narrower or wider window, as the configuration sets it.
  EXPECT_EQ(field_error(invoice(membership(), "2018-04-09", {0, 0}).status(), "issue_date"), "invoicing.date_too_early");
  EXPECT_TRUE(invoice(membership(2017), "2017-04-10", {365, 0}).is_ok());

  // A credit note obeys the same rules.
  auto cn = units().write([&](Work& w) { return issue_credit_note(w, *today, "誤り", "2018-04-20"); });
  EXPECT_EQ(field_error(cn.status(), "issue_date"), "invoicing.date_too_late");
  EXPECT_EQ(count("SELECT COUNT(*) FROM invoices WHERE kind = 'credit_note'"), 0);
}

TEST_F(Invoicing, AClosedYearTakesNoMoreInvoicesOrCreditNotes) {
  auto march = invoice(membership(), "2018-03-20");
  ASSERT_TRUE(march.is_ok());
  EXPECT_EQ(field_error(testing::Units(*db_, now_).write([&](Work& w) { return close_fiscal_year(w, 2018); }), "fiscal_year"), "invoicing.year_not_ended");
  ASSERT_TRUE(testing::Units(*db_, now_).write([&](Work& w) { return close_fiscal_year(w, 2017); }).is_ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'close' AND entity = 'invoice_year' AND entity_id = '2017'"), 1);
  EXPECT_EQ(testing::Units(*db_, now_ + 60).write([&](Work& w) { return close_fiscal_year(w, 2017); }).code(), Code::conflict);
  auto closure = db_->read([](db::Conn& c) { return repo::year_closure(c, 2017); });
  ASSERT_TRUE(closure.has_value());
  EXPECT_EQ(closure->last_invoice_seq, 1);

  auto m = membership();
  auto refused = invoice(m, "2018-03-30");
  ASSERT_FALSE(refused.is_ok());
  EXPECT_EQ(field_error(refused.status(), "issue_date"), "invoicing.year_closed");
  EXPECT_EQ(count("SELECT last_seq FROM invoice_counters WHERE fiscal_year = 2017 AND kind = 'invoice'"), 1)
      << "the refusal took no number";
  auto cn_refused = units().write([&](Work& w) { return issue_credit_note(w, *march, "誤り", "2018-03-25"); });
  EXPECT_EQ(field_error(cn_refused.status(), "issue_date"), "invoicing.year_closed");

  // The current year stays open: a correction of a closed year's invoice is dated today.
  auto cn = units().write([&](Work& w) { return issue_credit_note(w, *march, "誤り", ""); });
  ASSERT_TRUE(cn.is_ok()) << cn.status().message_id();
  EXPECT_EQ(db_->read([&](db::Conn& c) { return repo::invoice(c, *cn)->number; }), "MDSC-FY2018-CN0001");
  EXPECT_TRUE(invoice(m, "").is_ok());
  EXPECT_TRUE(testing::Units(*db_, now_).write([&](Work& w) { return close_fiscal_year(w, 2016); }).is_ok()) << "a year without invoices can be closed too";
  EXPECT_EQ(db_->read([](db::Conn& c) { return repo::closed_years(c).size(); }), 2u);
}

// A close racing twenty issues dated in that year: every invoice of the year is numbered before
// the close, without gaps, and the close records the last number there will ever be.
TEST_F(Invoicing, ClosingWhileInvoicesAreIssuedLeavesNothingAfterTheClose) {
  constexpr int kIssuers = 20;
  std::vector<std::int64_t> ms;
  for (int i = 0; i < kIssuers; ++i) ms.push_back(membership(2017));
  std::latch start(kIssuers + 1);
  std::atomic<int> issued{0};
  std::vector<std::thread> threads;
  for (auto m : ms)
    threads.emplace_back([&, m] {
      start.arrive_and_wait();
      auto r = invoice(m, "2018-03-31");
      if (r.is_ok()) ++issued;
      else EXPECT_EQ(field_error(r.status(), "issue_date"), "invoicing.year_closed");
    });
  threads.emplace_back([&] {
    start.arrive_and_wait();
    EXPECT_TRUE(testing::Units(*db_, now_).write([&](Work& w) { return close_fiscal_year(w, 2017); }).is_ok());
  });
  for (auto& t : threads) t.join();
  auto closure = db_->read([](db::Conn& c) { return repo::year_closure(c, 2017); });
  ASSERT_TRUE(closure.has_value());
  EXPECT_EQ(closure->last_invoice_seq, issued.load());
  EXPECT_EQ(count("SELECT COUNT(*) FROM invoices WHERE fiscal_year = 2017"), issued.load());
  EXPECT_EQ(count("SELECT COALESCE(MAX(seq), 0) FROM invoices WHERE fiscal_year = 2017"), issued.load()) << "no gap";
}

// Issue 9 item 10.
TEST_F(Invoicing, AHugeExtraFeeIsRefusedWithAMessage) {
  auto m = membership();
  auto seat = units().write([&](Work& w) { return members::request_seat(w, m, "受講 一郎", ""); });
  ASSERT_TRUE(seat.is_ok());
  ASSERT_EQ(seat->status, members::SeatStatus::consultation);
  for (std::int64_t fee : {money::kMaxAmount + 1, std::numeric_limits<std::int64_t>::max()}) {
    auto st = units().write([&](Work& w) { return members::decide_consultation(w, seat->id, true, fee, ""); });
    ASSERT_FALSE(st.is_ok()) << fee;
    EXPECT_EQ(field_error(st, "extra_fee"), "validation.amount_too_large");
    EXPECT_EQ(st.fields().at("extra_fee").args.at("max"), "¥100,000,000");
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM seat_requests WHERE status = 'consultation'"), 1) << "nothing decided";
  ASSERT_TRUE(
      units()
          .write([&](Work& w) { return members::decide_consultation(w, seat->id, true, money::kMaxAmount, ""); })
          .is_ok());
  auto inv = units().write([&](Work& w) { return issue_seat_invoice(w, seat->id, {}); });
  ASSERT_TRUE(inv.is_ok()) << inv.status().message_id();
  EXPECT_EQ(db_->read([&](db::Conn& c) { return repo::invoice(c, *inv)->total; }), 110'000'000);

  auto pay = units().write([&](Work& w) { return record_payment(w, *inv, {0, 0, "2018-04-10", money::kMaxAmount + 1, "bank_transfer", ""}); });
  EXPECT_EQ(field_error(pay.status(), "amount"), "validation.amount_too_large");

  members::FeeSchedule s;
  s.fiscal_year = 2019;
  s.tiers = {{0, 0, "A", "A会員", "Tier A", money::kMaxAmount + 1, 1, true, true, true, "10", "any"}};
  auto schedule = units().write([&](Work& w) { return members::create_fee_schedule(w, s); });
  EXPECT_EQ(field_error(schedule.status(), "tiers.0.annual_fee"), "validation.amount_too_large");
}

// A fee stored before the bound (or by hand) is refused at invoicing instead of overflowing.
TEST_F(Invoicing, AStoredOutOfBoundFeeIsNotInvoiced) {
  auto m = membership();
  auto seat = units().write([&](Work& w) { return members::request_seat(w, m, "受講 二郎", ""); });
  ASSERT_TRUE(
      units().write([&](Work& w) { return members::decide_consultation(w, seat->id, true, 1000, ""); }).is_ok());
  db_->write([&](db::Conn& c) {
    c.exec("UPDATE seat_requests SET extra_fee = ? WHERE id = ?", {std::numeric_limits<std::int64_t>::max() / 2, seat->id});
  });
  auto inv = units().write([&](Work& w) { return issue_seat_invoice(w, seat->id, {}); });
  ASSERT_FALSE(inv.is_ok());
  EXPECT_EQ(field_error(inv.status(), "extra_fee"), "validation.amount_too_large");
  EXPECT_EQ(count("SELECT COUNT(*) FROM invoices"), 0);
  EXPECT_EQ(count("SELECT COALESCE(MAX(last_seq), 0) FROM invoice_counters"), 0);
}

// Issue 9 item 13: every invoice and credit note has its own unguessable token.
TEST_F(Invoicing, EachDocumentHasItsOwnVerificationToken) {
  auto a = invoice(membership(), "");
  auto b = invoice(membership(), "");
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  auto cn = units().write([&](Work& w) { return issue_credit_note(w, *a, "誤り", ""); });
  ASSERT_TRUE(cn.is_ok());
  std::set<std::string> tokens;
  db_->read([&](db::Conn& c) {
    for (auto id : {*a, *b, *cn}) {
      auto t = verification_token(c, id);
      EXPECT_EQ(t.size(), 22u) << "128 random bits, base64url";
      EXPECT_EQ(invoice_of_token(c, t), id);
      tokens.insert(t);
    }
    EXPECT_EQ(invoice_of_token(c, std::to_string(*a)), std::nullopt) << "not the id";
    EXPECT_EQ(invoice_of_token(c, "AAAAAAAAAAAAAAAAAAAAAA"), std::nullopt);
    EXPECT_EQ(invoice_of_token(c, "' OR 1=1 --"), std::nullopt);
  });
  EXPECT_EQ(tokens.size(), 3u);
  EXPECT_EQ(verification_url("https://mdsc.example.jp", "abc"), "https://mdsc.example.jp/invoices/verify/abc");
}

TEST(InvoiceVerificationMigration, InvoicesIssuedBeforeItGetATokenEach) {
  auto db = testing::fresh_database(false);
  std::vector<db::Migration> before;
  for (auto& m : db::embedded_migrations())
    if (m.version < 10) before.push_back(m);
  db::migrate(*db, before);
  db->write([](db::Conn& c) {
    auto org = c.insert(
        "INSERT INTO organizations (kind, company_type, name, created_at, updated_at) "
        "VALUES ('company', 'pharma', '旧製薬', '2018-01-01T00:00:00Z', '2018-01-01T00:00:00Z')");
    for (int seq : {1, 2})
      c.exec("INSERT INTO invoices (number, kind, fiscal_year, seq, company_id, issue_date, document, subtotal, "
             "tax_total, total, created_at) VALUES (?, 'invoice', 2017, ?, ?, '2018-01-10', '{}', 100, 10, 110, "
             "'2018-01-10T00:00:00Z')",
             {"OLD-FY2017-000" + std::to_string(seq), seq, org});
  });
  db::migrate(*db);
  auto tokens = db->read([](db::Conn& c) {
    std::set<std::string> s;
    for (const auto& r : c.query("SELECT token FROM invoice_verifications")) s.insert(r.str("token"));
    return s;
  });
  ASSERT_EQ(tokens.size(), 2u);
  for (const auto& t : tokens) {
    EXPECT_EQ(t.size(), 32u) << t;
    EXPECT_EQ(t.find_first_not_of("0123456789abcdef"), std::string::npos) << t;
  }
}

}  // namespace
}  // namespace mdsc::invoicing
