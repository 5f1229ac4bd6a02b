// Calendar feeds on both databases: who may subscribe to what, a revoked or unknown token opens
// nothing, and the feed carries the subject's published sessions with stable UIDs, SEQUENCE,
// cancelled sessions, rooms, instructors and links back to the session pages.
#include "modules/timetable/feeds/feeds.h"

#include <gtest/gtest.h>

#include "core/crypto.h"
#include "core/ical.h"
#include "support/admissions_fixture.h"
#include "support/database_with_clerk.h"
#include "support/test_db.h"
#include "support/units.h"

namespace mdsc::timetable {
namespace {

constexpr std::int64_t kNow = 1512000000;  // 2017-11-30
constexpr const char* kBase = "https://mdsc.example.jp";

class Feeds : public testing::DatabaseWithClerk {
 protected:
  void seed(db::Conn& c) override {
    trainee_ = user(c, "trainee@example.org", "金沢", "太郎", "trainee");
    other_trainee_ = user(c, "other@example.org", "富山", "次郎", "trainee");
    teacher_ = user(c, "teacher@example.org", "田中", "博", "instructor");
    partner_ = user(c, "partner@example.org", "製薬", "一郎", "partner_representative");
    own_instructor_ = c.insert(
        "INSERT INTO instructors (user_id, family_name, given_name, created_at, updated_at) VALUES (?, '田中', '博', 'x', 'x')",
        {teacher_});
    other_instructor_ = c.insert(
        "INSERT INTO instructors (family_name, given_name, created_at, updated_at) VALUES ('山田', '花子', 'x', 'x')");
    course_ = c.insert(
        "INSERT INTO courses (fiscal_year, code, title_ja, title_en, category, kind, periods, time_band, created_at, "
        "updated_at) VALUES (2017, 'C1', '医療データ科学概論', 'Introduction to medical data science', 'common', "
        "'lecture', 8, 'daytime', 'x', 'x')");
    other_course_ = c.insert(
        "INSERT INTO courses (fiscal_year, code, title_ja, category, track, kind, periods, time_band, created_at, "
        "updated_at) VALUES (2017, 'B1', 'ゲノム医療', 'specialised', 'bigdata_medicine', 'lecture', 7, 'evening', 'x', 'x')");
    c.exec("INSERT INTO course_instructors (course_id, instructor_id, display_order) VALUES (?, ?, 0), (?, ?, 1), (?, ?, 0)",
           {course_, own_instructor_, course_, other_instructor_, other_course_, other_instructor_});
    c.exec("INSERT INTO enrollments (course_id, user_id, status, created_at, enrolled_at, updated_at) "
           "VALUES (?, ?, 'enrolled', ?, ?, ?)",
           {course_, trainee_, kNow, kNow, kNow});
    c.exec("INSERT INTO enrollments (course_id, user_id, status, created_at, enrolled_at, dropped_at, updated_at) "
           "VALUES (?, ?, 'dropped', ?, ?, ?, ?)",
           {other_course_, trainee_, kNow, kNow, kNow, kNow});
    const auto term = testing::insert_term(c);
    room_ = c.insert("INSERT INTO rooms (name, capacity, created_at, updated_at) VALUES ('第1講義室', 80, 'x', 'x')");
    held_ = session(c, term, course_, "2017-12-04", "daytime", "09:00", "10:30", 0, "scheduled", 0);
    cancelled_ = session(c, term, course_, "2017-12-05", "daytime", "09:00", "10:30", 0, "cancelled", 2);
    confidential_ = session(c, term, other_course_, "2017-12-04", "evening", "18:00", "19:30", 1, "scheduled", 1);
  }
  void SetUp() override {
    crypto::init();
    DatabaseWithClerk::SetUp();
  }

  static std::int64_t user(db::Conn& c, const char* email, const char* family, const char* given, const char* role) {
    return testing::insert_user(c, email, family, given, role);
  }
  std::int64_t session(db::Conn& c, std::int64_t term, std::int64_t course, const char* day, const char* band,
                       const char* starts, const char* ends, int confidential, const char* status, int sequence) {
    return c.insert(
        "INSERT INTO course_sessions (term_id, course_id, day, band, position, starts_at, ends_at, room_id, confidential, "
        "status, sequence, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
        {term, course, day, band, starts, ends, room_, confidential, status, sequence, kNow, kNow + sequence});
  }

  // Runs an operation in a unit of work of its own, as a request would.
  template <typename F>
  auto unit(audit::Actor who, std::int64_t now, F&& fn) {
    testing::Units units(*db_, now, kBase);
    units.act_as(std::move(who));
    return units.write(std::forward<F>(fn));
  }
  static audit::Actor as(std::int64_t user_id) { return testing::user_actor(user_id); }
  Code create_code(std::int64_t who, const std::string& kind, std::int64_t subject) {
    auto r = unit(as(who), kNow, [&](Work& w) { return feeds::create(w, kind, subject); });
    return r ? Code::ok : r.status().code();
  }
  // A feed of a subject asked for, and the answer expected.
  struct Ask {
    const char* kind;
    std::int64_t subject;
    Code expected;
  };
  void expect_answers(std::int64_t who, std::initializer_list<Ask> asks) {
    for (const auto& a : asks)
      EXPECT_EQ(create_code(who, a.kind, a.subject), a.expected)
          << "user " << who << " asking for " << a.kind << " " << a.subject;
  }
  std::int64_t audit_count() {
    return db_->read([](db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE entity = 'calendar_feed'"); });
  }
  ical::Calendar calendar_of(const std::string& token) {
    auto f = unit(audit::Actor::system("ical"), kNow, [&](Work& w) { return feeds::resolve(w, token); });
    EXPECT_TRUE(f);
    if (!f) return {};
    return db_->read([&](db::Conn& c) { return feeds::calendar(c, *f, kBase, kNow); });
  }
  static const ical::Event* event(const ical::Calendar& cal, std::int64_t session_id) {
    for (const auto& e : cal.events)
      if (e.uid == "session-" + std::to_string(session_id) + "@mdsc") return &e;
    return nullptr;
  }

  std::int64_t trainee_ = 0, other_trainee_ = 0, teacher_ = 0, partner_ = 0;
  std::int64_t own_instructor_ = 0, other_instructor_ = 0, course_ = 0, other_course_ = 0, room_ = 0;
  std::int64_t held_ = 0, cancelled_ = 0, confidential_ = 0;
};

TEST_F(Feeds, ATraineeSubscribesOnlyToTheirOwnTimetable) {
  expect_answers(trainee_, {{"trainee", trainee_, Code::ok},
                            {"trainee", other_trainee_, Code::forbidden},
                            {"room", room_, Code::forbidden},
                            {"course", course_, Code::forbidden},
                            {"instructor", own_instructor_, Code::forbidden}});
  // Not a trainee: not even a feed of their own timetable.
  expect_answers(partner_, {{"trainee", partner_, Code::forbidden}, {"room", room_, Code::forbidden}});
}

TEST_F(Feeds, AnInstructorSubscribesToTheirOwnRecordAndTheCoursesTheyTeach) {
  expect_answers(teacher_, {{"instructor", own_instructor_, Code::ok},
                            {"course", course_, Code::ok},
                            {"instructor", other_instructor_, Code::forbidden},
                            {"course", other_course_, Code::forbidden},
                            {"room", room_, Code::forbidden},
                            {"trainee", trainee_, Code::forbidden}});
}

TEST_F(Feeds, TheSecretariatSubscribesToAnySubjectThatExists) {
  expect_answers(clerk_, {{"room", room_, Code::ok},
                          {"course", other_course_, Code::ok},
                          {"instructor", other_instructor_, Code::ok},
                          {"trainee", other_trainee_, Code::ok}});
  auto missing = unit(as(clerk_), kNow, [&](Work& w) { return feeds::create(w, "room", room_ + 100); });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.status().fields().count("subject_id"), 1u);
  auto not_trainee = unit(as(clerk_), kNow, [&](Work& w) { return feeds::create(w, "trainee", teacher_); });
  ASSERT_FALSE(not_trainee);
  EXPECT_EQ(not_trainee.status().fields().count("subject_id"), 1u) << "a trainee feed is of an account with the trainee role";
  auto bad_kind = unit(as(clerk_), kNow, [&](Work& w) { return feeds::create(w, "building", room_); });
  ASSERT_FALSE(bad_kind);
  EXPECT_EQ(bad_kind.status().fields().count("kind"), 1u);
  EXPECT_EQ(audit_count(), 4);
  auto mine = db_->read([&](db::Conn& c) { return feeds::list(c, clerk_); });
  ASSERT_EQ(mine.size(), 4u);
  EXPECT_EQ(mine.back().kind, "room");
  EXPECT_EQ(mine.back().subject_name, "第1講義室");
  EXPECT_EQ(db_->read([&](db::Conn& c) { return feeds::list(c, trainee_); }).size(), 0u);
}

TEST_F(Feeds, TheTokenIsStoredOnlyAsItsHashAndNeverAudited) {
  auto made = unit(as(trainee_), kNow, [&](Work& w) { return feeds::create(w, "trainee", trainee_); });
  ASSERT_TRUE(made) << made.status().message_id();
  EXPECT_GE(made->token.size(), 40u);
  db_->read([&](db::Conn& c) {
    EXPECT_EQ(c.scalar_i64("SELECT COUNT(*) FROM calendar_feeds WHERE token_hash = ?", {crypto::token_hash(made->token)}), 1);
    EXPECT_EQ(c.scalar_i64("SELECT COUNT(*) FROM calendar_feeds WHERE token_hash = ?", {made->token}), 0);
    for (const auto& r : c.query("SELECT changes FROM audit_log WHERE entity = 'calendar_feed'"))
      EXPECT_EQ(r.str("changes").find(made->token), std::string::npos);
  });
  EXPECT_EQ(feeds::url(kBase, made->token), std::string(kBase) + "/ical/" + made->token + ".ics");
  EXPECT_EQ(feeds::webcal_url(kBase, made->token), "webcal://mdsc.example.jp/ical/" + made->token + ".ics");
  EXPECT_EQ(feeds::webcal_url("http://127.0.0.1:8080", "t"), "webcal://127.0.0.1:8080/ical/t.ics");
}

TEST_F(Feeds, ARevokedOrUnknownTokenOpensNothing) {
  auto made = unit(as(trainee_), kNow, [&](Work& w) { return feeds::create(w, "trainee", trainee_); });
  ASSERT_TRUE(made);
  auto f = unit(audit::Actor::system("ical"), kNow + 10, [&](Work& w) { return feeds::resolve(w, made->token); });
  ASSERT_TRUE(f);
  EXPECT_EQ(f->id, made->id);
  EXPECT_EQ(f->last_used_at, kNow + 10);
  // Noted at most once a minute.
  unit(audit::Actor::system("ical"), kNow + 30, [&](Work& w) { return feeds::resolve(w, made->token); });
  auto stored = db_->read([&](db::Conn& c) { return feeds::get(c, made->id); });
  EXPECT_EQ(stored->last_used_at, kNow + 10);
  unit(audit::Actor::system("ical"), kNow + 100, [&](Work& w) { return feeds::resolve(w, made->token); });
  stored = db_->read([&](db::Conn& c) { return feeds::get(c, made->id); });
  EXPECT_EQ(stored->last_used_at, kNow + 100);

  EXPECT_FALSE(unit(audit::Actor::system("ical"), kNow, [&](Work& w) { return feeds::resolve(w, "not-a-token"); }));
  EXPECT_FALSE(unit(audit::Actor::system("ical"), kNow, [&](Work& w) { return feeds::resolve(w, ""); }));
  EXPECT_FALSE(
      unit(audit::Actor::system("ical"), kNow, [&](Work& w) { return feeds::resolve(w, std::string(500, 'a')); }));

  const auto audited = audit_count();
  EXPECT_EQ(unit(as(other_trainee_), kNow, [&](Work& w) { return feeds::revoke(w, made->id); }).code(), Code::not_found)
      << "not theirs";
  EXPECT_EQ(unit(as(teacher_), kNow, [&](Work& w) { return feeds::revoke(w, made->id); }).code(), Code::not_found);
  EXPECT_TRUE(unit(audit::Actor::system("ical"), kNow, [&](Work& w) { return feeds::resolve(w, made->token); }));
  ASSERT_TRUE(unit(as(trainee_), kNow + 200, [&](Work& w) { return feeds::revoke(w, made->id); }).is_ok());
  EXPECT_EQ(audit_count(), audited + 1);
  EXPECT_FALSE(unit(audit::Actor::system("ical"), kNow + 300, [&](Work& w) { return feeds::resolve(w, made->token); }));
  EXPECT_TRUE(unit(as(trainee_), kNow + 400, [&](Work& w) { return feeds::revoke(w, made->id); }).is_ok())
      << "twice is fine";
  EXPECT_EQ(audit_count(), audited + 1);
  stored = db_->read([&](db::Conn& c) { return feeds::get(c, made->id); });
  EXPECT_EQ(stored->revoked_at, kNow + 200);
  EXPECT_FALSE(stored->active());

  // The secretariat revokes anyone's feed.
  auto second = unit(as(trainee_), kNow, [&](Work& w) { return feeds::create(w, "trainee", trainee_); });
  ASSERT_TRUE(second);
  auto all = db_->read([&](db::Conn& c) { return feeds::list(c, 0); });
  ASSERT_EQ(all.size(), 1u) << "only active feeds in the secretariat's list";
  EXPECT_EQ(all[0].owner_name, "金沢 太郎");
  ASSERT_TRUE(unit(as(clerk_), kNow, [&](Work& w) { return feeds::revoke(w, second->id); }).is_ok());
  EXPECT_FALSE(unit(audit::Actor::system("ical"), kNow, [&](Work& w) { return feeds::resolve(w, second->token); }));
}

TEST_F(Feeds, AFeedStopsWhenItsOwnerMayNoLongerHaveIt) {
  auto made = unit(as(trainee_), kNow, [&](Work& w) { return feeds::create(w, "trainee", trainee_); });
  ASSERT_TRUE(made);
  db_->write([&](db::Conn& c) { c.exec("UPDATE users SET active = 0 WHERE id = ?", {trainee_}); });
  EXPECT_FALSE(unit(audit::Actor::system("ical"), kNow, [&](Work& w) { return feeds::resolve(w, made->token); }));
  db_->write([&](db::Conn& c) { c.exec("UPDATE users SET active = 1 WHERE id = ?", {trainee_}); });
  EXPECT_TRUE(unit(audit::Actor::system("ical"), kNow, [&](Work& w) { return feeds::resolve(w, made->token); }));
  db_->write([&](db::Conn& c) { c.exec("DELETE FROM roles WHERE user_id = ?", {trainee_}); });
  EXPECT_FALSE(unit(audit::Actor::system("ical"), kNow, [&](Work& w) { return feeds::resolve(w, made->token); }));
}

TEST_F(Feeds, ATraineesFeedHoldsTheirCoursesSessionsCancelledOnesIncluded) {
  auto made = unit(as(trainee_), kNow, [&](Work& w) { return feeds::create(w, "trainee", trainee_); });
  ASSERT_TRUE(made);
  auto cal = calendar_of(made->token);
  EXPECT_EQ(cal.name, "mdsc: 金沢 太郎");
  ASSERT_EQ(cal.events.size(), 3u) << "their course's two sessions, and the dropped course's one, cancelled";
  const auto* held = event(cal, held_);
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->summary, "医療データ科学概論");
  EXPECT_EQ(held->location, "第1講義室");
  EXPECT_EQ(held->sequence, 0);
  EXPECT_FALSE(held->cancelled);
  EXPECT_EQ(held->start, 1512345600);  // 2017-12-04 09:00 JST
  EXPECT_EQ(held->end - held->start, 90 * 60);
  EXPECT_EQ(held->url, std::string(kBase) + "/sessions/" + std::to_string(held_));
  EXPECT_NE(held->description.find("田中 博、山田 花子"), std::string::npos) << held->description;
  EXPECT_NE(held->description.find(held->url), std::string::npos);
  EXPECT_EQ(held->description.find("非公開"), std::string::npos);
  const auto* off = event(cal, cancelled_);
  ASSERT_NE(off, nullptr);
  EXPECT_TRUE(off->cancelled);
  EXPECT_EQ(off->sequence, 2);
  EXPECT_EQ(off->stamp, kNow + 2);

  const std::string text = ical::render(cal);
  EXPECT_NE(text.find("UID:session-" + std::to_string(held_) + "@mdsc\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTSTART;TZID=Asia/Tokyo:20171204T090000\r\n"), std::string::npos);
  EXPECT_NE(text.find("SEQUENCE:2\r\n"), std::string::npos);
  EXPECT_NE(text.find("STATUS:CANCELLED\r\n"), std::string::npos);
  EXPECT_NE(text.find("LOCATION:第1講義室\r\n"), std::string::npos);
}

// A calendar keeps an event that merely disappears from its feed: the sessions of a dropped course
// stay, cancelled, with a SEQUENCE above the one the calendar holds; enrolling again brings them back
// with a higher one still.
TEST_F(Feeds, ADroppedCoursesSessionsStayInTheTraineesFeedCancelled) {
  auto made = unit(as(trainee_), kNow, [&](Work& w) { return feeds::create(w, "trainee", trainee_); });
  ASSERT_TRUE(made);
  const auto* dropped = event(calendar_of(made->token), confidential_);
  ASSERT_NE(dropped, nullptr);
  EXPECT_TRUE(dropped->cancelled);
  EXPECT_EQ(dropped->sequence, 1 + 1) << "the session's own SEQUENCE (1), one more for the drop";
  EXPECT_EQ(dropped->stamp, kNow + 1) << "the session changed after the drop";

  // Drop the course they still have: its sessions turn cancelled, one SEQUENCE higher than before.
  auto before = event(calendar_of(made->token), held_)->sequence;
  db_->write([&](db::Conn& c) {
    c.exec("UPDATE enrollments SET status = 'dropped', dropped_at = ? WHERE course_id = ? AND user_id = ?",
           {kNow + 100, course_, trainee_});
  });
  auto after_drop = calendar_of(made->token);
  ASSERT_EQ(after_drop.events.size(), 3u);
  const auto* held = event(after_drop, held_);
  ASSERT_NE(held, nullptr);
  EXPECT_TRUE(held->cancelled);
  EXPECT_EQ(held->sequence, before + 1);
  EXPECT_EQ(held->stamp, kNow + 100);
  // Enrolled again: back, and higher again.
  db_->write([&](db::Conn& c) {
    c.exec("INSERT INTO enrollments (course_id, user_id, status, created_at, enrolled_at, updated_at) "
           "VALUES (?, ?, 'enrolled', ?, ?, ?)",
           {course_, trainee_, kNow + 200, kNow + 200, kNow + 200});
  });
  const auto* back = event(calendar_of(made->token), held_);
  ASSERT_NE(back, nullptr);
  EXPECT_FALSE(back->cancelled);
  EXPECT_EQ(back->sequence, before + 2);
}

TEST_F(Feeds, RoomAndInstructorFeedsHoldEveryCourseAndMarkConfidentialSessions) {
  auto room = unit(as(clerk_), kNow, [&](Work& w) { return feeds::create(w, "room", room_); });
  ASSERT_TRUE(room);
  auto cal = calendar_of(room->token);
  EXPECT_EQ(cal.name, "mdsc: 第1講義室");
  ASSERT_EQ(cal.events.size(), 3u);
  const auto* secret = event(cal, confidential_);
  ASSERT_NE(secret, nullptr);
  EXPECT_EQ(secret->summary, "ゲノム医療");
  EXPECT_NE(secret->description.find("非公開"), std::string::npos);
  EXPECT_NE(secret->description.find("山田 花子"), std::string::npos);

  auto teaching = unit(as(teacher_), kNow, [&](Work& w) { return feeds::create(w, "instructor", own_instructor_); });
  ASSERT_TRUE(teaching);
  EXPECT_EQ(calendar_of(teaching->token).events.size(), 2u) << "only the course they teach";
  auto other = unit(as(clerk_), kNow, [&](Work& w) { return feeds::create(w, "instructor", other_instructor_); });
  ASSERT_TRUE(other);
  EXPECT_EQ(calendar_of(other->token).events.size(), 3u);
  auto course = unit(as(teacher_), kNow, [&](Work& w) { return feeds::create(w, "course", course_); });
  ASSERT_TRUE(course);
  auto course_cal = calendar_of(course->token);
  EXPECT_EQ(course_cal.name, "mdsc: C1 医療データ科学概論");
  EXPECT_EQ(course_cal.events.size(), 2u);
}

}  // namespace
}  // namespace mdsc::timetable
