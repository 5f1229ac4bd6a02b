#include "modules/timetable/planning/generation.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>

#include "core/clock.h"
#include "core/i18n.h"
#include "ctt/solver.h"
#include "modules/curriculum.h"
#include "modules/timetable/model.h"
#include "modules/timetable/planning/pins.h"
#include "modules/timetable/planning/planning.h"
#include "modules/timetable/terms/repo.h"
#include "modules/timetable/planning/run_message.h"
#include "nlohmann/json.hpp"

namespace mdsc::timetable {
namespace {

constexpr int kMaxSeconds = 600;
constexpr double kWriteEverySeconds = 0.5;

// `solution` holds the solver's lectures, then the pinned ones (from `first_pin` on).
void finish(db::Database& db, std::int64_t run_id, RunStatus status, const std::string& message,
            const ctt::SolveResult* result, const BuiltInstance* built, std::int64_t now,
            const ctt::Solution* solution = nullptr, std::size_t first_pin = 0) {
  db.write([&](db::Conn& c) {
    if (solution && built && status == RunStatus::done) {
      for (std::size_t i = 0; i < solution->lectures.size(); ++i) {
        const auto& p = solution->lectures[i];
        const auto& slot = built->slots.at(static_cast<std::size_t>(built->instance.slot_of(p.period)));
        c.exec("INSERT INTO timetable_sessions (run_id, course_id, day, band, position, room_id, pinned) VALUES (?, ?, ?, ?, ?, ?, ?)",
               {run_id, built->course_ids.at(static_cast<std::size_t>(p.course)),
                built->days.at(static_cast<std::size_t>(built->instance.day_of(p.period))), slot.band, slot.position,
                built->room_ids.at(static_cast<std::size_t>(p.room)), i >= first_pin ? 1 : 0});
      }
    }
    db::Params p{std::string(name_of(status)), message, now, now};
    std::string sql = "UPDATE timetable_runs SET status = ?, message = ?, finished_at = ?, heartbeat_at = ?";
    if (result) {
      sql += ", progress_permille = 1000, best_hard = ?, best_soft = ?";
      p.emplace_back(result->cost.hard());
      p.emplace_back(result->cost.soft());
    }
    sql += " WHERE id = ?";
    p.emplace_back(run_id);
    c.exec(sql, p);
  });
}

// The pins a new run keeps: the published timetable's once there is one (with, while the term is
// under way, every session already held), else those of the term's latest finished draft.
std::vector<Pin> pins_of_term(db::Conn& c, std::int64_t term_id, std::int64_t now) {
  const std::string today = i18n::tokyo_date_iso(now);
  auto rows = c.query("SELECT s.course_id, s.day, s.band, s.position, s.room_id FROM course_sessions s "
                      "JOIN terms t ON t.id = s.term_id WHERE s.term_id = ? AND s.status = 'scheduled' AND "
                      "(s.pinned = 1 OR (t.starts_on <= ? AND t.ends_on >= ? AND s.day < ?))",
                      {term_id, today, today, today});
  if (c.scalar_i64("SELECT COUNT(*) FROM course_sessions WHERE term_id = ?", {term_id}) == 0)
    rows = c.query("SELECT course_id, day, band, position, room_id FROM timetable_sessions WHERE pinned = 1 AND run_id = "
                   "(SELECT MAX(id) FROM timetable_runs WHERE term_id = ? AND status = 'done')", {term_id});
  return entity::from_rows<Pin>(rows);
}

void generate(db::Database& db, const Clock& clock, std::int64_t run_id, const GenerationRequest& request,
              const std::atomic<bool>& stopping) {
  try {
    auto data = db.read([&](db::Conn& c) { return planning_data(c, request.term_id); });
    if (!data)
      return finish(db, run_id, RunStatus::failed, run_message("timetable.why.term_gone"), nullptr, nullptr,
                    clock.now_unix());
    BuiltInstance built = build_instance(*data);
    const auto pins = hold_pins(
        built, pins_in(built, db.read([&](db::Conn& c) { return pins_of_term(c, request.term_id, clock.now_unix()); })));
    // While the term is under way, what has not been held yet goes on the days still to come.
    const std::string today = i18n::tokyo_date_iso(clock.now_unix());
    if (data->term.starts_on <= today && today <= data->term.ends_on) close_past_days(built, today);
    std::atomic<bool> cancel{false};
    auto last_write = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    ctt::SolverOptions options;
    options.seed = static_cast<std::uint64_t>(request.seed);
    options.time_limit_seconds = request.seconds;
    options.cancel = &cancel;
    options.on_progress = [&](const ctt::Progress& p) {
      if (stopping) cancel = true;
      const auto t = std::chrono::steady_clock::now();
      if (std::chrono::duration<double>(t - last_write).count() < kWriteEverySeconds) return;
      last_write = t;
      const bool wanted = db.write([&](db::Conn& c) {
        c.exec("UPDATE timetable_runs SET progress_permille = ?, best_hard = ?, best_soft = ?, heartbeat_at = ? WHERE id = ?",
               {static_cast<int>(p.fraction * 1000), p.best_hard, p.best_soft, clock.now_unix(), run_id});
        return c.scalar_i64("SELECT cancel_requested FROM timetable_runs WHERE id = ?", {run_id}) != 0;
      });
      if (wanted) cancel = true;
    };
    const auto result = ctt::solve(built.instance, options);
    if (result.cancelled)
      return finish(db, run_id, RunStatus::cancelled, stopping ? run_message("timetable.why.server_stopped") : "",
                    &result, &built, clock.now_unix());
    if (!result.feasible)
      return finish(db, run_id, RunStatus::infeasible, run_message(built, result.diagnosis), &result, &built,
                    clock.now_unix());
    ctt::Solution solution = result.solution;
    const std::size_t first_pin = solution.lectures.size();
    if (merge_pins(built, solution, pins) > 0)
      return finish(db, run_id, RunStatus::infeasible, run_message("timetable.why.pinned_room"), &result, &built,
                    clock.now_unix());
    finish(db, run_id, RunStatus::done, "", &result, &built, clock.now_unix(), &solution, first_pin);
  } catch (const std::exception& e) {
    spdlog::error("timetable run {} failed: {}", run_id, e.what());
    try {
      finish(db, run_id, RunStatus::failed, run_message("timetable.why.failed"), nullptr, nullptr, clock.now_unix());
    } catch (...) {
    }
  }
}

}  // namespace

Result<std::int64_t> record_run(Work& w, const GenerationRequest& request) {
  Status st;
  if (request.seconds < 1 || request.seconds > kMaxSeconds) st.field("seconds", "timetable.seconds_range");
  if (request.seed < 0) st.field("seed", "validation.not_negative");
  if (!st) return st;
  auto& c = w.conn;
  // Under the term's lock, so that two starts cannot both find no run in progress.
  if (!repo::lock_term(c, request.term_id)) return Status::not_found();
  // Counts only: the solving thread reads the whole planning data itself.
  if (curriculum::courses_of_year(c, repo::fiscal_year_of_term(c, request.term_id)).empty())
    return Status(Code::invalid, "timetable.no_courses");
  if (repo::active_room_count(c) == 0) return Status(Code::invalid, "timetable.no_rooms_active");
  if (repo::has_live_run(c, request.term_id, w.now - 60)) return Status(Code::conflict, "timetable.run_in_progress");
  const auto run_id = c.insert(
      "INSERT INTO timetable_runs (term_id, seed, seconds, status, created_by, started_at, heartbeat_at) "
      "VALUES (?, ?, ?, 'running', ?, ?, ?)",
      {request.term_id, request.seed, request.seconds,
       w.actor.user_id ? db::Param(w.actor.user_id) : db::Param(nullptr), w.now, w.now});
  w.audit("create", "timetable_run", run_id, nlohmann::json::object(),
          {{"term_id", request.term_id}, {"seed", request.seed}, {"seconds", request.seconds}});
  return run_id;
}

Result<std::int64_t> start_generation(db::Database& db, BackgroundTasks& tasks, const Who& who,
                                      const GenerationRequest& request, const Clock& clock) {
  Who at = who;
  at.now = clock.now_unix();  // the run's times on the clock its thread keeps
  auto id = write_unit(db, at, [&](Work& w) { return record_run(w, request); });
  if (!id) return id;
  tasks.spawn([&db, &clock, run_id = *id, request](const std::atomic<bool>& stopping) {
    generate(db, clock, run_id, request, stopping);
  });
  return id;
}

Status cancel_generation(Work& w, std::int64_t run_id) {
  auto& c = w.conn;
  // One conditional statement: a run that finishes meanwhile is not marked cancelled.
  if (c.exec("UPDATE timetable_runs SET cancel_requested = 1 WHERE id = ? AND status = 'running'", {run_id}) == 0)
    return run(c, run_id) ? Status(Code::conflict, "timetable.run_not_running") : Status::not_found();
  w.audit("cancel", "timetable_run", run_id, {{"cancel_requested", false}}, {{"cancel_requested", true}});
  return Status::ok();
}

std::optional<Run> run(db::Conn& c, std::int64_t id) {
  return entity::select_first<Run>(c, "SELECT * FROM timetable_runs WHERE id = ?", {id});
}

std::vector<Run> runs_of_term(db::Conn& c, std::int64_t term_id) {
  return entity::from_rows<Run>(
      c.query("SELECT * FROM timetable_runs WHERE term_id = ? ORDER BY id DESC LIMIT 20", {term_id}));
}

std::vector<DraftSession> draft_sessions(db::Conn& c, std::int64_t run_id) {
  return entity::from_rows<DraftSession>(
      c.query("SELECT * FROM timetable_sessions WHERE run_id = ? ORDER BY day, band, position, id", {run_id}));
}

}  // namespace mdsc::timetable
