// Pinned sessions when generating again: held out of the solver, their period closed to the
// courses that may not share it, and the solver's sessions moved out of their rooms.
#include <gtest/gtest.h>

#include <optional>

#include "ctt/solver.h"
#include "modules/timetable/planning/pins.h"

namespace mdsc::timetable {
namespace {

// Two days of two periods, two rooms; courses A and B share a curriculum, C is on its own.
BuiltInstance small() {
  BuiltInstance b;
  auto& in = b.instance;
  in.days = 2;
  in.periods_per_day = 2;
  in.courses = {{"A", "t1", 0, 2, 1, 10, 0, 0}, {"B", "t2", 0, 2, 1, 10, 0, 0}, {"C", "t3", 0, 2, 1, 10, 0, 0}};
  in.rooms = {{"R1", 30}, {"R2", 20}};
  in.curricula = {{"q", {0, 1}}};
  in.index_teachers();
  b.days = {"2018-01-09", "2018-01-10"};
  b.slots = {{"evening", 1, "18:00", "19:30"}, {"evening", 2, "19:40", "21:10"}};
  b.course_ids = {11, 12, 13};
  b.room_ids = {21, 22};
  return b;
}

// The solver's timetable for the instance as the pins left it (bounded by 20,000 iterations, not by
// time, so a slow machine searches as far), with the pins merged back in, none displaced; nothing
// when the solver found no feasible one.
std::optional<ctt::Solution> solved_with(const BuiltInstance& b, const std::vector<ctt::Placement>& pins) {
  ctt::SolverOptions o;
  o.time_limit_seconds = 0;
  o.max_iterations = 20000;
  auto result = ctt::solve(b.instance, o);
  if (!result.feasible) return std::nullopt;
  EXPECT_EQ(merge_pins(b, result.solution, pins), 0);
  return result.solution;
}

TEST(Pins, APinIsHeldOutAndItsPeriodClosedToItsCurriculumOnly) {
  auto b = small();
  auto pins = pins_in(b, {{11, "2018-01-10", "evening", 2, 21}, {99, "2018-01-10", "evening", 1, 21},
                          {11, "2018-01-11", "evening", 1, 21}});
  ASSERT_EQ(pins.size(), 1u) << "an unknown course and a day outside the instance are dropped";
  EXPECT_EQ(pins[0].course, 0);
  EXPECT_EQ(pins[0].period, 3);
  EXPECT_EQ(pins[0].room, 0);
  EXPECT_EQ(hold_pins(b, pins).size(), 1u);
  EXPECT_EQ(b.instance.courses[0].lectures, 1);
  EXPECT_FALSE(b.instance.is_available(0, 3));
  EXPECT_FALSE(b.instance.is_available(1, 3)) << "B shares A's curriculum";
  EXPECT_TRUE(b.instance.is_available(2, 3)) << "C may share the period (in another room)";

  auto solution = solved_with(b, pins);
  ASSERT_TRUE(solution) << "no feasible timetable";
  ASSERT_EQ(solution->lectures.size(), 6u);
  for (const auto& l : solution->lectures) {
    if (&l == &solution->lectures.back()) break;
    EXPECT_FALSE(l.period == 3 && l.room == 0) << "only the pin is in R1 at its period";
  }
  EXPECT_EQ(solution->lectures.back().period, 3);
}

// Mid-term: a session held on the first day is a pin, and the rest of each course goes on the days
// still to come, never on a day that is over (publishing would drop it, leaving the course short).
TEST(Pins, MidTermTheSolverUsesOnlyTheDaysStillToCome) {
  auto b = small();
  b.instance.days = 3;
  b.days.push_back("2018-01-11");
  b.instance.index_teachers();
  auto pins = hold_pins(b, pins_in(b, {{11, "2018-01-09", "evening", 1, 21}}));
  EXPECT_EQ(close_past_days(b, "2018-01-10"), 1);
  for (int c = 0; c < 3; ++c)
    for (int p = 0; p < 2; ++p) EXPECT_FALSE(b.instance.is_available(c, p)) << "course " << c << " period " << p;
  EXPECT_EQ(close_past_days(b, "2018-01-09"), 0) << "nothing is over on the first day";
  auto solution = solved_with(b, pins);
  ASSERT_TRUE(solution) << "no feasible timetable";
  ASSERT_EQ(solution->lectures.size(), 6u) << "every course keeps its two periods";
  for (std::size_t i = 0; i + 1 < solution->lectures.size(); ++i)
    EXPECT_GE(solution->lectures[i].period, 2) << "a new session on a day that is over";
}

TEST(Pins, PinsBeyondACoursesPeriodsAreDropped) {
  auto b = small();  // A has 2 periods
  auto pins = pins_in(b, {{11, "2018-01-09", "evening", 1, 21}, {11, "2018-01-09", "evening", 2, 21},
                          {11, "2018-01-10", "evening", 1, 21}});
  ASSERT_EQ(pins.size(), 3u);
  EXPECT_EQ(hold_pins(b, pins).size(), 2u);
  EXPECT_EQ(b.instance.courses[0].lectures, 0);
}

TEST(Pins, ASessionInAPinnedRoomMovesToAFreeOne) {
  auto b = small();
  std::vector<ctt::Placement> pins{{0, 0, 0}};
  ctt::Solution s;
  s.lectures = {{2, 0, 0}, {2, 1, 1}};
  EXPECT_EQ(merge_pins(b, s, pins), 0);
  EXPECT_EQ(s.lectures[0].room, 1);
  // With both rooms taken at that period there is nowhere to go.
  ctt::Solution full;
  full.lectures = {{2, 0, 0}, {1, 1, 0}};
  EXPECT_EQ(merge_pins(b, full, pins), 1);
}

}  // namespace
}  // namespace mdsc::timetable
