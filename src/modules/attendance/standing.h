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

#include "modules/attendance/model.h"
#include "modules/timetable.h"

namespace mdsc::attendance {

// A course's rule. Without a row the default: two thirds, excused absences not counted.
struct Rule {
  std::int64_t course_id = 0;
  std::int64_t threshold_num = 2;
  std::int64_t threshold_den = 3;
  bool excused_counts = false;
  std::int64_t updated_at = 0;
};

struct Standing {
  std::int64_t course_id = 0;
  std::int64_t user_id = 0;
  Rule rule;
  int total = 0;     // the course's scheduled sessions (cancelled ones do not count)
  int held = 0;      // of those, the ones that have ended
  int attended = 0;  // held sessions counted as attended: present, late (excused if the rule says so)
  int excused = 0;
  int missed = 0;         // held sessions absent or without a record
  int missed_in_row = 0;  // the missed sessions in a row up to the last held one
  int needed = 0;         // the sessions to attend to meet the rule: ⌈total × rule⌉

  // Below the rule over the sessions held so far.
  bool below() const { return held > 0 && attended * rule.threshold_den < held * rule.threshold_num; }
  // Whether attending every session still to come would meet the rule.
  bool reachable() const { return attended + (total - held) >= needed; }
  // The rate over the held sessions, in whole percent rounded down; -1 before any is held.
  int rate_percent() const { return held ? attended * 100 / held : -1; }
};

// A share typed by the secretariat: "2/3", "70%" or "70" (percent); nullopt unless it is a
// fraction greater than 0 and at most 1.
std::optional<std::pair<std::int64_t, std::int64_t>> parse_threshold(std::string_view text);
// The rule's share as the pages show it: "2/3", "70%".
std::string threshold_text(const Rule& r);

// `sessions`: the course's scheduled sessions in any order; `marks`: the trainee's records by
// session id. A session has been held once its end is at or before `now`.
Standing standing_of(const Rule& rule, std::int64_t user_id, const std::vector<timetable::Session>& sessions,
                     const std::map<std::int64_t, Mark>& marks, std::int64_t now);

}  // namespace mdsc::attendance

namespace mdsc {
template <>
const entity::Table<attendance::Rule>& entity::table<attendance::Rule>();
}  // namespace mdsc
