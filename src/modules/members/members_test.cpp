// Memberships and seats on both databases (their invoices: invoicing/lifecycle_test.cpp).
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <set>
#include <thread>

#include "core/crypto.h"
#include "modules/members/operations.h"
#include "modules/members/repo.h"
#include "support/test_db.h"
#include "support/units.h"

namespace mdsc::members {
namespace {

class Members : public ::testing::Test {
 protected:
  // An operation in a unit of work of its own, as a request runs it.
  template <typename F>
  auto write(F&& fn) {
    return units_->write(std::forward<F>(fn));
  }
  void SetUp() override {
    crypto::init();
    db_ = testing::fresh_database(true, 24);
    units_ = std::make_unique<testing::Units>(*db_, now_);
    IssuerProfile p;
    p.name = "医療データ科学コンソーシアム";
    p.registration_number = "T7000012050002";
    p.postal_code = "980-8575";
    p.address = "宮城県仙台市青葉区星陵町4-1";
    p.bank_details = "七十七銀行 本店 普通 1234567";
    ASSERT_TRUE(write([&](Work& w) { return save_issuer_profile(w, p); }).is_ok());
    ASSERT_TRUE(write([&](Work& w) { return create_fee_schedule(w, fy2018()); }).is_ok());
  }
  static FeeSchedule fy2018() {
    FeeSchedule s;
    s.fiscal_year = 2018;
    s.tiers = {{0, 0, "A", "A会員", "Tier A", 2000000, 1, true, true, true, "10", "non_venture"},
               {0, 0, "B", "B会員", "Tier B", 1000000, 1, true, true, true, "10", "venture"},
               {0, 0, "C", "C会員", "Tier C", 500000, 0, false, true, true, "10", "any"},
               {0, 0, "X", "大口会員", "Large", 5000000, 5, true, true, true, "10", "any"}};
    return s;
  }
  std::int64_t company(const std::string& name, std::int64_t employees, const std::string& founded) {
    Organization o;
    o.kind = "company";
    o.company_type = "pharma";
    o.name = name;
    o.employee_count = employees;
    o.founded_on = founded;
    o.email = "billing@example.co.jp";
    auto r = write([&](Work& w) { return create_organization(w, o); });
    EXPECT_TRUE(r.is_ok()) << (r.is_ok() ? "" : r.status().message_id());
    return r.is_ok() ? *r : 0;
  }
  std::int64_t membership(std::int64_t company_id, const std::string& tier) {
    auto r = write([&](Work& w) { return create_membership(w, company_id, 2018, tier, MembershipStatus::active); });
    EXPECT_TRUE(r.is_ok()) << (r.is_ok() ? "" : r.status().message_id());
    return r.is_ok() ? *r : 0;
  }
  std::int64_t count(const std::string& sql) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<testing::Units> units_;
  std::int64_t now_ = 1522540800;  // 2018-04-01T00:00:00Z
};

TEST_F(Members, BForALargeCompanyIsRefusedWithTheReasonAndNothingIsWritten) {
  auto big = company("大手製薬株式会社", 8000, "1950-01-01");
  auto r = write([&](Work& w) { return create_membership(w, big, 2018, "B", MembershipStatus::applied); });
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().fields().at("tier").message_id, "members.tier_venture_only");
  auto unknown = write([&](Work& w) { return create_membership(w, big, 2018, "Z", MembershipStatus::applied); });
  EXPECT_EQ(unknown.status().fields().at("tier").message_id, "members.tier_unknown");
  auto no_schedule = write([&](Work& w) { return create_membership(w, big, 2030, "A", MembershipStatus::applied); });
  EXPECT_EQ(no_schedule.status().fields().at("fiscal_year").message_id, "members.no_schedule");
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships"), 0);
  EXPECT_TRUE(write([&](Work& w) { return create_membership(w, big, 2018, "A", MembershipStatus::applied); }).is_ok());
  auto twice = write([&](Work& w) { return create_membership(w, big, 2018, "C", MembershipStatus::applied); });
  EXPECT_EQ(twice.status().code(), Code::conflict);
}

TEST_F(Members, BadOrganisationDataIsNamedFieldByField) {
  Organization o;
  o.kind = "company";
  o.company_type = "bakery";
  o.name = "";
  o.corporate_number = "12345678901234";
  o.employee_count = -3;
  o.founded_on = "2099-01-01";
  o.postal_code = "9808575";
  auto r = write([&](Work& w) { return create_organization(w, o); });
  ASSERT_FALSE(r.is_ok());
  const auto& f = r.status().fields();
  for (const char* field : {"company_type", "name", "corporate_number", "employee_count", "founded_on", "postal_code"})
    EXPECT_TRUE(f.count(field)) << field;
  EXPECT_EQ(count("SELECT COUNT(*) FROM organizations"), 0);
}

TEST_F(Members, IssuerRegistrationNumberIsChecked) {
  IssuerProfile p;
  p.name = "x";
  p.registration_number = "T70000120500021";  // 14 digits
  EXPECT_EQ(write([&](Work& w) { return save_issuer_profile(w, p); }).fields().at("registration_number").message_id,
            "validation.registration_number_format");
  p.registration_number = "T7000012050003";  // wrong check digit
  EXPECT_EQ(write([&](Work& w) { return save_issuer_profile(w, p); }).fields().at("registration_number").message_id,
            "validation.registration_number_check");
  auto kept = db_->read([](db::Conn& c) { return issuer_profile(c); });
  EXPECT_EQ(kept->registration_number, "T7000012050002");
}

TEST_F(Members, TheThirdTraineeWaitsForTheSecretariat) {
  auto id = membership(company("大口製薬", 3000, "1980-01-01"), "X");  // 5 seats
  EXPECT_EQ(write([&](Work& w) { return request_seat(w, id, "受講 一郎", ""); })->status, SeatStatus::accepted);
  EXPECT_EQ(write([&](Work& w) { return request_seat(w, id, "受講 二郎", ""); })->status, SeatStatus::accepted);
  auto third = write([&](Work& w) { return request_seat(w, id, "受講 三郎", ""); });
  ASSERT_TRUE(third.is_ok());
  EXPECT_EQ(third->status, SeatStatus::consultation);
  EXPECT_EQ(third->reason, "third_trainee");
  ASSERT_TRUE(write([&](Work& w) { return decide_consultation(w, third->id, true, 800000, "合意済み"); }).is_ok());
  auto m = db_->read([&](db::Conn& c) { return repo::membership(c, id); });
  EXPECT_EQ(m->seats_used, 3);
  // A fourth still waits: never automatic at three or more.
  EXPECT_EQ(write([&](Work& w) { return request_seat(w, id, "受講 四郎", ""); })->status, SeatStatus::consultation);
}

TEST_F(Members, NoSeatLeftGoesToConsultation) {
  auto id = membership(company("中堅IT", 300, "1990-01-01"), "A");  // 1 seat
  EXPECT_EQ(write([&](Work& w) { return request_seat(w, id, "受講 一郎", ""); })->status, SeatStatus::accepted);
  auto second = write([&](Work& w) { return request_seat(w, id, "受講 二郎", ""); });
  EXPECT_EQ(second->status, SeatStatus::consultation);
  EXPECT_EQ(second->reason, "no_seat_left");
  auto c = membership(company("C社", 300, "1990-01-01"), "C");  // no seat at all
  EXPECT_EQ(write([&](Work& w) { return request_seat(w, c, "受講 花子", ""); })->status, SeatStatus::consultation);
  ASSERT_TRUE(write([&](Work& w) { return decide_consultation(w, second->id, false, 0, "枠なし"); }).is_ok());
  EXPECT_FALSE(write([&](Work& w) { return decide_consultation(w, second->id, true, 0, ""); }).is_ok())
      << "decided already";
}

TEST_F(Members, RacingRequestsNeverGetPastTheThreshold) {
  auto id = membership(company("競争製薬", 3000, "1980-01-01"), "X");  // 5 seats
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(
        [&, i] { EXPECT_TRUE(write([&](Work& w) { return request_seat(w, id, "受講者" + std::to_string(i), ""); })); });
  for (auto& t : threads) t.join();
  EXPECT_EQ(count("SELECT COUNT(*) FROM seat_requests WHERE status = 'accepted'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM seat_requests WHERE status = 'consultation'"), 6);
}

// Twenty clerks accept the same consultation at the same instant: it is decided once, and the
// company gets one extra seat, not one per click.
TEST_F(Members, ConcurrentAcceptsOfOneConsultationGrantOneExtraSeat) {
  auto id = membership(company("単一枠製薬", 3000, "1990-04-01"), "A");  // one seat
  ASSERT_EQ(write([&](Work& w) { return request_seat(w, id, "受講 一郎", ""); })->status, SeatStatus::accepted);
  auto waiting = write([&](Work& w) { return request_seat(w, id, "受講 二郎", ""); });
  ASSERT_EQ(waiting->status, SeatStatus::consultation);
  constexpr int kThreads = 20;
  std::latch start(kThreads);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      if (write([&](Work& w) { return decide_consultation(w, waiting->id, true, 300000 + i, "合意"); }).is_ok()) ++ok;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  auto m = db_->read([&](db::Conn& c) { return *repo::membership(c, id); });
  EXPECT_EQ(m.extra_seats, 1);
  EXPECT_EQ(m.seats_used, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'accept' AND entity = 'seat_request'"), 1);
}

// A status change and a consultation's extra seat at the same instant: the status change rewrites
// the membership's row, and must not write the extra seat away.
TEST_F(Members, AStatusChangeKeepsAnExtraSeatGrantedMeanwhile) {
  constexpr int kCompanies = 10;
  std::vector<std::pair<std::int64_t, std::int64_t>> cases;  // membership, consultation
  for (int i = 0; i < kCompanies; ++i) {
    auto id = membership(company("競合製薬" + std::to_string(i), 3000, "1990-04-01"), "A");
    ASSERT_TRUE(write([&](Work& w) { return request_seat(w, id, "受講 一郎", ""); }));
    cases.emplace_back(id, write([&](Work& w) { return request_seat(w, id, "受講 二郎", ""); })->id);
  }
  std::latch start(2 * kCompanies);
  std::vector<std::thread> threads;
  for (auto [membership_id, request_id] : cases) {
    threads.emplace_back([&, request_id] {
      start.arrive_and_wait();
      EXPECT_TRUE(write([&](Work& w) { return decide_consultation(w, request_id, true, 100000, "合意"); }).is_ok());
    });
    threads.emplace_back([&, membership_id] {
      start.arrive_and_wait();
      EXPECT_TRUE(write([&](Work& w) { return change_membership_status(w, membership_id, "ended"); }).is_ok());
    });
  }
  for (auto& t : threads) t.join();
  for (auto [membership_id, request_id] : cases) {
    auto m = db_->read([&](db::Conn& c) { return *repo::membership(c, membership_id); });
    EXPECT_EQ(m.extra_seats, 1) << "membership " << membership_id;
    EXPECT_EQ(m.status, MembershipStatus::ended);
  }
}

TEST_F(Members, RenewalPreparesNextYearFromNextYearsSchedule) {
  auto s2019 = fy2018();
  s2019.fiscal_year = 2019;
  s2019.tiers[2].annual_fee = 600000;
  ASSERT_TRUE(write([&](Work& w) { return create_fee_schedule(w, s2019); }).is_ok());
  auto m = membership(company("継続製薬", 100, "1990-01-01"), "C");
  auto next = write([&](Work& w) { return renew_membership(w, m, ""); });
  ASSERT_TRUE(next.is_ok());
  auto nm = db_->read([&](db::Conn& c) { return repo::membership(c, *next); });
  EXPECT_EQ(nm->fiscal_year, 2019);
  EXPECT_EQ(nm->status, MembershipStatus::applied);
  EXPECT_EQ(nm->starts_on, "2019-04-01");
  EXPECT_FALSE(write([&](Work& w) { return renew_membership(w, m, ""); }).is_ok()) << "already renewed";
}

}  // namespace
}  // namespace mdsc::members
