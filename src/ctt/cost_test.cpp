// The cost function against the official validator's figures, and each violation counted as it
// counts them.
#include "ctt/cost.h"

#include <gtest/gtest.h>

#include "ctt/state.h"
#include "ctt/test_util.h"

namespace mdsc::ctt {
namespace {

using testing::load;
using testing::read_data;

CostReport cost_of(const Instance& in, const std::string& solution_text) {
  auto sol = parse_solution(in, solution_text);
  EXPECT_TRUE(sol) << sol.error.to_string();
  return evaluate(in, sol.solution.value_or(Solution{}));
}

// tests/data/ctt/README.md: the official validator's costs of compNN.sol.
TEST(Cost, ReproducesTheValidatorOnTheCompetitionSolutions) {
  const int expected[] = {5, 36, 66, 37, 305, 40, 14};
  for (int i = 1; i <= 7; ++i) {
    const std::string name = "comp0" + std::to_string(i);
    Instance in = load(name + ".ctt");
    CostReport c = cost_of(in, read_data(name + ".sol"));
    EXPECT_EQ(c.hard(), 0) << name;
    EXPECT_EQ(c.soft(), expected[i - 1]) << name << "\n" << format_cost(c);
    EXPECT_EQ(c.preferences + c.spread, 0) << name;
  }
}

TEST(Cost, Comp01Components) {
  Instance in = load("comp01.ctt");
  CostReport c = cost_of(in, read_data("comp01.sol"));
  EXPECT_EQ(c.room_capacity + c.min_working_days + c.curriculum_compactness + c.room_stability, 5);
  const std::string report = format_cost(c);
  EXPECT_NE(report.find("Violations of Conflicts (hard) : 0\n"), std::string::npos) << report;
  EXPECT_NE(report.find("\nTotal Cost = 5\n"), std::string::npos) << report;
}

// The toy instance: Cur1 = {SceCosC, ArcTec, TecCos}, Cur2 = {TecCos, Geotec}; rooms A (32), B (50).
TEST(Cost, CountsEachViolationAsTheValidator) {
  Instance in = load("toy.ctt");
  // SceCosC (3 lectures, 3 days, 30 students) alone on day 0: 2 lectures missing, 2 days missing.
  CostReport c = cost_of(in, "SceCosC A 0 0\n");
  EXPECT_EQ(c.lectures, 3 + 3 + 5 + 5 - 1);
  EXPECT_EQ(c.min_working_days, 5 * (2 + 2 + 4 + 4));
  EXPECT_EQ(c.curriculum_compactness, 2);  // isolated in Cur1

  // ArcTec and TecCos share Cur1: one conflict per shared period, even in different rooms.
  c = cost_of(in, "ArcTec A 0 0\nTecCos B 0 0\nArcTec A 0 1\nTecCos B 0 1\n");
  EXPECT_EQ(c.conflicts, 2);
  EXPECT_EQ(c.room_capacity, 10 * 2);  // ArcTec has 42 students in A (32)
  // Cur1 has 2 lectures in each of periods 0 and 1: adjacent, so not isolated.
  EXPECT_EQ(c.curriculum_compactness, 0);

  // Two lectures in one room and period; TecCos on day 2 period 0 where it is unavailable.
  c = cost_of(in, "SceCosC A 1 0\nGeotec A 1 0\nTecCos B 2 0\n");
  EXPECT_EQ(c.room_occupation, 1);
  EXPECT_EQ(c.conflicts, 0);
  EXPECT_EQ(c.availability, 1);
  // Isolated: Cur1 has SceCosC (1,0) and TecCos (2,0); Cur2 has Geotec (1,0) and TecCos (2,0).
  EXPECT_EQ(c.curriculum_compactness, 2 * 4);

  // Room stability: TecCos in both rooms.
  c = cost_of(in, "TecCos A 0 0\nTecCos B 0 1\nTecCos B 1 1\n");
  EXPECT_EQ(c.room_stability, 1);
  EXPECT_EQ(c.room_capacity, 8);  // 40 students in A (32)
}

TEST(Cost, ExtensionsCountOnlyWithTheirWeights) {
  Instance in = load("toy.ctt");
  in.period_penalty.assign(in.courses.size() * in.periods(), 0);
  in.period_penalty[0 * in.periods() + 0] = 3;  // SceCosC, day 0 period 0
  in.courses[3].max_per_day = 1;                // Geotec: one lecture a day
  const std::string text = "SceCosC A 0 0\nGeotec B 1 0\nGeotec B 1 1\nGeotec B 1 2\n";
  CostReport off = cost_of(in, text);
  EXPECT_EQ(off.preferences, 0);
  EXPECT_EQ(off.spread, 0);
  in.weights.preferences = 2;
  in.weights.spread = 7;
  CostReport on = cost_of(in, text);
  EXPECT_EQ(on.preferences, 6);
  EXPECT_EQ(on.spread, 14);
  EXPECT_EQ(on.soft(), off.soft() + 20);
  in.days_per_week = 2;
  in.courses[3].max_per_day = 0;
  in.courses[3].max_per_week = 2;
  EXPECT_EQ(cost_of(in, text).spread, 7);
}

// Weeks given day by day (the platform's teaching days) instead of a fixed number of days a week.
TEST(Cost, WeekOfDayGroupsDaysIntoWeeksOfAnyLength) {
  Instance in = load("toy.ctt");  // 5 days
  in.weights.spread = 1;
  in.courses[3].max_per_week = 2;  // Geotec
  const std::string text = "Geotec B 0 0\nGeotec B 1 0\nGeotec B 2 0\nGeotec B 3 0\n";
  in.days_per_week = 2;  // weeks {0,1} {2,3} {4}: no excess
  EXPECT_EQ(cost_of(in, text).spread, 0);
  in.week_of_day = {0, 0, 0, 1, 1};  // {0,1,2} {3,4}: one lecture too many in the first week
  EXPECT_EQ(cost_of(in, text).spread, 1);
  in.week_of_day = {0, 0, 0, 0, 1};  // all four in one week: two too many
  EXPECT_EQ(cost_of(in, text).spread, 2);
  in.days_per_week = 0;  // week_of_day alone is enough
  EXPECT_EQ(cost_of(in, text).spread, 2);
  Model model(in);
  EXPECT_EQ(model.W, 2);
  EXPECT_EQ(model.max_week[3], 2);
}

}  // namespace
}  // namespace mdsc::ctt
