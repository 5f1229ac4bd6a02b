// Recordings on both databases: who may upload and for which sessions (never a confidential
// one), a new upload replacing the old, and remote credit: watching 80 % of a missed session's
// recording within 14 days counts, seeking and forged heartbeats do not, and neither does
// watching too late.
#include <gtest/gtest.h>

#include "modules/videos/operations.h"
#include "modules/videos/repo.h"
#include "support/admissions_fixture.h"
#include "support/database_with_clerk.h"
#include "support/test_db.h"
#include "support/tokyo.h"
#include "support/units.h"

namespace mdsc::videos {
namespace {

constexpr std::int64_t kTenMinutes = 600'000;

class Videos : public testing::DatabaseWithClerk {
 protected:
  void seed(db::Conn& c) override {
    taro_ = testing::insert_user(c, "taro@example.org", "金沢", "太郎", "trainee");
    course_ = testing::insert_course(c, "C-L1", "システム医学概論");
    secret_ = testing::insert_course(c, "C-P9", "臨床事例演習");
    c.exec("UPDATE courses SET confidential_by_default = 1 WHERE id = ?", {secret_});
    testing::enroll(c, course_, taro_);
    const auto term = testing::insert_term(c);
    session_ = testing::insert_session(c, term, course_, "2017-12-04");  // 09:00-10:30, Taro missed it
    secret_session_ = testing::insert_session(c, term, secret_, "2017-12-05");
  }
  void SetUp() override {
    DatabaseWithClerk::SetUp();
    units_ = std::make_unique<testing::Units>(*db_, testing::tokyo("2017-12-04", "12:00:00"));
    as(clerk_);
  }
  void as(std::int64_t user) { units_->act_as_user(user); }
  Upload upload(std::int64_t session, const char* key) {
    return Upload{session, "lecture.webm", "video/webm", std::string(64, 'a'), key, 1000, kTenMinutes};
  }
  Result<Progress> beat(std::int64_t rec, std::int64_t from, std::int64_t to) {
    return units_->write([&](Work& w) { return record_progress(w, rec, from, to, CreditRule{}); });
  }
  std::int64_t at(const char* day, const char* time) { return testing::tokyo(day, time); }
  std::string attendance() {
    return db_->read([&](db::Conn& c) {
      auto r =
          c.query_one("SELECT status, method FROM attendance WHERE session_id = ? AND user_id = ?", {session_, taro_});
      return r ? r->str("status") + "/" + r->str("method") : std::string("none");
    });
  }

  std::unique_ptr<testing::Units> units_;
  std::int64_t taro_ = 0, course_ = 0, secret_ = 0, session_ = 0, secret_session_ = 0;
};

TEST_F(Videos, AConfidentialSessionRefusesAnUploadAndOnlyStaffMayUpload) {
  Status secret = units_->write([&](Work& w) { return may_upload(w, secret_session_); });
  EXPECT_EQ(secret.message_id(), "videos.confidential");
  EXPECT_EQ(units_->write([&](Work& w) { return add_recording(w, upload(secret_session_, "k1.webm")); })
                .status()
                .message_id(),
            "videos.confidential");
  as(taro_);
  EXPECT_EQ(Status(units_->write([&](Work& w) { return may_upload(w, session_); })).code(), Code::forbidden);
  EXPECT_EQ(db_->read([](db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM recordings"); }), 0);
}

TEST_F(Videos, ANewUploadReplacesTheRecordingAndConfidentialityWithdrawsIt) {
  auto first = units_->write([&](Work& w) { return add_recording(w, upload(session_, "k1.webm")); });
  ASSERT_TRUE(first) << first.status().message_id();
  auto second = units_->write([&](Work& w) { return add_recording(w, upload(session_, "k2.webm")); });
  ASSERT_TRUE(second);
  const auto old = db_->read([&](db::Conn& c) { return repo::by_id(c, *first); });
  EXPECT_TRUE(old->withdrawn());
  EXPECT_EQ(old->withdraw_reason, "replaced");
  EXPECT_EQ(db_->read([&](db::Conn& c) { return repo::current_of_session(c, session_); })->id, *second);
  units_->write([&](Work& w) { withdraw_course(w, course_); });
  EXPECT_FALSE(db_->read([&](db::Conn& c) { return repo::current_of_session(c, session_); }));
  EXPECT_EQ(db_->read([](db::Conn& c) {
    return c.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE entity = 'recordings' AND action = 'withdraw'");
  }),
            2);
}

TEST_F(Videos, WatchingMostOfAMissedSessionGivesRemoteCreditButSeekingDoesNot) {
  const auto rec = *units_->write([&](Work& w) { return add_recording(w, upload(session_, "k1.webm")); });
  as(taro_);
  units_->set_now(at("2017-12-06", "20:00:00"));
  units_->write([&](Work& w) { record_play(w, rec); });
  // A forged heartbeat claiming the whole lecture ten seconds later: believed for 24 s.
  units_->set_now(at("2017-12-06", "20:00:10"));
  auto forged = beat(rec, 0, kTenMinutes);
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->percent, 4);
  // The first minute played, then a seek to 8:00 and the last two minutes played: 30 %.
  std::int64_t t = at("2017-12-06", "20:00:10");
  for (std::int64_t pos = 24'000; pos < 60'000; pos += 12'000) {
    units_->set_now(t += 10);
    ASSERT_TRUE(beat(rec, pos, pos + 12'000));
  }
  for (std::int64_t pos = 480'000; pos < kTenMinutes; pos += 10'000) {
    units_->set_now(t += 10);
    ASSERT_TRUE(beat(rec, pos, pos + 10'000));
  }
  units_->set_now(t += 10);
  auto seeking = beat(rec, 590'000, kTenMinutes);
  ASSERT_TRUE(seeking);
  EXPECT_EQ(seeking->percent, 30);
  EXPECT_FALSE(seeking->credited);
  EXPECT_EQ(attendance(), "none");

  // Then the rest played through: 80 % reached, the session counts.
  for (std::int64_t pos = 60'000; pos < 420'000; pos += 10'000) {
    units_->set_now(t += 10);
    auto p = beat(rec, pos, pos + 10'000);
    ASSERT_TRUE(p);
    if (p->percent >= 80) {
      EXPECT_TRUE(p->credited) << "at " << pos;
      break;
    }
    EXPECT_FALSE(p->credited) << "at " << p->percent << " %";
  }
  EXPECT_EQ(attendance(), "present/recording");
}

TEST_F(Videos, WatchingTooLateOrWithoutEnrolmentGivesNothing) {
  const auto rec = *units_->write([&](Work& w) { return add_recording(w, upload(session_, "k1.webm")); });
  as(clerk_);
  EXPECT_EQ(beat(rec, 0, 10'000).status().code(), Code::forbidden) << "the secretariat watches, it is not credited";
  as(taro_);
  std::int64_t t = at("2017-12-19", "10:31:00");  // 14 days and a minute after the session ended
  units_->set_now(t);
  units_->write([&](Work& w) { record_play(w, rec); });
  Result<Progress> p = Status::ok();
  for (std::int64_t pos = 0; pos < kTenMinutes; pos += 10'000) {
    units_->set_now(t += 10);
    p = beat(rec, pos, pos + 10'000);
  }
  ASSERT_TRUE(p);
  EXPECT_EQ(p->percent, 100);
  EXPECT_FALSE(p->credited);
  EXPECT_EQ(attendance(), "none");
  EXPECT_EQ(db_->read([&](db::Conn& c) { return repo::plays(c, rec); }), 1) << "the playback start is logged";
}

}  // namespace
}  // namespace mdsc::videos
