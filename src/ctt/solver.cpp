// The engine: greedy construction, a repair phase on hard violations, then simulated annealing.
//
// Method (after the single-stage simulated annealing of Bellio, Ceschia, Di Gaspero and Schaerf,
// "Feature-based tuning of simulated annealing applied to the curriculum-based course timetabling
// problem", Computers & Operations Research 65, 2016):
//  - the search space keeps every lecture in its own (period, room) cell; clashes and unavailable
//    periods are penalised with a hard weight, so the annealing can cross infeasible regions;
//  - neighbourhoods: a lecture moves to another period in the same room (swapping with the lecture
//    there: both keep their rooms), to another room in the same period, or to any cell (swap);
//    all evaluated incrementally (state.h); and Kempe chains between two periods (state_moves.cpp),
//    which keep a clash-free timetable clash-free where a single move would make a clash: on
//    instances whose curricula overlap heavily (comp05, comp07) a larger share of them gave the
//    largest gains (docs/performance.md);
//  - temperature decays geometrically from start to end over the budget (time or iterations), so
//    the whole run is one anneal whatever its length.
#include "ctt/solver.h"

#include <time.h>

#include <cassert>
#include <chrono>
#include <cmath>

#include "ctt/rng.h"
#include "ctt/state.h"

namespace mdsc::ctt {
namespace {

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

class Budget {
 public:
  explicit Budget(const SolverOptions& o)
      : o_(o), wall0_(std::chrono::steady_clock::now()), cpu0_(o.cpu_time ? thread_cpu_seconds() : 0) {}
  double wall() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0_).count();
  }
  double used() const { return o_.cpu_time ? thread_cpu_seconds() - cpu0_ : wall(); }
  // Where the annealing schedule stands, 0..1: with an iteration budget it follows the iterations
  // alone, so that a seed gives the same search on any machine and under any load (a time limit
  // can then only cut the run short); otherwise it follows the clock.
  double fraction(std::uint64_t iterations, double seconds) const {
    if (o_.max_iterations > 0) return static_cast<double>(iterations) / static_cast<double>(o_.max_iterations);
    return seconds / o_.time_limit_seconds;
  }
  bool out_of_time(double seconds) const { return o_.time_limit_seconds > 0 && seconds >= o_.time_limit_seconds; }
  // Share of whichever budget runs out first (for progress reports).
  double used_share(std::uint64_t iterations, double seconds) const {
    double f = o_.max_iterations > 0 ? fraction(iterations, seconds) : 0;
    if (o_.time_limit_seconds > 0) f = std::max(f, seconds / o_.time_limit_seconds);
    return f;
  }

 private:
  const SolverOptions& o_;
  std::chrono::steady_clock::time_point wall0_;
  double cpu0_;
};

// exp(-delta / T) as a 32-bit threshold, computed once per delta and temperature.
class Acceptance {
 public:
  void set_temperature(double t) {
    t_ = t;
    ++generation_;
    if (generation_ == 0) {
      std::fill(stamp_.begin(), stamp_.end(), 0);
      generation_ = 1;
    }
  }
  bool accept(int delta, Rng& rng) {
    if (delta <= 0) return true;
    if (delta > 40 * t_) return false;
    if (delta >= kTable) return rng.uniform() < std::exp(-delta / t_);
    if (stamp_[delta] != generation_) {
      stamp_[delta] = generation_;
      threshold_[delta] = static_cast<std::uint32_t>(std::exp(-delta / t_) * 4294967295.0);
    }
    return rng.next32() < threshold_[delta];
  }

 private:
  static constexpr int kTable = 4096;
  double t_ = 1;
  std::uint32_t generation_ = 1;
  std::vector<std::uint32_t> stamp_ = std::vector<std::uint32_t>(kTable, 0);
  std::vector<std::uint32_t> threshold_ = std::vector<std::uint32_t>(kTable, 0);
};

// One run: the current timetable, the best one seen, and where the schedule stands. Each step of
// the main loop is a member; the order of the random draws is part of a seed's result.
class Annealer {
 public:
  Annealer(const Instance& in, const SolverOptions& opt)
      : opt_(opt), a_(opt.annealing), budget_(opt), model_(in), s_(model_), rng_(opt.seed) {
    s_.construct(rng_, 1000000);  // hard first: a violation is never traded for soft costs here
    best_p_ = s_.periods();
    best_r_ = s_.rooms();
    best_hard_ = s_.hard();
    best_soft_ = s_.soft();
    kempe_cut_ = cut(a_.p_kempe);
    time_cut_ = cut(a_.p_kempe + a_.p_time_move);
    room_cut_ = cut(a_.p_kempe + a_.p_time_move + a_.p_room_move);
    hw_real_ = a_.hard_weight;
    hw_ = a_.hard_weight;
    // Repair first: while the constructed timetable has violations, the moves are judged on hard
    // violations alone (soft costs ignored, equal counts always accepted), a random walk over the
    // plateaus that finds a feasible timetable far faster than an annealing that also weighs soft
    // costs; a low start temperature would otherwise freeze a violation in. Ends when feasible or
    // after repair_share of the budget (an instance may have no feasible timetable at all).
    repairing_ = s_.hard() > 0;
    sw_ = repairing_ ? 0 : 1;
    if (repairing_) hw_ = 1;
    temperature_ = repairing_ ? a_.repair_temperature : a_.start_temperature;
    acceptance_.set_temperature(temperature_);
  }

  void run(SolveResult& res) {
    const std::uint64_t max_it = opt_.max_iterations > 0 ? opt_.max_iterations : ~std::uint64_t{0};
    if (model_.L == 0 || model_.R == 0 || model_.P == 0) return;
    while (it_ < max_it) {
      if ((it_ & 4095) == 0 && !checkpoint(res)) break;
      ++it_;
      step();
    }
  }

  void finish(SolveResult& res) {
    seconds_ = budget_.used();
    report(budget_.used_share(it_, seconds_));
    assert(s_.recount().hard == s_.hard() && s_.recount().soft == s_.soft());
    s_.load(best_p_, best_r_);
    res.solution = s_.solution();
    res.iterations = it_;
    res.seconds = seconds_;
  }

 private:
  static std::uint32_t cut(double p) {
    return static_cast<std::uint32_t>(std::min(1.0, std::max(0.0, p)) * 4294967295.0);
  }

  // Every 4096 iterations: the budget, the phase, the temperature, the hard weight, progress.
  // False when the run is over (budget spent or cancelled).
  bool checkpoint(SolveResult& res) {
    seconds_ = budget_.used();
    const double fraction = budget_.fraction(it_, seconds_);
    if (fraction >= 1 || budget_.out_of_time(seconds_)) return false;
    if (opt_.cancel && opt_.cancel->load(std::memory_order_relaxed)) {
      res.cancelled = true;
      return false;
    }
    if (repairing_ && (s_.hard() == 0 || fraction >= a_.repair_share)) {
      repairing_ = false;
      sw_ = 1;
      hw_ = a_.hard_weight;
    }
    temperature_ = repairing_ ? a_.repair_temperature
                              : a_.start_temperature * std::pow(a_.end_temperature / a_.start_temperature, fraction);
    if (!repairing_ && a_.adaptive_hard_weight) adapt_hard_weight();
    acceptance_.set_temperature(temperature_);
    if (opt_.on_progress) {
      const double wall = budget_.wall();
      if (wall >= next_report_) {
        next_report_ = wall + opt_.progress_interval_seconds;
        report(budget_.used_share(it_, seconds_));
      }
    }
    return true;
  }

  // The hard weight grows while the current timetable has violations and relaxes back towards its
  // base when it has none, so that violations are only crossed, never kept, whatever the scale of
  // the soft costs (a capacity shortfall can cost hundreds).
  void adapt_hard_weight() {
    hw_real_ = s_.hard() > 0 ? std::min(1e6, hw_real_ * a_.hard_weight_growth)
                             : std::max(static_cast<double>(a_.hard_weight), hw_real_ * a_.hard_weight_decay);
    hw_ = static_cast<int>(hw_real_);
  }

  // One iteration: a random lecture, a random neighbourhood, accepted or not.
  void step() {
    const int l1 = rng_.below(model_.L);
    const int p1 = s_.period(l1);
    if (p1 < 0) return;
    const std::uint32_t kind = rng_.next32();
    const bool changed = kind < kempe_cut_ ? try_kempe(l1, p1) : try_move(l1, p1, kind);
    if (changed) keep_if_best();
  }

  // A period drawn from those the lecture's course is available in; -1 if it has none.
  int available_period(int course) {
    const int b = model_.avail_begin[course], n = model_.avail_begin[course + 1] - b;
    if (n == 0) return -1;
    return model_.avail_list[b + rng_.below(n)];
  }

  bool try_kempe(int l1, int /*p1*/) {
    const int p2 = available_period(model_.lecture_course[l1]);
    if (p2 < 0 || !s_.kempe_chain(l1, p2, chain_)) return false;
    const Delta d = s_.relocate(chain_, undo_);
    if (acceptance_.accept(hw_ * d.hard + sw_ * d.soft, rng_)) return true;
    s_.revert(undo_, d);
    return false;
  }

  // A room move (same period), a time move (same room) or a move to any cell, swapping with the
  // lecture already there.
  bool try_move(int l1, int p1, std::uint32_t kind) {
    const int c1 = model_.lecture_course[l1], r1 = s_.room(l1);
    Move mv{l1, p1, r1, -1};
    if (kind < room_cut_ && kind >= time_cut_) {
      if (model_.R < 2) return false;
      const int r2 = rng_.below(model_.R - 1);
      mv.r2 = r2 >= r1 ? r2 + 1 : r2;
    } else {
      mv.p2 = available_period(c1);
      if (mv.p2 < 0) return false;
      if (kind >= room_cut_) mv.r2 = rng_.below(model_.R);
      if (mv.p2 == p1 && mv.r2 == r1) return false;
    }
    mv.l2 = s_.at(mv.p2, mv.r2);
    if (mv.l2 >= 0) {
      const int c2 = model_.lecture_course[mv.l2];
      if (c2 == c1 || (mv.p2 != p1 && model_.unavailable[c2 * model_.P + p1])) return false;
    }
    const Delta d = s_.delta(mv);
    if (!acceptance_.accept(hw_ * d.hard + sw_ * d.soft, rng_)) return false;
    s_.apply(mv, d);
    return true;
  }

  void keep_if_best() {
    const int h = s_.hard(), soft = s_.soft();
    if (h > best_hard_ || (h == best_hard_ && soft >= best_soft_)) return;
    best_hard_ = h;
    best_soft_ = soft;
    best_p_ = s_.periods();
    best_r_ = s_.rooms();
  }

  void report(double fraction) {
    if (!opt_.on_progress) return;
    Progress pr;
    pr.iterations = it_;
    pr.elapsed_seconds = seconds_;
    pr.fraction = std::min(1.0, fraction);
    pr.best_hard = best_hard_;
    pr.best_soft = best_soft_;
    pr.current_hard = s_.hard();
    pr.current_soft = s_.soft();
    pr.temperature = temperature_;
    opt_.on_progress(pr);
  }

  const SolverOptions& opt_;
  const AnnealingParams& a_;
  Budget budget_;
  Model model_;
  State s_;
  Rng rng_;
  std::vector<int> best_p_, best_r_;
  int best_hard_ = 0, best_soft_ = 0;
  std::uint32_t kempe_cut_ = 0, time_cut_ = 0, room_cut_ = 0;
  std::vector<Relocation> chain_, undo_;
  double hw_real_ = 0;
  int hw_ = 0;
  bool repairing_ = false;
  int sw_ = 1;
  Acceptance acceptance_;
  double temperature_ = 0;
  double next_report_ = 0;
  std::uint64_t it_ = 0;
  double seconds_ = 0;
};

}  // namespace

SolveResult solve(const Instance& in, const SolverOptions& options) {
  SolverOptions opt = options;
  if (opt.time_limit_seconds <= 0 && opt.max_iterations == 0) opt.time_limit_seconds = 60;
  SolveResult res;
  res.diagnosis.impossible = precheck(in);
  Annealer annealer(in, opt);
  annealer.run(res);
  annealer.finish(res);
  res.cost = evaluate(in, res.solution);
  res.feasible = res.cost.feasible();
  if (!res.feasible) res.diagnosis.residual = violations(in, res.solution);
  return res;
}

}  // namespace mdsc::ctt
