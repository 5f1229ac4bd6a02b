// The FY2017 demo curriculum gets a feasible timetable over the demo term, with no session on a
// national holiday, in the year-end break or on the closed day (issue 5's acceptance; the time
// it takes is printed, not asserted), each course on its weekdays and no instructor when they are
// unavailable.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <set>

#include "app/demo.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "core/jp_holidays.h"
#include "ctt/solver.h"
#include "modules/timetable/planning/planning.h"
#include "support/test_db.h"

namespace mdsc::app {
namespace {

TEST(DemoTimetable, TheFy2017CurriculumGetsAFeasibleTimetableOnTeachingDaysOnly) {
  crypto::init();
  auto db = testing::fresh_database();
  load_demo(*db, {.timetable_history = false});
  auto data = db->read([](db::Conn& c) {
    auto id = c.scalar_i64("SELECT id FROM terms WHERE fiscal_year = 2017");
    return timetable::planning_data(c, id);
  });
  ASSERT_TRUE(data);
  ASSERT_GE(data->courses.size(), 10u) << "the prospectus's FY2017 catalogue";
  const auto built = timetable::build_instance(*data);

  ctt::SolverOptions options;
  options.seed = 1;
  options.time_limit_seconds = 10;
  options.max_iterations = 2'000'000;
  const auto started = std::chrono::steady_clock::now();
  const auto result = ctt::solve(built.instance, options);
  std::cout << "[ timetable] " << built.instance.total_lectures() << " sessions of " << built.instance.courses.size()
            << " courses over " << built.instance.days << " teaching days, soft cost " << result.cost.soft() << ", "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n";
  ASSERT_TRUE(result.feasible) << result.diagnosis.to_string();

  // The demo's rules (demo_timetable.cpp): 奥野 恭史 (AI-1) is never available on Wednesdays.
  std::int64_t okuno = 0;
  for (const auto& k : data->courses)
    for (const auto& i : k.instructors)
      if (i.instructor.family_name == "奥野") okuno = i.instructor_id;
  ASSERT_NE(okuno, 0);
  bool wednesday_rule = false;
  for (const auto& u : data->unavailability[okuno])
    if (u.weekday == 3 && u.band.empty() && u.strength == "unavailable") wednesday_rule = true;
  EXPECT_TRUE(wednesday_rule);
  int okuno_sessions = 0;

  std::set<std::string> closed;
  for (const auto& c : data->term.closed_days) closed.insert(c.day);
  int sessions = 0;
  for (const auto& p : result.solution.lectures) {
    ASSERT_TRUE(p.placed());
    const std::string day = built.days.at(built.instance.day_of(p.period));
    std::chrono::year_month_day ymd{};
    ASSERT_TRUE(timetable::parse_iso_date(day, ymd));
    EXPECT_TRUE(jp::holiday_on(ymd).empty()) << day << " is a holiday";
    const unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
    EXPECT_FALSE((m == 12 && d >= 29) || (m == 1 && d <= 3)) << day << " is in the year-end break";
    EXPECT_FALSE(closed.count(day)) << day << " is closed";
    EXPECT_LE(std::chrono::weekday{std::chrono::sys_days{ymd}}.iso_encoding(), 5u) << day << " is a weekend";
    EXPECT_GE(day, data->term.starts_on);
    EXPECT_LE(day, data->term.ends_on);
    // The course's band: evening courses from 18:00.
    const auto& slot = built.slots.at(built.instance.slot_of(p.period));
    const auto& course = data->courses.at(p.course);
    EXPECT_EQ(slot.band, course.time_band) << course.code;
    // Common subjects on Monday, Wednesday and Friday; the tracks on Tuesday and Thursday.
    const unsigned weekday = std::chrono::weekday{std::chrono::sys_days{ymd}}.iso_encoding();
    if (course.category == "common") {
      EXPECT_TRUE(weekday == 1 || weekday == 3 || weekday == 5) << course.code << " " << day;
    } else {
      EXPECT_TRUE(weekday == 2 || weekday == 4) << course.code << " " << day;
    }
    // No instructor's 'unavailable' rule is broken.
    for (const auto& i : course.instructors) {
      if (i.instructor_id == okuno) {
        EXPECT_NE(weekday, 3u) << "奥野 on a Wednesday: " << course.code << " " << day;
        ++okuno_sessions;
      }
      for (const auto& u : data->unavailability[i.instructor_id])
        if (u.strength == "unavailable") {
          EXPECT_FALSE(u.covers(day, weekday, slot.band, slot.position)) << course.code << " " << day << " " << u.reason;
        }
    }
    ++sessions;
  }
  int expected = 0;
  for (const auto& c : data->courses) expected += c.periods;
  EXPECT_EQ(sessions, expected);
  EXPECT_GT(okuno_sessions, 0);
}

}  // namespace
}  // namespace mdsc::app
