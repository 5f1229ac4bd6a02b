// The engine: incremental costs agree with a recount, feasible timetables, determinism,
// cancellation, and the report on impossible instances. Budgets are iterations, never time.
#include "ctt/solver.h"

#include <gtest/gtest.h>

#include "ctt/rng.h"
#include "ctt/state.h"
#include "ctt/test_util.h"

namespace mdsc::ctt {
namespace {

using testing::load;

SolverOptions iterations(std::uint64_t n, std::uint64_t seed = 1) {
  SolverOptions o;
  o.time_limit_seconds = 0;
  o.max_iterations = n;
  o.seed = seed;
  return o;
}

// Random moves, swaps and Kempe chains (some reverted), accepted whatever their cost: after each the tracked cost
// equals a recount, and when there is no hard violation it equals the official count.
TEST(SolverState, DeltaEvaluationMatchesRecount) {
  for (const char* file : {"toy.ctt", "comp01.ctt", "comp05.ctt"})
  for (bool irregular_weeks : {false, true}) {
    SCOPED_TRACE(irregular_weeks ? "week_of_day" : "days_per_week");
    Instance in = load(file);
    in.weights.preferences = 1;
    in.weights.spread = 3;
    in.period_penalty.assign(in.courses.size() * in.periods(), 0);
    for (std::size_t i = 0; i < in.period_penalty.size(); i += 7) in.period_penalty[i] = static_cast<int>(i % 4);
    in.days_per_week = 2;
    // Weeks of 2 and 3 days (as a term's teaching days around a holiday); they win over days_per_week.
    if (irregular_weeks)
      for (int d = 0; d < in.days; ++d) in.week_of_day.push_back(d * 2 / 5);
    for (std::size_t c = 0; c < in.courses.size(); c += 2) in.courses[c].max_per_day = 1;
    for (std::size_t c = 1; c < in.courses.size(); c += 3) in.courses[c].max_per_week = 2;
    Model model(in);
    State s(model);
    Rng rng(7);
    s.construct(rng, 10);
    std::vector<Relocation> chain, undo;
    int checked_feasible = 0;
    for (int step = 0; step < 3000; ++step) {
      const int l = rng.below(model.L);
      const int c = model.lecture_course[l];
      if (step % 5 == 0) {
        if (s.kempe_chain(l, rng.below(model.P), chain)) {
          const std::vector<int> before_p = s.periods(), before_r = s.rooms();
          const Delta d = s.relocate(chain, undo);
          if (step % 10 == 0) {  // a rejected chain: revert restores the timetable exactly
            s.revert(undo, d);
            ASSERT_EQ(s.periods(), before_p);
            ASSERT_EQ(s.rooms(), before_r);
          }
        }
      } else {
        Move mv{l, step % 3 ? rng.below(model.P) : s.period(l), rng.below(model.R), -1};
        if (mv.p2 == s.period(l) && mv.r2 == s.room(l)) continue;
        mv.l2 = s.at(mv.p2, mv.r2);
        if (mv.l2 >= 0 && model.lecture_course[mv.l2] == c) continue;
        s.apply(mv, s.delta(mv));
      }
      Delta full = s.recount();
      ASSERT_EQ(s.hard(), full.hard) << file << " step " << step;
      ASSERT_EQ(s.soft(), full.soft) << file << " step " << step;
      if (s.hard() == 0) {
        EXPECT_EQ(evaluate(in, s.solution()).soft(), s.soft());
        ++checked_feasible;
      }
    }
    if (std::string(file) == "toy.ctt") {
      EXPECT_GT(checked_feasible, 0);
    }
  }
}

TEST(Solver, ToyIsSolvedToOptimality) {
  Instance in = load("toy.ctt");
  SolveResult r = solve(in, iterations(300000));
  EXPECT_TRUE(r.feasible) << r.diagnosis.to_string();
  EXPECT_EQ(r.cost.hard(), 0);
  EXPECT_EQ(r.cost.soft(), 0) << format_cost(r.cost);  // the toy has a zero-cost timetable
  EXPECT_TRUE(r.diagnosis.empty());
  EXPECT_EQ(static_cast<int>(r.solution.lectures.size()), in.total_lectures());
}

TEST(Solver, Comp01IsFeasibleWithinASmallBudget) {
  Instance in = load("comp01.ctt");
  SolveResult r = solve(in, iterations(2000000));
  EXPECT_TRUE(r.feasible) << r.diagnosis.to_string();
  EXPECT_LT(r.cost.soft(), 60) << format_cost(r.cost);
  EXPECT_EQ(r.iterations, 2000000u);
  // The written solution reads back to the same cost.
  auto back = parse_solution(in, format_solution(in, r.solution));
  ASSERT_TRUE(back);
  EXPECT_EQ(evaluate(in, *back.solution).soft(), r.cost.soft());
}

// comp05's greedy construction leaves clashes; the repair phase removes them even when the
// annealing that follows starts too cold to cross a violation.
TEST(Solver, RepairMakesComp05FeasibleEvenWhenTheAnnealingIsCold) {
  Instance in = load("comp05.ctt");
  for (std::uint64_t seed : {1, 2}) {
    SolverOptions o = iterations(1500000, seed);
    o.annealing.start_temperature = 0.2;
    o.annealing.end_temperature = 0.1;
    SolveResult r = solve(in, o);
    EXPECT_TRUE(r.feasible) << "seed " << seed << ": " << r.diagnosis.to_string();
  }
}

TEST(Solver, SameSeedSameTimetable) {
  Instance in = load("comp04.ctt");
  SolveResult a = solve(in, iterations(400000, 42));
  SolveResult b = solve(in, iterations(400000, 42));
  EXPECT_EQ(format_solution(in, a.solution), format_solution(in, b.solution));
  EXPECT_EQ(a.cost.soft(), b.cost.soft());
  SolveResult c = solve(in, iterations(400000, 43));
  EXPECT_NE(format_solution(in, a.solution), format_solution(in, c.solution));
  // A time limit that does not cut the run leaves the search unchanged: the schedule follows the
  // iteration budget, not the clock.
  SolverOptions timed = iterations(400000, 42);
  timed.time_limit_seconds = 1e6;
  SolveResult d = solve(in, timed);
  EXPECT_EQ(d.iterations, 400000u);
  EXPECT_EQ(format_solution(in, a.solution), format_solution(in, d.solution));
}

TEST(Solver, ProgressIsReportedAndCancellationStops) {
  Instance in = load("comp01.ctt");
  std::atomic<bool> cancel{false};
  SolverOptions o = iterations(1000000000);
  o.cancel = &cancel;
  int calls = 0;
  Progress last;
  o.on_progress = [&](const Progress& p) {
    ++calls;
    last = p;
    cancel.store(true);  // the first report cancels
  };
  SolveResult r = solve(in, o);
  EXPECT_TRUE(r.cancelled);
  EXPECT_LT(r.iterations, 100000u);
  EXPECT_GE(calls, 1);
  EXPECT_EQ(static_cast<int>(r.solution.lectures.size()), in.total_lectures());
  EXPECT_EQ(last.best_hard == 0, r.cost.hard() == 0);

  cancel.store(true);
  o.on_progress = nullptr;
  SolveResult now = solve(in, o);
  EXPECT_TRUE(now.cancelled);
  EXPECT_EQ(now.iterations, 0u);
}

TEST(Solver, ExtensionsSteerTheTimetable) {
  Instance in = load("toy.ctt");
  in.weights.preferences = 100;
  in.period_penalty.assign(in.courses.size() * in.periods(), 0);
  for (std::size_t c = 0; c < in.courses.size(); ++c)
    for (int s = 0; s < in.periods_per_day; ++s) in.period_penalty[c * in.periods() + s] = 1;  // day 0
  SolveResult r = solve(in, iterations(300000));
  ASSERT_TRUE(r.feasible);
  EXPECT_EQ(r.cost.preferences, 0);
  for (const auto& l : r.solution.lectures) EXPECT_NE(in.day_of(l.period), 0);
}

// Impossible: Lone has 4 lectures and 3 available periods; curriculum Q's courses need 7 periods
// of 6; teacher T teaches 7 lectures in 6 periods.
const char* kImpossible =
    "Name: Impossible\nCourses: 4\nRooms: 2\nDays: 2\nPeriods_per_day: 3\nCurricula: 1\nConstraints: 3\n\n"
    "COURSES:\nLone L 4 2 10\nQa A 4 2 10\nQb B 3 2 10\nT1 T 7 2 10\n\n"
    "ROOMS:\nr1 20\nr2 20\n\n"
    "CURRICULA:\nQ 2 Qa Qb\n\n"
    "UNAVAILABILITY_CONSTRAINTS:\nLone 0 0\nLone 0 1\nLone 0 2\n\nEND.\n";

TEST(Solver, ImpossibleInstanceIsExplained) {
  Instance in = testing::parse_or_fail(kImpossible);
  auto pre = precheck(in);
  std::string all;
  for (const auto& b : pre) all += b.message + "\n";
  ASSERT_GE(pre.size(), 3u) << all;
  EXPECT_NE(all.find("course Lone has 4 lectures but only 3 available periods"), std::string::npos) << all;
  EXPECT_NE(all.find("curriculum Q: its courses have 7 lectures"), std::string::npos) << all;
  EXPECT_NE(all.find("only 6 periods"), std::string::npos) << all;
  // T1 alone exceeds the periods: reported as a course (a teacher's group needs two courses).
  EXPECT_NE(all.find("course T1 has 7 lectures but only 6 available periods"), std::string::npos) << all;
  EXPECT_NE(all.find("room slots"), std::string::npos) << all;  // 18 lectures, 2 rooms × 6 periods

  SolveResult r = solve(in, iterations(200000));
  EXPECT_FALSE(r.feasible);
  EXPECT_GT(r.cost.hard(), 0);
  EXPECT_FALSE(r.diagnosis.impossible.empty());
  ASSERT_FALSE(r.diagnosis.residual.empty());
  std::string text = r.diagnosis.to_string();
  EXPECT_NE(text.find("impossible: course Lone"), std::string::npos) << text;
  EXPECT_NE(text.find("unresolved: "), std::string::npos) << text;
}

TEST(Solver, TeacherOverloadIsReported) {
  Instance in = testing::parse_or_fail(
      "Name: Busy\nCourses: 2\nRooms: 3\nDays: 1\nPeriods_per_day: 3\nCurricula: 0\nConstraints: 0\n"
      "COURSES:\na Smith 2 1 5\nb Smith 2 1 5\nROOMS:\nr1 9\nr2 9\nr3 9\nCURRICULA:\n"
      "UNAVAILABILITY_CONSTRAINTS:\nEND.\n");
  auto pre = precheck(in);
  ASSERT_EQ(pre.size(), 1u);
  EXPECT_EQ(pre[0].kind, Blocker::Kind::teacher);
  EXPECT_EQ(pre[0].message, "teacher Smith: its courses have 4 lectures that must not overlap, but only 3 periods are available to them");
  SolveResult r = solve(in, iterations(50000));
  EXPECT_FALSE(r.feasible);
  ASSERT_FALSE(r.diagnosis.residual.empty());
  const std::string text = r.diagnosis.to_string();
  // Four lectures in three periods: two of Smith's share one (a clash, or one course twice).
  EXPECT_TRUE(text.find("(same teacher Smith)") != std::string::npos ||
              text.find("lectures placed in distinct periods") != std::string::npos)
      << text;
}

}  // namespace
}  // namespace mdsc::ctt
