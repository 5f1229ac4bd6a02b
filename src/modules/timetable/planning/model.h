#pragma once
// Generating a draft timetable for a term: a run of the solver (table timetable_runs) and the
// draft it leaves (timetable_sessions); what the solver needs of a term (PlanningData) and the
// instance built from it (decision 0007); the pins a new run keeps (decision 0010).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ctt/instance.h"
#include "modules/timetable/availability/model.h"
#include "modules/timetable/curriculum_view.h"
#include "modules/timetable/terms/model.h"
#include "platform/entity.h"

namespace mdsc::timetable {

// running → done | infeasible | failed | cancelled (states<RunStatus>()).
enum class RunStatus { running, done, infeasible, failed, cancelled };

inline constexpr std::int64_t kRunStaleSeconds = 60;

struct Run {
  std::int64_t id = 0;
  std::int64_t term_id = 0;
  std::int64_t seed = 0;
  int seconds = 0;
  RunStatus status = RunStatus::running;
  int progress_permille = 0;
  std::optional<std::int64_t> best_hard, best_soft;
  bool cancel_requested = false;
  std::string message;  // why it gave no timetable: JSON of message ids (run_message.h)
  std::int64_t created_by = 0;  // 0: not a person (the demo, a command)
  std::int64_t started_at = 0, heartbeat_at = 0;
  std::optional<std::int64_t> finished_at;
  std::optional<std::int64_t> published_at;

  // A run whose instance stopped without finishing it: no heartbeat for a while.
  bool stale(std::int64_t now) const { return status == RunStatus::running && now - heartbeat_at > kRunStaleSeconds; }
  // The status to show: a stale run has failed.
  RunStatus shown_status(std::int64_t now) const { return stale(now) ? RunStatus::failed : status; }
};

struct GenerationRequest {
  std::int64_t term_id = 0;
  std::int64_t seed = 1;
  int seconds = 10;
};

// A session of a run's draft.
struct DraftSession {
  std::int64_t id = 0;
  std::int64_t run_id = 0;
  std::int64_t course_id = 0;
  std::string day;   // YYYY-MM-DD
  std::string band;  // daytime, evening
  int position = 0;
  std::int64_t room_id = 0;
  bool pinned = false;
};

// A session a new run keeps where it is.
struct Pin {
  std::int64_t course_id = 0;
  std::string day;
  std::string band;
  int position = 0;
  std::int64_t room_id = 0;
};

// What the solver needs of a term, read in one transaction: the term, its FY's courses with
// their instructors, the active rooms, the enrolled trainees, the instructors' unavailability
// and the courses' schedule rules.
struct PlanningData {
  Term term;                                                           // with its periods and closed days
  std::vector<Course> courses;                                         // with their instructors
  std::vector<Room> rooms;                                             // active ones
  std::vector<std::pair<std::int64_t, std::int64_t>> enrolled;         // (course id, user id)
  std::map<std::int64_t, std::vector<Unavailability>> unavailability;  // by instructor id
  std::map<std::int64_t, CourseRule> rules;                            // by course id; absent: no rule

  const Course* course(std::int64_t id) const;
  const Room* room(std::int64_t id) const;
};

// The solver's weights for the platform's extensions, and the penalty of one 'avoid' rule at a period.
inline constexpr int kAvoidPenalty = 5;
inline constexpr int kPreferenceWeight = 1;
inline constexpr int kSpreadWeight = 10;

struct BuiltInstance {
  ctt::Instance instance;
  std::vector<std::string> days;         // ISO date of each instance day
  std::vector<Period> slots;             // the grid row of each slot of a day
  std::vector<std::int64_t> course_ids;  // of each instance course
  std::vector<std::int64_t> room_ids;    // of each instance room
};

}  // namespace mdsc::timetable
