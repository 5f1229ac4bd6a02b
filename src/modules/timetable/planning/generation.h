#pragma once
// Generating a draft timetable for a term: a run of the solver on a background thread of the
// instance that started it, its progress and best cost written to `timetable_runs` as it goes
// (so any instance can show them), cancellable from any instance, and its sessions stored when
// it ends. Starting and cancelling are audited.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/background.h"
#include "core/clock.h"
#include "core/result.h"
#include "db/database.h"
#include "platform/entity_fwd.h"
#include "platform/states.h"
#include "platform/work.h"

namespace mdsc::timetable {

// running → done | infeasible | failed | cancelled (states<RunStatus>(), model.cpp).
enum class RunStatus { running, done, infeasible, failed, cancelled };
const States<RunStatus>& states_of(RunStatus);  // its names and moves (model.cpp)
}  // namespace mdsc::timetable

namespace mdsc::timetable {

struct Run {
  std::int64_t id = 0;
  std::int64_t term_id = 0;
  std::int64_t seed = 0;
  int seconds = 0;
  RunStatus status = RunStatus::running;
  int progress_permille = 0;
  std::optional<std::int64_t> best_hard, best_soft;
  bool cancel_requested = false;
  std::string message;
  std::int64_t started_at = 0, heartbeat_at = 0;
  std::optional<std::int64_t> finished_at;
  std::optional<std::int64_t> published_at;

  // A run whose instance stopped without finishing it: no heartbeat for a while.
  bool stale(std::int64_t now) const { return status == RunStatus::running && now - heartbeat_at > 60; }
  // What pages and the API show: a stale run has failed.
  RunStatus shown_status(std::int64_t now) const { return stale(now) ? RunStatus::failed : status; }

  static const entity::Table<Run>& table();  // its fields, described once
};

struct DraftSession {
  std::int64_t id = 0;
  std::int64_t course_id = 0;
  std::string day;   // YYYY-MM-DD
  std::string band;  // daytime, evening
  int position = 0;
  std::int64_t room_id = 0;
  bool pinned = false;

  static const entity::Table<DraftSession>& table();  // its fields, described once
};

struct GenerationRequest {
  std::int64_t term_id = 0;
  std::int64_t seed = 1;
  int seconds = 10;
};

// Checks the term can be scheduled and records the run (running, audited); returns its id. The
// solver does not run in the unit of work: start_generation starts it once the run is committed.
Result<std::int64_t> record_run(Work& w, const GenerationRequest& request);
// A unit of work of its own for record_run (a route with Tx::none), then the solver on a
// background thread of this instance, which writes its progress and its end in short units.
Result<std::int64_t> start_generation(db::Database& db, BackgroundTasks& tasks, const Who& who,
                                      const GenerationRequest& request, const Clock& clock);
Status cancel_generation(Work& w, std::int64_t run_id);

std::optional<Run> run(db::Conn& c, std::int64_t id);
std::vector<Run> runs_of_term(db::Conn& c, std::int64_t term_id);
std::vector<DraftSession> draft_sessions(db::Conn& c, std::int64_t run_id);

}  // namespace mdsc::timetable
