#pragma once
// Links to the availability pages that other pages show.
#include <cstdint>
#include <string>

namespace mdsc::timetable {

inline std::string availability_href(std::int64_t instructor_id) {
  return "/timetable/instructors/" + std::to_string(instructor_id) + "/availability";
}
inline std::string course_rules_href(int fiscal_year) { return "/timetable/courses?fy=" + std::to_string(fiscal_year); }

}  // namespace mdsc::timetable
