#pragma once
// The attendance module's face (decision 0018): a trainee's standing in a course, counted as the
// attendance pages count it (decision 0021), for exams' eligibility and completion rules. Reads
// take the caller's connection.
#include <cstdint>
#include <map>
#include <string>

#include "db/database.h"
#include "platform/entity_fwd.h"

namespace mdsc {
struct Work;
}  // namespace mdsc

namespace mdsc::attendance {

// A course's rule. Without a row the default: two thirds, excused absences not counted.
struct Rule {
  std::int64_t course_id = 0;
  std::int64_t threshold_num = 2;
  std::int64_t threshold_den = 3;
  bool excused_counts = false;
  std::int64_t updated_at = 0;
  std::string live_url;  // the live lecture's link (https://…), from which trainees check in remotely

  static const entity::Table<Rule>& table();  // its fields, described once
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
  // Whether enough sessions were attended to meet the rule (the course need not be over).
  bool met() const { return attended >= needed; }
  // The rate over the held sessions, in whole percent rounded down; -1 before any is held.
  int rate_percent() const { return held ? attended * 100 / held : -1; }
};

// The rule's share as the pages show it: "2/3", "70%".
std::string threshold_text(const Rule& r);

// The trainee's standing in the course at `now` (sessions ended by then are held).
Standing standing_in(db::Conn& c, std::int64_t course_id, std::int64_t user_id, std::int64_t now);

// Every enrolled trainee's standing in the course at `now`, by user id (read once for them all).
std::map<std::int64_t, Standing> standings_of_course(db::Conn& c, std::int64_t course_id, std::int64_t now);

// Remote credit for a session the trainee missed, earned by watching its recording (the videos
// module decides when): a trainee enrolled in the course, with no record for the ended session or
// marked absent, becomes present by "recording", audited. Whether the record changed.
bool credit_from_recording(Work& w, std::int64_t session_id, std::int64_t user_id);

}  // namespace mdsc::attendance
