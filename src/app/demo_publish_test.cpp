// Publishing the FY2017 demo timetable more than once, at chosen dates (on both databases):
// sessions already held while the term is under way stay as they are, a draft older than the
// last change is refused, and new times for a period count as a move of its sessions.
#include <gtest/gtest.h>

#include <set>

#include "app/demo.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/i18n.h"
#include "ctt/solver.h"
#include "modules/timetable/planning/planning.h"
#include "modules/timetable/sessions/publish.h"
#include "support/test_db.h"
#include "support/tokyo.h"
#include "support/units.h"

namespace mdsc::app {
namespace {

using testing::tokyo;

class DemoPublish : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    db_ = testing::fresh_database();
    load_demo(*db_, {.timetable_history = false});
    term_ = scalar("SELECT id FROM terms WHERE fiscal_year = 2017");
    auto data = db_->read([&](db::Conn& c) { return timetable::planning_data(c, term_); });
    built_ = timetable::build_instance(*data);
    ctt::SolverOptions o;
    o.time_limit_seconds = 0;
    o.max_iterations = 300'000;
    solution_ = ctt::solve(built_.instance, o).solution;
  }
  std::int64_t scalar(const std::string& sql, const db::Params& p = {}) {
    return db_->read([&](db::Conn& c) { return c.scalar_i64(sql, p); });
  }
  // A finished run holding the solution, with `day_of` changing days (by lecture index).
  std::int64_t draft(std::int64_t finished_at, const std::map<std::size_t, std::string>& day_of = {}) {
    return db_->write([&](db::Conn& c) {
      const auto run = c.insert(
          "INSERT INTO timetable_runs (term_id, seed, seconds, status, started_at, heartbeat_at, finished_at) "
          "VALUES (?, 1, 1, 'done', ?, ?, ?)", {term_, finished_at, finished_at, finished_at});
      for (std::size_t i = 0; i < solution_.lectures.size(); ++i) {
        const auto& p = solution_.lectures[i];
        const auto& slot = built_.slots.at(built_.instance.slot_of(p.period));
        const std::string day = day_of.count(i) ? day_of.at(i) : built_.days.at(built_.instance.day_of(p.period));
        c.exec("INSERT INTO timetable_sessions (run_id, course_id, day, band, position, room_id) VALUES (?, ?, ?, ?, ?, ?)",
               {run, built_.course_ids.at(p.course), day, slot.band, slot.position, built_.room_ids.at(p.room)});
      }
      return run;
    });
  }
  std::string day_of(std::size_t lecture) { return built_.days.at(built_.instance.day_of(solution_.lectures[lecture].period)); }
  std::unique_ptr<db::Database> db_;
  std::int64_t term_ = 0;
  timetable::BuiltInstance built_;
  ctt::Solution solution_;
  audit::Actor actor_ = audit::Actor::system("test");
  // Publishes a run in a unit of work of its own at `now`, as the page would.
  Result<timetable::PublishSummary> publish(std::int64_t run, std::int64_t now) {
    testing::Units units(*db_, now);
    units.act_as(actor_);
    return units.write([&](Work& w) { return timetable::publish_run(w, run); });
  }
};

TEST_F(DemoPublish, HeldSessionsStayAnOlderDraftIsRefusedAndNewPeriodTimesAreAMove) {
  const auto first = draft(tokyo("2018-01-10"));
  auto published = publish(first, tokyo("2018-01-10"));
  ASSERT_TRUE(published) << published.status().message_id();
  const auto total = static_cast<int>(solution_.lectures.size());
  EXPECT_EQ(published->added, total);

  // One lecture held before 2018-01-15 and one after (of a course the demo trainee takes, so that
  // someone is told), each moved to another day in a new draft.
  std::set<std::int64_t> theirs;
  db_->read([&](db::Conn& c) {
    for (const auto& r : c.query("SELECT e.course_id FROM enrollments e JOIN users u ON u.id = e.user_id "
                                 "WHERE u.email = 'trainee@mdsc.example' AND e.status = 'enrolled'"))
      theirs.insert(r.i64("course_id"));
    return 0;
  });
  std::size_t past = total, future = total;
  for (std::size_t i = 0; i < solution_.lectures.size(); ++i) {
    if (past == static_cast<std::size_t>(total) && day_of(i) < "2018-01-12") past = i;
    if (future == static_cast<std::size_t>(total) && day_of(i) > "2018-01-20" &&
        theirs.count(built_.course_ids.at(solution_.lectures[i].course)))
      future = i;
  }
  ASSERT_LT(past, static_cast<std::size_t>(total));
  ASSERT_LT(future, static_cast<std::size_t>(total));
  const std::string past_day = day_of(past), future_day = day_of(future);
  const auto course_past = built_.course_ids.at(solution_.lectures[past].course);
  const auto held_before = scalar("SELECT COUNT(*) FROM course_sessions WHERE course_id = ? AND day = ?", {course_past, past_day});
  // (The past one moved to another day before today: a draft cannot change what was held.)
  const auto second = draft(tokyo("2018-01-15"), {{past, "2017-12-01"}, {future, "2018-02-26"}});
  auto again = publish(second, tokyo("2018-01-15"));
  ASSERT_TRUE(again) << again.status().message_id();
  EXPECT_EQ(again->added, 0);
  EXPECT_EQ(again->cancelled, 0);
  EXPECT_EQ(again->moved, 1) << "the session ahead moves; the one held on " << past_day << " stays";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM course_sessions WHERE course_id = ? AND day = ? AND sequence = 0",
                   {course_past, past_day}), held_before);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM course_sessions WHERE day = '2018-02-26' AND sequence = 1"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM mail_outbox WHERE status = 'pending' AND to_addr = 'trainee@mdsc.example'"), 1)
      << "the people of the moved session are told";
  const auto on_new_day = scalar("SELECT COUNT(*) FROM course_sessions WHERE day = '2018-02-26'");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'session' AND action = 'update'"), 1)
      << "the move is in the audit log with its before and after";

  // The first draft again would undo that: refused, nothing changes.
  auto stale = publish(first, tokyo("2018-01-16"));
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.status().message_id(), "timetable.draft_outdated");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM course_sessions WHERE day = '2018-02-26'"), on_new_day);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM course_sessions WHERE day = '2018-02-26' AND sequence = 1"), 1);

  // New times for evening period 1: every session ahead in it is moved (SEQUENCE up), none held.
  db_->write([&](db::Conn& c) {
    return c.exec("UPDATE term_periods SET starts_at = '18:30', ends_at = '20:00' WHERE term_id = ? AND band = 'evening' AND position = 1",
                  {term_});
  });
  const auto ahead = scalar("SELECT COUNT(*) FROM course_sessions WHERE band = 'evening' AND position = 1 AND day >= '2018-01-20'");
  ASSERT_GT(ahead, 0);
  const auto third = draft(tokyo("2018-01-20"), {{past, "2017-12-01"}, {future, "2018-02-26"}});
  auto retimed = publish(third, tokyo("2018-01-20"));
  ASSERT_TRUE(retimed) << retimed.status().message_id();
  EXPECT_EQ(retimed->moved, ahead);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM course_sessions WHERE band = 'evening' AND position = 1 AND day >= '2018-01-20' "
                   "AND starts_at = '18:30'"), ahead);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM course_sessions WHERE band = 'evening' AND position = 1 AND day < '2018-01-20' "
                   "AND starts_at = '18:30'"), 0) << "held sessions keep the times they were held at";
}

}  // namespace
}  // namespace mdsc::app
