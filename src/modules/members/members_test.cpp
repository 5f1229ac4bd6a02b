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

namespace mdsc::members {
namespace {

class Members : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    db_ = testing::fresh_database(true, 24);
    IssuerProfile p;
    p.name = "医療データ科学コンソーシアム";
    p.registration_number = "T7000012050002";
    p.postal_code = "980-8575";
    p.address = "宮城県仙台市青葉区星陵町4-1";
    p.bank_details = "七十七銀行 本店 普通 1234567";
    ASSERT_TRUE(save_issuer_profile(*db_, actor_, p, now_).is_ok());
    ASSERT_TRUE(create_fee_schedule(*db_, actor_, fy2018(), now_).is_ok());
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
    auto r = create_organization(*db_, actor_, o, now_);
    EXPECT_TRUE(r.is_ok()) << (r.is_ok() ? "" : r.status().message_id());
    return r.is_ok() ? *r : 0;
  }
  std::int64_t membership(std::int64_t company_id, const std::string& tier) {
    auto r = create_membership(*db_, actor_, company_id, 2018, tier, "active", now_);
    EXPECT_TRUE(r.is_ok()) << (r.is_ok() ? "" : r.status().message_id());
    return r.is_ok() ? *r : 0;
  }
  std::int64_t count(const std::string& sql) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }
  std::unique_ptr<db::Database> db_;
  audit::Actor actor_ = audit::Actor::system("test");
  std::int64_t now_ = 1522540800;  // 2018-04-01T00:00:00Z
};

TEST_F(Members, BForALargeCompanyIsRefusedWithTheReasonAndNothingIsWritten) {
  auto big = company("大手製薬株式会社", 8000, "1950-01-01");
  auto r = create_membership(*db_, actor_, big, 2018, "B", "applied", now_);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().fields().at("tier").message_id, "members.tier_venture_only");
  auto unknown = create_membership(*db_, actor_, big, 2018, "Z", "applied", now_);
  EXPECT_EQ(unknown.status().fields().at("tier").message_id, "members.tier_unknown");
  auto no_schedule = create_membership(*db_, actor_, big, 2030, "A", "applied", now_);
  EXPECT_EQ(no_schedule.status().fields().at("fiscal_year").message_id, "members.no_schedule");
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships"), 0);
  EXPECT_TRUE(create_membership(*db_, actor_, big, 2018, "A", "applied", now_).is_ok());
  auto twice = create_membership(*db_, actor_, big, 2018, "C", "applied", now_);
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
  auto r = create_organization(*db_, actor_, o, now_);
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
  EXPECT_EQ(save_issuer_profile(*db_, actor_, p, now_).fields().at("registration_number").message_id,
            "validation.registration_number_format");
  p.registration_number = "T7000012050003";  // wrong check digit
  EXPECT_EQ(save_issuer_profile(*db_, actor_, p, now_).fields().at("registration_number").message_id,
            "validation.registration_number_check");
  auto kept = db_->read([](db::Conn& c) { return issuer_profile(c); });
  EXPECT_EQ(kept->registration_number, "T7000012050002");
}

TEST_F(Members, TheThirdTraineeWaitsForTheSecretariat) {
  auto id = membership(company("大口製薬", 3000, "1980-01-01"), "X");  // 5 seats
  EXPECT_EQ(request_seat(*db_, actor_, id, "受講 一郎", "", now_)->status, "accepted");
  EXPECT_EQ(request_seat(*db_, actor_, id, "受講 二郎", "", now_)->status, "accepted");
  auto third = request_seat(*db_, actor_, id, "受講 三郎", "", now_);
  ASSERT_TRUE(third.is_ok());
  EXPECT_EQ(third->status, "consultation");
  EXPECT_EQ(third->reason, "third_trainee");
  ASSERT_TRUE(decide_consultation(*db_, actor_, third->id, true, 800000, "合意済み", now_).is_ok());
  auto m = db_->read([&](db::Conn& c) { return repo::membership(c, id); });
  EXPECT_EQ(m->seats_used, 3);
  // A fourth still waits: never automatic at three or more.
  EXPECT_EQ(request_seat(*db_, actor_, id, "受講 四郎", "", now_)->status, "consultation");
}

TEST_F(Members, NoSeatLeftGoesToConsultation) {
  auto id = membership(company("中堅IT", 300, "1990-01-01"), "A");  // 1 seat
  EXPECT_EQ(request_seat(*db_, actor_, id, "受講 一郎", "", now_)->status, "accepted");
  auto second = request_seat(*db_, actor_, id, "受講 二郎", "", now_);
  EXPECT_EQ(second->status, "consultation");
  EXPECT_EQ(second->reason, "no_seat_left");
  auto c = membership(company("C社", 300, "1990-01-01"), "C");  // no seat at all
  EXPECT_EQ(request_seat(*db_, actor_, c, "受講 花子", "", now_)->status, "consultation");
  ASSERT_TRUE(decide_consultation(*db_, actor_, second->id, false, 0, "枠なし", now_).is_ok());
  EXPECT_FALSE(decide_consultation(*db_, actor_, second->id, true, 0, "", now_).is_ok()) << "decided already";
}

TEST_F(Members, RacingRequestsNeverGetPastTheThreshold) {
  auto id = membership(company("競争製薬", 3000, "1980-01-01"), "X");  // 5 seats
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&, i] { EXPECT_TRUE(request_seat(*db_, actor_, id, "受講者" + std::to_string(i), "", now_)); });
  for (auto& t : threads) t.join();
  EXPECT_EQ(count("SELECT COUNT(*) FROM seat_requests WHERE status = 'accepted'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM seat_requests WHERE status = 'consultation'"), 6);
}

// Twenty clerks accept the same consultation at the same instant: it is decided once, and the
// company gets one extra seat, not one per click.
TEST_F(Members, ConcurrentAcceptsOfOneConsultationGrantOneExtraSeat) {
  auto id = membership(company("単一枠製薬", 3000, "1990-04-01"), "A");  // one seat
  ASSERT_EQ(request_seat(*db_, actor_, id, "受講 一郎", "", now_)->status, "accepted");
  auto waiting = request_seat(*db_, actor_, id, "受講 二郎", "", now_);
  ASSERT_EQ(waiting->status, "consultation");
  constexpr int kThreads = 20;
  std::latch start(kThreads);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      if (decide_consultation(*db_, actor_, waiting->id, true, 300000 + i, "合意", now_).is_ok()) ++ok;
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
    ASSERT_TRUE(request_seat(*db_, actor_, id, "受講 一郎", "", now_));
    cases.emplace_back(id, request_seat(*db_, actor_, id, "受講 二郎", "", now_)->id);
  }
  std::latch start(2 * kCompanies);
  std::vector<std::thread> threads;
  for (auto [membership_id, request_id] : cases) {
    threads.emplace_back([&, request_id] {
      start.arrive_and_wait();
      EXPECT_TRUE(decide_consultation(*db_, actor_, request_id, true, 100000, "合意", now_).is_ok());
    });
    threads.emplace_back([&, membership_id] {
      start.arrive_and_wait();
      EXPECT_TRUE(change_membership_status(*db_, actor_, membership_id, "ended", now_).is_ok());
    });
  }
  for (auto& t : threads) t.join();
  for (auto [membership_id, request_id] : cases) {
    auto m = db_->read([&](db::Conn& c) { return *repo::membership(c, membership_id); });
    EXPECT_EQ(m.extra_seats, 1) << "membership " << membership_id;
    EXPECT_EQ(m.status, "ended");
  }
}

TEST_F(Members, RenewalPreparesNextYearFromNextYearsSchedule) {
  auto s2019 = fy2018();
  s2019.fiscal_year = 2019;
  s2019.tiers[2].annual_fee = 600000;
  ASSERT_TRUE(create_fee_schedule(*db_, actor_, s2019, now_).is_ok());
  auto m = membership(company("継続製薬", 100, "1990-01-01"), "C");
  auto next = renew_membership(*db_, actor_, m, "", now_);
  ASSERT_TRUE(next.is_ok());
  auto nm = db_->read([&](db::Conn& c) { return repo::membership(c, *next); });
  EXPECT_EQ(nm->fiscal_year, 2019);
  EXPECT_EQ(nm->status, "applied");
  EXPECT_EQ(nm->starts_on, "2019-04-01");
  EXPECT_FALSE(renew_membership(*db_, actor_, m, "", now_).is_ok()) << "already renewed";
}

}  // namespace
}  // namespace mdsc::members
