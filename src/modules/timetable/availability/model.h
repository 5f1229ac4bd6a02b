#pragma once
// What limits a course's sessions beyond its band: its instructors' unavailable or unwelcome
// times (table instructor_unavailability) and the course's own weekday and spread rules (table
// course_schedule_rules). The solver's instance, the hand-edit checks and the pages read them.
#include <cstdint>
#include <optional>
#include <string>

#include "platform/entity.h"

namespace mdsc::timetable {

// How firmly an instructor is away: unavailable (a hard rule), avoid (a wish the solver weighs).
enum class Strength { unavailable, avoid };

struct Unavailability {
  std::int64_t id = 0;
  std::int64_t instructor_id = 0;
  std::int64_t weekday = 0;   // 1 Monday … 7 Sunday for a weekly rule; 0 when `day` is set
  std::string day;            // YYYY-MM-DD for a single date; "" for a weekly rule
  std::string band;           // "" = the whole day
  std::int64_t position = 0;  // 0 = the whole band
  Strength strength = Strength::unavailable;
  std::string reason;
  std::int64_t created_at = 0;

  // Whether the rule covers this period of this day (iso_weekday 1..7).
  bool covers(const std::string& iso_day, unsigned iso_weekday, const std::string& band_, int position_) const;
};

struct CourseRule {
  std::int64_t course_id = 0;
  std::string weekdays = "1111111";  // Monday first; '1' = allowed
  std::optional<std::int64_t> max_per_week;
  std::optional<std::int64_t> min_days;
  std::int64_t updated_at = 0;
  bool stored = false;  // false: the defaults of a course without a row

  bool allows(unsigned iso_weekday) const {
    return iso_weekday >= 1 && iso_weekday <= 7 && weekdays[iso_weekday - 1] == '1';
  }
};

// A course an instructor teaches, as their availability page lists it.
struct InstructorCourse {
  std::int64_t id = 0;
  int fiscal_year = 0;
  std::string code, title_ja, title_en, time_band;

  const std::string& title(std::string_view lang) const { return lang == "en" && !title_en.empty() ? title_en : title_ja; }
};

}  // namespace mdsc::timetable
