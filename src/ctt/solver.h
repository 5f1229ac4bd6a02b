#pragma once
// The timetabling engine: a greedy construction, then simulated annealing over lecture moves and
// swaps with delta evaluation (see solver.cpp for the method and the literature it follows).
//
//   Solver options: a time budget and/or an iteration budget, a seed, a progress callback and a
//   cancel flag. With an iteration budget (and no time limit) the run is deterministic: the same
//   seed, instance and budget give the same timetable on any machine.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ctt/cost.h"
#include "ctt/diagnosis.h"
#include "ctt/instance.h"
#include "ctt/solution.h"

namespace mdsc::ctt {

struct Progress {
  std::uint64_t iterations = 0;
  double elapsed_seconds = 0;
  double fraction = 0;      // of the budget used, 0..1
  int best_hard = 0;        // hard violations of the best timetable so far (internal count)
  int best_soft = 0;        // its soft cost
  int current_hard = 0;
  int current_soft = 0;
  double temperature = 0;
};

// Tuning of the annealing; the defaults are the tuned ones (docs/performance.md).
struct AnnealingParams {
  double start_temperature = 3.0;
  double end_temperature = 0.1;
  int hard_weight = 20;           // cost of one hard violation in the annealing's objective (base)
  bool adaptive_hard_weight = true;
  double hard_weight_growth = 1.08;   // per 4096 iterations with violations
  double hard_weight_decay = 0.992;   // per 4096 iterations without
  double repair_temperature = 0.3;    // of the repair phase, in hard violations
  double repair_share = 0.2;          // of the budget at most for the repair phase
  double p_time_move = 0.5;       // move to another period in the same room (swap with its lecture)
  double p_room_move = 0.15;      // move to another room in the same period
  double p_kempe = 0.3;           // Kempe chain between two periods
                                  // the rest: move to any cell (swap with its lecture)
};

struct SolverOptions {
  std::uint64_t seed = 1;
  double time_limit_seconds = 60;   // <= 0: none (then max_iterations must be set)
  std::uint64_t max_iterations = 0; // 0: none. When set the annealing schedule follows it.
  // Measure the time budget in CPU time of the solving thread rather than wall-clock time: on a
  // loaded machine a run then gets the computing it would get alone.
  bool cpu_time = false;
  std::function<void(const Progress&)> on_progress;  // called every progress_interval seconds
  double progress_interval_seconds = 0.25;
  const std::atomic<bool>* cancel = nullptr;          // checked every 4096 iterations (under a millisecond)
  AnnealingParams annealing;
};

struct SolveResult {
  Solution solution;            // the best timetable found
  CostReport cost;              // its cost, counted as the official validator counts it
  bool feasible = false;        // no hard violation
  bool cancelled = false;
  std::uint64_t iterations = 0;
  double seconds = 0;           // by the clock the budget used
  Diagnosis diagnosis;          // why it is not feasible (empty when it is)
};

SolveResult solve(const Instance& instance, const SolverOptions& options);

}  // namespace mdsc::ctt
