// Check-in on both databases: the code of the current and the previous 20-second step only, the
// window around the session, enrolled trainees only (403 with the reason), once per trainee,
// flags for another device and for one device shared by several accounts (also when they check
// in at the same moment), manual marks with reasons and the secretariat's review, all audited.
#include <gtest/gtest.h>

#include <latch>
#include <thread>

#include "core/crypto.h"
#include "modules/attendance/codes.h"
#include "modules/attendance/operations.h"
#include "modules/attendance/repo.h"
#include "modules/attendance/rollcall.h"
#include "nlohmann/json.hpp"
#include "support/admissions_fixture.h"
#include "support/database_with_clerk.h"
#include "support/test_db.h"
#include "support/tokyo.h"
#include "support/units.h"

namespace mdsc::attendance {
namespace {

using testing::tokyo;

class Attendance_ : public testing::DatabaseWithClerk {
 protected:
  Attendance_() : DatabaseWithClerk(12) {}
  void seed(db::Conn& c) override {
    trainee_ = user(c, "trainee@example.org", "金沢", "太郎", "trainee");
    friend_ = user(c, "friend@example.org", "富山", "次郎", "trainee");
    outsider_ = user(c, "outsider@example.org", "石川", "三郎", "trainee");
    course_ = testing::insert_course(c, "C1", "医療データ科学概論");
    for (auto u : {trainee_, friend_}) testing::enroll(c, course_, u);
    session_ = testing::insert_session(c, testing::insert_term(c), course_, "2017-12-04");
  }
  void SetUp() override {
    crypto::init();
    DatabaseWithClerk::SetUp();
    start_ = tokyo("2017-12-04", "09:00:00");
  }

  static std::int64_t user(db::Conn& c, const char* email, const char* family, const char* given, const char* role) {
    return testing::insert_user(c, email, family, given, role);
  }
  static audit::Actor as(std::int64_t user_id) { return testing::user_actor(user_id); }

  template <typename F>
  auto unit(std::int64_t who, std::int64_t now, F&& fn) {
    testing::Units units(*db_, now);
    units.act_as(as(who));
    return units.write(std::forward<F>(fn));
  }
  std::string code_at(std::int64_t now) {
    const auto key = db_->write([](db::Conn& c) { return repo::code_key(c); });
    return code_for(key, session_, code_step(now));
  }
  Result<CheckedIn> check_in_at(std::int64_t who, std::int64_t now, const std::string& code,
                                const std::string& device) {
    return unit(who, now, [&](Work& w) { return check_in(w, CheckIn{session_, code, device}, Window{}); });
  }
  std::optional<Attendance> record_of(std::int64_t who) {
    return db_->read([&](db::Conn& c) { return repo::record(c, session_, who); });
  }
  std::int64_t count(const std::string& sql) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql); });
  }

  std::int64_t trainee_ = 0, friend_ = 0, outsider_ = 0, course_ = 0, session_ = 0, start_ = 0;
  const std::string phone_ = "phone-of-taro-0123456789012345678901234567",
                    laptop_ = "laptop-of-taro-012345678901234567890";
};

TEST_F(Attendance_, TheCodeOfThisStepAndThePreviousOneAreTakenNotOlder) {
  const auto now = start_ + 5 * 60;
  const auto two_steps_ago = code_at(now - 2 * kCodeStepSeconds);
  if (two_steps_ago != code_at(now) && two_steps_ago != code_at(now - kCodeStepSeconds)) {
    auto old = check_in_at(trainee_, now, two_steps_ago, phone_);
    ASSERT_FALSE(old);
    EXPECT_EQ(old.status().fields().at("code").message_id, "attendance.code_expired");
  }
  EXPECT_FALSE(record_of(trainee_)) << "a refused code writes nothing";
  EXPECT_TRUE(check_in_at(trainee_, now, code_at(now - kCodeStepSeconds), phone_)) << "the previous step's code";
  EXPECT_TRUE(check_in_at(friend_, now, code_at(now), laptop_)) << "the current step's code";
}

// Scanned before logging in: the ticket made at the scan keeps that code good for two minutes.
TEST_F(Attendance_, AScanTicketKeepsTheScannedCodeGoodThroughTheLogin) {
  const auto scanned = start_ + 60;
  const auto code = code_at(scanned);
  const auto ticket = unit(trainee_, scanned, [&](Work& w) { return ticket_for(w, session_, code); });
  ASSERT_FALSE(ticket.empty());
  EXPECT_TRUE(unit(trainee_, scanned, [&](Work& w) { return ticket_for(w, session_, "000000"); }).empty() ||
              code == "000000")
      << "no ticket for a code that is not the current one";
  const auto with_ticket = [&](std::int64_t now, const std::string& t, const std::string& c, std::int64_t who) {
    return unit(who, now, [&](Work& w) { return check_in(w, CheckIn{session_, c, phone_, t}, Window{}); });
  };
  auto tampered = ticket;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  EXPECT_FALSE(with_ticket(scanned + 100, tampered, code, trainee_)) << "a changed ticket is refused";
  EXPECT_FALSE(
      with_ticket(scanned + 100, ticket, code_at(scanned + 100) == code ? "999999" : code_at(scanned - 200), trainee_))
      << "the ticket holds for its own code only";
  EXPECT_FALSE(with_ticket(scanned + kTicketSeconds + kCodeStepSeconds, ticket, code, trainee_)) << "too old";
  EXPECT_TRUE(with_ticket(scanned + 100, ticket, code, trainee_)) << "100 s after the scan";
}

// Typed without choosing a session: the code finds the trainee's open session, and only theirs.
TEST_F(Attendance_, ATypedCodeFindsItsSession) {
  const auto now = start_ + 60;
  const auto found = [&](std::int64_t who, const std::string& code, std::int64_t at) {
    return unit(who, at, [&](Work& w) { return session_of_code(w, code, Window{}); });
  };
  const auto code = code_at(now);
  EXPECT_EQ(found(trainee_, code, now), session_);
  EXPECT_EQ(found(outsider_, code, now), 0) << "not their course";
  EXPECT_EQ(found(trainee_, "12345", now), 0);
  const auto later = tokyo("2017-12-04", "11:00:00");
  EXPECT_EQ(found(trainee_, code_at(later), later), 0) << "the session has ended";
}

TEST_F(Attendance_, TheServerClockDecidesAndCodesDifferBySessionAndStep) {
  const auto key = db_->write([](db::Conn& c) { return repo::code_key(c); });
  EXPECT_EQ(key.size(), 64u) << "256 bits, as hex";
  EXPECT_EQ(code_for(key, session_, 100).size(), 6u);
  EXPECT_TRUE(code_well_formed(code_for(key, session_, 100)));
  EXPECT_NE(code_for(key, session_, 100) + code_for(key, session_, 101),
            code_for(key, session_ + 1, 100) + code_for(key, session_ + 1, 101));
  EXPECT_FALSE(code_well_formed("12345"));
  EXPECT_FALSE(code_well_formed("12a456"));
  auto bad = check_in_at(trainee_, start_, "12-45x", phone_);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.status().fields().at("code").message_id, "attendance.code_malformed");
}

TEST_F(Attendance_, OnlyTraineesEnrolledInTheCourseCheckInAndAreToldWhy) {
  auto r = check_in_at(outsider_, start_, code_at(start_), phone_);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.status().code(), Code::forbidden);
  EXPECT_EQ(r.status().message_id(), "attendance.not_enrolled");
  EXPECT_EQ(r.status().args().at("course"), "C1");
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendance"), 0);
}

TEST_F(Attendance_, CheckInIsOpenFromAQuarterHourBeforeTheStartToTheEnd) {
  const auto early = start_ - 16 * 60;
  auto r = check_in_at(trainee_, early, code_at(early), phone_);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.status().message_id(), "attendance.not_open_yet");
  const auto after = tokyo("2017-12-04", "10:31:00");
  EXPECT_EQ(check_in_at(trainee_, after, code_at(after), phone_).status().message_id(), "attendance.closed");
  const auto on_time = start_ - 15 * 60;
  auto ok = check_in_at(trainee_, on_time, code_at(on_time), phone_);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->record.status, Mark::present);
}

TEST_F(Attendance_, AfterTenMinutesACheckInIsLate) {
  const auto at = start_ + 10 * 60 + 1;
  auto r = check_in_at(trainee_, at, code_at(at), phone_);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->record.status, Mark::late);
}

TEST_F(Attendance_, ASecondCheckInChangesNothing) {
  auto first = check_in_at(trainee_, start_, code_at(start_), phone_);
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->already);
  const auto later = start_ + 20 * 60;
  auto second = check_in_at(trainee_, later, code_at(later), phone_);
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->already);
  EXPECT_EQ(second->record.id, first->record.id);
  EXPECT_EQ(second->record.status, Mark::present) << "still present, not late";
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendance"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'attendance'"), 1);
}

TEST_F(Attendance_, TheFirstDeviceIsBoundAndAnotherDeviceIsFlaggedNotRefused) {
  ASSERT_TRUE(check_in_at(trainee_, start_, code_at(start_), phone_));
  EXPECT_FALSE(record_of(trainee_)->flagged());
  // The next session: from another device.
  const auto next = db_->write([&](db::Conn& c) {
    return c.insert(
        "INSERT INTO course_sessions (term_id, course_id, day, band, position, starts_at, ends_at, confidential, "
        "status, "
        "sequence, created_at, updated_at) SELECT term_id, course_id, '2017-12-05', band, 1, '09:00', '10:30', 0, "
        "'scheduled', 0, 0, 0 FROM course_sessions WHERE id = ?",
        {session_});
  });
  const auto t = tokyo("2017-12-05", "09:00:00");
  const auto key = db_->write([](db::Conn& c) { return repo::code_key(c); });
  auto r = unit(trainee_, t, [&](Work& w) {
    return check_in(w, CheckIn{next, code_for(key, next, code_step(t)), laptop_}, Window{});
  });
  ASSERT_TRUE(r);
  EXPECT_EQ(r->record.flag, "other_device");
  EXPECT_EQ(r->record.review, Review::pending);
  EXPECT_EQ(r->record.status, Mark::present) << "accepted, waiting for review";
}

TEST_F(Attendance_, OneDeviceForTwoAccountsFlagsBoth) {
  ASSERT_TRUE(check_in_at(trainee_, start_, code_at(start_), phone_));
  auto r = check_in_at(friend_, start_ + 30, code_at(start_ + 30), phone_);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->record.flag, "shared_device");
  EXPECT_EQ(record_of(trainee_)->flag, "shared_device");
  EXPECT_EQ(record_of(trainee_)->review, Review::pending);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'attendance' AND action = 'flag'"), 1);
  const auto rc = db_->read([&](db::Conn& c) { return roll_call_of(c, session_, course_); });
  EXPECT_EQ(rc.flagged, 2);
  EXPECT_EQ(rc.present, 2);
}

// Two accounts on one phone at the same moment: the device's lock puts one after the other, so
// the second sees the first and both are flagged, on PostgreSQL as on SQLite.
TEST_F(Attendance_, TwoAccountsOnOneDeviceAtOnceAreBothFlagged) {
  std::latch go(2);
  std::vector<std::thread> threads;
  for (auto who : {trainee_, friend_})
    threads.emplace_back([&, who] {
      go.arrive_and_wait();
      EXPECT_TRUE(check_in_at(who, start_, code_at(start_), phone_));
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(record_of(trainee_)->flag, "shared_device");
  EXPECT_EQ(record_of(friend_)->flag, "shared_device");
}

TEST_F(Attendance_, TheSameTraineeTwiceAtOnceMakesOneRecord) {
  std::latch go(2);
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([&] {
      go.arrive_and_wait();
      EXPECT_TRUE(check_in_at(trainee_, start_, code_at(start_), phone_));
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(count("SELECT COUNT(*) FROM attendance"), 1);
  EXPECT_FALSE(record_of(trainee_)->flagged());
}

TEST_F(Attendance_, ManualMarksNeedAReasonAndAreAudited) {
  auto missing = unit(clerk_, start_, [&](Work& w) { return mark(w, session_, trainee_, Mark::excused, ""); });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.status().fields().at("reason").message_id, "attendance.reason_required");
  auto stranger = unit(clerk_, start_, [&](Work& w) { return mark(w, session_, outsider_, Mark::present, ""); });
  EXPECT_FALSE(stranger);
  ASSERT_TRUE(unit(clerk_, start_, [&](Work& w) { return mark(w, session_, trainee_, Mark::excused, "学会発表"); }));
  EXPECT_EQ(record_of(trainee_)->status, Mark::excused);
  EXPECT_EQ(record_of(trainee_)->method, "manual");
  ASSERT_TRUE(unit(clerk_, start_, [&](Work& w) { return mark(w, session_, trainee_, Mark::late, "電車の遅延"); }));
  EXPECT_EQ(record_of(trainee_)->status, Mark::late);
  const auto audit = db_->read([](db::Conn& c) {
    return c.query_one("SELECT changes FROM audit_log WHERE action = 'mark' ORDER BY id DESC LIMIT 1");
  });
  ASSERT_TRUE(audit);
  const auto changes = nlohmann::json::parse(audit->str("changes"));
  EXPECT_EQ(changes["status"]["before"], "excused");
  EXPECT_EQ(changes["status"]["after"], "late");
}

TEST_F(Attendance_, TheSecretariatReviewsAFlaggedCheckInOnce) {
  ASSERT_TRUE(check_in_at(trainee_, start_, code_at(start_), phone_));
  ASSERT_TRUE(check_in_at(friend_, start_, code_at(start_), phone_));
  const auto id = record_of(friend_)->id;
  EXPECT_EQ(unit(clerk_, start_, [&](Work& w) { return review(w, id, false, ""); }).fields().at("reason").message_id,
            "attendance.reason_required");
  EXPECT_TRUE(unit(clerk_, start_, [&](Work& w) { return review(w, id, false, "代理出席"); }));
  EXPECT_EQ(record_of(friend_)->status, Mark::absent);
  EXPECT_EQ(record_of(friend_)->review, Review::rejected);
  EXPECT_EQ(unit(clerk_, start_, [&](Work& w) { return review(w, id, true, "やはり本人"); }).code(), Code::conflict);
}

// A room with a network: an on-site check-in from elsewhere is accepted but flagged.
TEST_F(Attendance_, OutsideTheRoomsNetworkACheckInIsFlagged) {
  db_->write([&](db::Conn& c) {
    const auto room = c.insert(
        "INSERT INTO rooms (name, capacity, network, created_at, updated_at) "
        "VALUES ('講義室A', 40, '10.1.2.0/24, 2001:db8::/32', 'x', 'x')");
    c.exec("UPDATE course_sessions SET room_id = ? WHERE id = ?", {room, session_});
  });
  const auto now = start_ + 60;
  const std::string code = code_at(now);
  auto inside = unit(trainee_, now, [&](Work& w) {
    return check_in(w, CheckIn{session_, code, phone_, "", "10.1.2.77"}, Window{});
  });
  ASSERT_TRUE(inside);
  EXPECT_FALSE(inside->record.flagged());
  auto outside = unit(friend_, now, [&](Work& w) {
    return check_in(w, CheckIn{session_, code, laptop_, "", "192.0.2.10"}, Window{});
  });
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->record.flag, "outside_network");
  EXPECT_EQ(outside->record.review, Review::pending);
}

// Remote: from the live link during the session only, never for a confidential one.
TEST_F(Attendance_, RemoteCheckInDuringANonConfidentialSessionWithALiveLink) {
  auto remote = [&](std::int64_t who, std::int64_t now) {
    return unit(who, now, [&](Work& w) { return check_in_remote(w, session_, phone_, Window{}); });
  };
  EXPECT_EQ(remote(trainee_, start_ + 60).status().message_id(), "attendance.no_live_link");
  Status bad = unit(clerk_, start_, [&](Work& w) { return set_live_link(w, course_, "javascript:alert(1)"); });
  EXPECT_EQ(bad.fields().at("live_url").message_id, "attendance.live_url_invalid");
  ASSERT_TRUE(unit(clerk_, start_, [&](Work& w) { return set_live_link(w, course_, "https://live.example.org/c1"); }));
  EXPECT_EQ(remote(trainee_, start_ - 5 * 60).status().message_id(), "attendance.remote_not_live")
      << "the on-site window opens early; the live lecture does not";
  EXPECT_EQ(remote(outsider_, start_ + 60).status().code(), Code::forbidden);
  auto in = remote(trainee_, start_ + 15 * 60);
  ASSERT_TRUE(in) << in.status().message_id();
  EXPECT_EQ(in->record.method, "remote");
  EXPECT_EQ(in->record.status, Mark::late);
  EXPECT_TRUE(remote(trainee_, start_ + 16 * 60)->already);

  db_->write([&](db::Conn& c) { c.exec("UPDATE course_sessions SET confidential = 1 WHERE id = ?", {session_}); });
  EXPECT_EQ(remote(friend_, start_ + 60).status().message_id(), "attendance.remote_confidential");
  EXPECT_FALSE(record_of(friend_));
}

}  // namespace
}  // namespace mdsc::attendance
