#pragma once
// What limits a course's sessions beyond its band: its instructors' unavailable or unwelcome
// times (table instructor_unavailability) and the course's own weekday and spread rules (table
// course_schedule_rules). The solver's instance, the hand-edit checks and the pages read them here.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "nlohmann/json_fwd.hpp"
#include "platform/entity_fwd.h"
#include "platform/work.h"

namespace mdsc::timetable {

struct Unavailability {
  std::int64_t id = 0;
  std::int64_t instructor_id = 0;
  int weekday = 0;          // 1 Monday … 7 Sunday for a weekly rule; 0 when `day` is set
  std::string day;          // YYYY-MM-DD for a single date; "" for a weekly rule
  std::string band;         // "" = the whole day
  int position = 0;         // 0 = the whole band
  std::string strength = "unavailable";  // unavailable (hard), avoid (a wish the solver weighs)
  std::string reason;

  // Whether the rule covers this period of this day (iso_weekday 1..7).
  bool covers(const std::string& iso_day, unsigned iso_weekday, const std::string& band_, int position_) const;

  static const entity::Table<Unavailability>& table();  // its fields, described once
};

struct CourseRule {
  std::int64_t course_id = 0;
  std::string weekdays = "1111111";  // Monday first; '1' = allowed
  std::optional<std::int64_t> max_per_week;
  std::optional<std::int64_t> min_days;
  bool stored = false;

  bool allows(unsigned iso_weekday) const {
    return iso_weekday >= 1 && iso_weekday <= 7 && weekdays[iso_weekday - 1] == '1';
  }

  static const entity::Table<CourseRule>& table();  // its fields, described once
};

nlohmann::json to_json(const Unavailability& u);
nlohmann::json to_json(const CourseRule& r);

namespace availability {
// Every rule of the instructors of a fiscal year's courses, by instructor id.
std::map<std::int64_t, std::vector<Unavailability>> of_year(db::Conn& c, int fiscal_year);
std::vector<Unavailability> of_instructor(db::Conn& c, std::int64_t instructor_id);
// The rules of a fiscal year's courses, by course id (courses without a row are absent).
std::map<std::int64_t, CourseRule> course_rules(db::Conn& c, int fiscal_year);
CourseRule course_rule(db::Conn& c, std::int64_t course_id);  // defaults when there is no row

std::optional<Unavailability> rule(db::Conn& c, std::int64_t id);

// Field errors of a rule as typed, before any database work: weekday 1–7 or a date (exactly
// one), band daytime / evening or "" (whole day), position only with a band and present in a
// term's grid (or the default grid), strength unavailable / avoid, reason at most 200 characters.
// `grid` is the (band, position) pairs that exist; empty: default_periods().
Status validate(const Unavailability& u, const std::vector<std::pair<std::string, int>>& grid = {});
// weekdays: seven 0/1 with at least one 1; max_per_week and min_days positive; min_days at most
// the course's periods.
Status validate(const CourseRule& r, int course_periods);

// Each audited (entity "instructor_unavailability" or "course_schedule_rule"). add: the new
// rule's id; an identical rule is a conflict on "weekday".
Result<std::int64_t> add_rule(Work& w, Unavailability u);
// Not found unless the rule belongs to that instructor.
Status remove_rule(Work& w, std::int64_t instructor_id, std::int64_t rule_id);
// Creates or replaces the course's row.
Status save_course_rule(Work& w, const CourseRule& r);
}  // namespace availability

}  // namespace mdsc::timetable
