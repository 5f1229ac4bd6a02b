#pragma once
// The roll call of a session: every trainee enrolled in its course with their record, if any,
// and the counts the instructor watches. Used by the page, its CSV and the API.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "nlohmann/json.hpp"
#include "modules/attendance/model.h"
#include "modules/curriculum.h"

namespace mdsc::attendance {

struct RollCallLine {
  curriculum::RosterEntry trainee;
  std::optional<Attendance> record;  // nullopt: not yet here
};

struct RollCall {
  std::vector<RollCallLine> lines;  // by reading
  int present = 0, late = 0, absent = 0, excused = 0, flagged = 0, missing = 0;
};

RollCall roll_call_of(db::Conn& c, std::int64_t session_id, std::int64_t course_id);
// The counts as the page and the API show them.
nlohmann::json counts_json(const RollCall& rc);

}  // namespace mdsc::attendance
