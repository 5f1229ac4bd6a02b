#pragma once
// A trainee's standing in a course: how many of its sessions they attended, the rate over the
// sessions held so far, and whether the course's threshold can still be reached. Computed from
// the course's sessions and the trainee's records alone, so that the trainee's page, the course's
// page, the API and the warning mails count the same way (decision 0021).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "modules/attendance.h"
#include "modules/attendance/model.h"
#include "modules/timetable.h"

namespace mdsc::attendance {

// A share typed by the secretariat: "2/3", "70%" or "70" (percent); nullopt unless it is a
// fraction greater than 0 and at most 1.
std::optional<std::pair<std::int64_t, std::int64_t>> parse_threshold(std::string_view text);

// `sessions`: the course's scheduled sessions in any order; `marks`: the trainee's records by
// session id. A session has been held once its end is at or before `now`.
Standing standing_of(const Rule& rule, std::int64_t user_id, const std::vector<timetable::Session>& sessions,
                     const std::map<std::int64_t, Mark>& marks, std::int64_t now);

}  // namespace mdsc::attendance
