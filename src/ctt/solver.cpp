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

}  // namespace

SolveResult solve(const Instance& in, const SolverOptions& options) {
  SolverOptions opt = options;
  if (opt.time_limit_seconds <= 0 && opt.max_iterations == 0) opt.time_limit_seconds = 60;
  const AnnealingParams& a = opt.annealing;
  Budget budget(opt);
  SolveResult res;
  res.diagnosis.impossible = precheck(in);

  Model model(in);
  State s(model);
  Rng rng(opt.seed);
  s.construct(rng, 1000000);  // hard first: a violation is never traded for soft costs here

  std::vector<int> best_p = s.periods(), best_r = s.rooms();
  int best_hard = s.hard(), best_soft = s.soft();
  auto better = [&](int h, int soft) { return h < best_hard || (h == best_hard && soft < best_soft); };

  const int L = model.L, R = model.R, P = model.P;
  auto cut = [](double p) { return static_cast<std::uint32_t>(std::min(1.0, std::max(0.0, p)) * 4294967295.0); };
  const std::uint32_t kempe_cut = cut(a.p_kempe);
  const std::uint32_t time_cut = cut(a.p_kempe + a.p_time_move);
  const std::uint32_t room_cut = cut(a.p_kempe + a.p_time_move + a.p_room_move);
  std::vector<Relocation> chain, undo;
  const double t0 = a.start_temperature, t1 = a.end_temperature;
  // The hard weight adapts: it grows while the current timetable has violations and relaxes back
  // towards its base when it has none, so that violations are only crossed, never kept, whatever
  // the scale of the soft costs (a capacity shortfall can cost hundreds).
  double hw_real = a.hard_weight;
  int hw = a.hard_weight;
  // Repair first: while the constructed timetable has violations, the moves are judged on hard
  // violations alone (soft costs ignored, equal counts always accepted), a random walk over the
  // plateaus that finds a feasible timetable far faster than an annealing that also weighs soft
  // costs; a low start temperature would otherwise freeze a violation in. Ends when feasible or
  // after repair_share of the budget (an instance may have no feasible timetable at all).
  bool repairing = s.hard() > 0;
  int sw = repairing ? 0 : 1;
  if (repairing) hw = 1;
  Acceptance acceptance;
  double temperature = repairing ? a.repair_temperature : t0;
  acceptance.set_temperature(temperature);
  double next_report = 0;
  std::uint64_t it = 0;
  double seconds = 0;

  auto report = [&](double fraction) {
    if (!opt.on_progress) return;
    Progress pr;
    pr.iterations = it;
    pr.elapsed_seconds = seconds;
    pr.fraction = std::min(1.0, fraction);
    pr.best_hard = best_hard;
    pr.best_soft = best_soft;
    pr.current_hard = s.hard();
    pr.current_soft = s.soft();
    pr.temperature = temperature;
    opt.on_progress(pr);
  };

  const std::uint64_t max_it = opt.max_iterations > 0 ? opt.max_iterations : ~std::uint64_t{0};
  if (L > 0 && R > 0 && P > 0) {
    while (it < max_it) {
      if ((it & 4095) == 0) {
        seconds = budget.used();
        const double fraction = budget.fraction(it, seconds);
        if (fraction >= 1 || budget.out_of_time(seconds)) break;
        if (opt.cancel && opt.cancel->load(std::memory_order_relaxed)) {
          res.cancelled = true;
          break;
        }
        if (repairing && (s.hard() == 0 || fraction >= a.repair_share)) {
          repairing = false;
          sw = 1;
          hw = a.hard_weight;
        }
        if (repairing) {
          temperature = a.repair_temperature;
        } else {
          temperature = t0 * std::pow(t1 / t0, fraction);
        }
        if (!repairing && a.adaptive_hard_weight) {
          hw_real = s.hard() > 0 ? std::min(1e6, hw_real * a.hard_weight_growth)
                                 : std::max(static_cast<double>(a.hard_weight), hw_real * a.hard_weight_decay);
          hw = static_cast<int>(hw_real);
        }
        acceptance.set_temperature(temperature);
        if (opt.on_progress) {
          const double wall = budget.wall();
          if (wall >= next_report) {
            next_report = wall + opt.progress_interval_seconds;
            report(budget.used_share(it, seconds));
          }
        }
      }
      ++it;

      const int l1 = rng.below(L);
      const int p1 = s.period(l1);
      if (p1 < 0) continue;
      const int c1 = model.lecture_course[l1], r1 = s.room(l1);
      Move mv{l1, p1, r1, -1};
      const std::uint32_t kind = rng.next32();
      if (kind < kempe_cut) {
        const int b = model.avail_begin[c1], n = model.avail_begin[c1 + 1] - b;
        if (n == 0) continue;
        const int p2 = model.avail_list[b + rng.below(n)];
        if (!s.kempe_chain(l1, p2, chain)) continue;
        const Delta d = s.relocate(chain, undo);
        if (!acceptance.accept(hw * d.hard + sw * d.soft, rng)) {
          s.revert(undo, d);
          continue;
        }
      } else if (kind < room_cut && kind >= time_cut) {
        if (R < 2) continue;
        int r2 = rng.below(R - 1);
        mv.r2 = r2 >= r1 ? r2 + 1 : r2;
      } else {
        const int b = model.avail_begin[c1], n = model.avail_begin[c1 + 1] - b;
        if (n == 0) continue;
        mv.p2 = model.avail_list[b + rng.below(n)];
        if (kind >= room_cut) mv.r2 = rng.below(R);
        if (mv.p2 == p1 && mv.r2 == r1) continue;
      }
      if (kind >= kempe_cut) {
        mv.l2 = s.at(mv.p2, mv.r2);
        if (mv.l2 >= 0) {
          const int c2 = model.lecture_course[mv.l2];
          if (c2 == c1 || (mv.p2 != p1 && model.unavailable[c2 * P + p1])) continue;
        }
        const Delta d = s.delta(mv);
        if (!acceptance.accept(hw * d.hard + sw * d.soft, rng)) continue;
        s.apply(mv, d);
      }
      if (better(s.hard(), s.soft())) {
        best_hard = s.hard();
        best_soft = s.soft();
        best_p = s.periods();
        best_r = s.rooms();
      }
    }
  }
  seconds = budget.used();
  report(budget.used_share(it, seconds));
  assert(s.recount().hard == s.hard() && s.recount().soft == s.soft());

  s.load(best_p, best_r);
  res.solution = s.solution();
  res.cost = evaluate(in, res.solution);
  res.feasible = res.cost.feasible();
  res.iterations = it;
  res.seconds = seconds;
  if (!res.feasible) res.diagnosis.residual = violations(in, res.solution);
  return res;
}

}  // namespace mdsc::ctt
