#pragma once
// Attendance rates as the pages, the API and the warnings read them: every trainee of a course
// with their standing, and a trainee's standing in each of their courses with each session's mark.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.h"
#include "modules/attendance/standing.h"
#include "modules/curriculum.h"
#include "modules/timetable.h"
#include "nlohmann/json.hpp"

namespace mdsc::attendance {

struct TraineeRate {
  curriculum::RosterEntry trainee;
  Standing standing;
};

struct CourseRates {
  Rule rule;
  int total = 0, held = 0;
  std::vector<TraineeRate> lines;  // the course's roster, by reading
};

CourseRates rates_of_course(db::Conn& c, std::int64_t course_id, std::int64_t now);

struct SessionMark {
  timetable::Session session;
  std::optional<Mark> mark;  // nullopt: no record
};

struct MyCourse {
  std::string code, title_ja, title_en;
  Standing standing;
  std::vector<SessionMark> sessions;  // by day and time

  const std::string& title(const std::string& lang) const {
    return lang == "en" && !title_en.empty() ? title_en : title_ja;
  }
};

// The trainee's courses (those they are enrolled in that have scheduled sessions), by code.
std::vector<MyCourse> rates_of_trainee(db::Conn& c, std::int64_t user_id, std::int64_t now);

// The standing as the API shows it (numbers only; the pages word it).
nlohmann::json standing_json(const Standing& s);

}  // namespace mdsc::attendance
