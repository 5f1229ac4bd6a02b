#pragma once
// What the dashboard's panels count, each panel in one statement (the dashboard is on every
// signed-in request's way: docs/performance.md). The dashboard reads other modules' tables here
// only, as counts: it changes nothing.
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.h"
#include "modules/dashboard/work_queue.h"
#include "platform/entity_fwd.h"

namespace mdsc::dashboard::repo {

// The secretariat's overview: active users, sessions seen in the last half hour, changes today.
struct Overview {
  std::int64_t users = 0;
  std::int64_t sessions = 0;
  std::int64_t changes = 0;

  static const entity::Table<Overview>& table();  // its fields, described once
};
Overview overview(db::Conn& c, std::int64_t now, std::int64_t day_start);

// The program at a glance for one fiscal year; `taught` only when `institutions` is not empty.
struct ProgramFigures {
  std::int64_t courses = 0;
  std::int64_t confirmed = 0;
  std::int64_t accepted_a = 0;
  std::int64_t accepted_b = 0;
  std::int64_t target_a = 0;
  std::int64_t target_b = 0;
  std::int64_t sessions = 0;  // scheduled sessions of the year's terms
  std::int64_t held = 0;      // of those, before today
  std::string next_day;       // the next scheduled day (YYYY-MM-DD), "" if none
  std::int64_t term_id = 0;   // the first term not yet over, 0 if none
  std::int64_t taught = 0;    // courses taught by the institutions' instructors

  static const entity::Table<ProgramFigures>& table();  // its fields, described once
};
ProgramFigures program_figures(db::Conn& c, int fy, const std::string& today,
                               const std::vector<std::int64_t>& institutions);

// Every work queue item, in the order of work_queue.h, each with its parts in scope order.
std::vector<QueueItem> work_queue(db::Conn& c, const std::string& today);

}  // namespace mdsc::dashboard::repo
