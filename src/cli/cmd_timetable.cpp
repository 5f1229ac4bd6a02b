// mdsc timetable solve|cost: the ITC-2007 curriculum-based course timetabling benchmark interface.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "ctt/cost.h"
#include "ctt/ctt_format.h"
#include "ctt/solver.h"

namespace mdsc::cli {
namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted.store(true); }

ctt::Instance load_instance(const std::string& path) {
  std::string error;
  auto text = ctt::read_text_file(path, &error);
  if (!text) throw UsageError(error);
  auto parsed = ctt::parse_ctt(*text);
  if (!parsed) throw UsageError(path + ": " + parsed.error.to_string());
  return std::move(*parsed.instance);
}

// A one-line bar redrawn in place on a terminal; a plain line every 10 s otherwise.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled), tty_(isatty(STDERR_FILENO)) {}
  void update(const ctt::Progress& p) {
    if (!enabled_) return;
    if (!tty_ && p.elapsed_seconds < next_line_ && p.fraction < 1) return;
    next_line_ = p.elapsed_seconds + 10;
    const int width = 30, filled = static_cast<int>(std::lround(p.fraction * width));
    char line[200];
    std::snprintf(line, sizeof line, "[%s%s] %3d%% %6.1fs  best %d%s  %.3g it", std::string(filled, '#').c_str(),
                  std::string(width - filled, '.').c_str(), static_cast<int>(p.fraction * 100), p.elapsed_seconds,
                  p.best_soft, p.best_hard ? (" (" + std::to_string(p.best_hard) + " hard)").c_str() : "",
                  static_cast<double>(p.iterations));
    std::cerr << (tty_ ? "\r" : "") << line << (tty_ ? "\x1b[K" : "\n") << std::flush;
    drawn_ = true;
  }
  void done() {
    if (enabled_ && tty_ && drawn_) std::cerr << "\n";
  }

 private:
  bool enabled_, tty_, drawn_ = false;
  double next_line_ = 0;
};

struct SolveOpts {
  std::string ctt, out;
  double seconds = 60;
  std::uint64_t seed = 1, iterations = 0;
  bool cpu_time = false, quiet = false;
  ctt::AnnealingParams annealing;
};

struct CostOpts {
  std::string ctt, sol;
};

CLI::App* add_solve(CLI::App* cmd, SolveOpts& so) {
  auto* solve = cmd->add_subcommand("solve", "Make a timetable for a .ctt instance; exit 3 if none is feasible");
  solve->add_option("--ctt", so.ctt, "Instance file (.ctt)")->required();
  solve->add_option("--seconds", so.seconds, "Time budget in seconds (default 60; 0 with --iterations: none)")
      ->check(CLI::Range(0.0, 1e7));
  solve->add_option("--seed", so.seed, "Random seed (default 1)");
  solve->add_option("--out", so.out, "Write the solution here (official format)");
  solve->add_option("--iterations", so.iterations,
                    "Iteration budget; with --seconds 0 the run is deterministic for a seed");
  solve->add_flag("--cpu-time", so.cpu_time, "Count the budget in CPU time of the solver (for loaded machines)");
  solve->add_flag("--quiet", so.quiet, "No progress bar");
  auto* tuning = solve->add_option_group("Annealing (tuning)");
  tuning->add_option("--start-temperature", so.annealing.start_temperature)->check(CLI::PositiveNumber);
  tuning->add_option("--end-temperature", so.annealing.end_temperature)->check(CLI::PositiveNumber);
  tuning->add_option("--hard-weight", so.annealing.hard_weight)->check(CLI::PositiveNumber);
  tuning->add_option("--p-time-move", so.annealing.p_time_move)->check(CLI::Range(0.0, 1.0));
  tuning->add_option("--hard-weight-growth", so.annealing.hard_weight_growth)->check(CLI::Range(1.0, 10.0));
  tuning->add_option("--hard-weight-decay", so.annealing.hard_weight_decay)->check(CLI::Range(0.0, 1.0));
  tuning->add_option("--p-room-move", so.annealing.p_room_move)->check(CLI::Range(0.0, 1.0));
  tuning->add_option("--p-kempe", so.annealing.p_kempe)->check(CLI::Range(0.0, 1.0));
  return solve;
}

CLI::App* add_cost(CLI::App* cmd, CostOpts& co) {
  auto* cost = cmd->add_subcommand("cost", "Print a solution's hard violations and soft costs as the ITC-2007 validator");
  cost->add_option("--ctt", co.ctt, "Instance file (.ctt)")->required();
  cost->add_option("--sol", co.sol, "Solution file (course room day period per line)")->required();
  return cost;
}

int run_cost(const CostOpts& co) {
  ctt::Instance in = load_instance(co.ctt);
  std::string error;
  auto text = ctt::read_text_file(co.sol, &error);
  if (!text) throw UsageError(error);
  auto sol = ctt::parse_solution(in, *text);
  if (!sol) throw UsageError(co.sol + ": " + sol.error.to_string());
  const std::size_t shown = std::min<std::size_t>(sol.warnings.size(), 20);
  for (std::size_t i = 0; i < shown; ++i) std::cerr << "warning: " << co.sol << ": " << sol.warnings[i] << "\n";
  if (sol.warnings.size() > shown)
    std::cerr << "warning: " << co.sol << ": " << sol.warnings.size() - shown << " more entries skipped\n";
  std::cout << ctt::format_cost(ctt::evaluate(in, *sol.solution));
  return 0;
}

// Solves with a progress bar; Ctrl-C stops the search and keeps the best timetable found.
ctt::SolveResult solve_interruptibly(const ctt::Instance& in, const SolveOpts& so) {
  ctt::SolverOptions opt;
  opt.seed = so.seed;
  opt.time_limit_seconds = so.seconds;
  opt.max_iterations = so.iterations;
  opt.cpu_time = so.cpu_time;
  opt.annealing = so.annealing;
  ProgressBar bar(!so.quiet);
  opt.on_progress = [&bar](const ctt::Progress& p) { bar.update(p); };
  g_interrupted.store(false);
  opt.cancel = &g_interrupted;
  auto previous = std::signal(SIGINT, on_interrupt);
  ctt::SolveResult r = ctt::solve(in, opt);
  std::signal(SIGINT, previous);
  bar.done();
  return r;
}

int run_solve(const SolveOpts& so) {
  if (so.seconds <= 0 && so.iterations == 0) throw UsageError("--seconds 0 needs --iterations");
  if (so.annealing.end_temperature > so.annealing.start_temperature)
    throw UsageError("--end-temperature must not exceed --start-temperature");
  ctt::Instance in = load_instance(so.ctt);
  std::ofstream out_file;
  if (!so.out.empty()) {
    out_file.open(so.out);
    if (!out_file) throw UsageError("cannot write " + so.out);
  }
  ctt::SolveResult r = solve_interruptibly(in, so);
  if (out_file.is_open()) {
    out_file << ctt::format_solution(in, r.solution);
    out_file.close();
    if (!out_file) throw std::runtime_error("writing " + so.out + " failed");
  }
  std::cout << ctt::format_cost(r.cost);
  std::cout << "Iterations = " << r.iterations << ", seconds = " << r.seconds << ", seed = " << so.seed
            << (r.cancelled ? " (interrupted)" : "") << "\n";
  if (!r.diagnosis.empty()) std::cout << "\n" << r.diagnosis.to_string();
  return r.feasible ? 0 : 3;
}

}  // namespace

Runner add_timetable(CLI::App& app, Common&) {
  auto* cmd = app.add_subcommand("timetable", "Course timetabling (ITC-2007 curriculum-based format)");
  cmd->require_subcommand(1);
  auto so = std::make_shared<SolveOpts>();
  auto co = std::make_shared<CostOpts>();
  auto* solve = add_solve(cmd, *so);
  auto* cost = add_cost(cmd, *co);
  return [solve, cost, so, co]() -> int {
    if (cost->parsed()) return run_cost(*co);
    return solve->parsed() ? run_solve(*so) : 2;
  };
}

}  // namespace mdsc::cli
