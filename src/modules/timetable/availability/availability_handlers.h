#pragma once
// Pages and API of instructors' availability and courses' schedule rules (availability.h):
//   GET  /timetable/instructors/{id}/availability             the instructor's rules and a form
//   POST /timetable/instructors/{id}/availability             add a rule
//   POST /timetable/instructors/{id}/availability/{rid}/remove
//   GET  /timetable/courses?fy=2017                            each course's band and rule, a form per course
//   POST /timetable/courses/{id}/rule
//   GET/POST /api/v1/instructors/{id}/unavailability, DELETE /api/v1/instructors/{id}/unavailability/{rid}
//   GET/PUT  /api/v1/courses/{id}/schedule-rule
// Who: the secretariat edits everything; an instructor (the account linked to the instructors
// row) sees and edits their own rules; the steering committee sees them. Others get 404.
#include <cstdint>
#include <string>

#include "web/registry.h"

namespace mdsc::timetable {

void register_availability_routes(web::Registry& reg);

// Links other pages can show.
inline std::string availability_href(std::int64_t instructor_id) {
  return "/timetable/instructors/" + std::to_string(instructor_id) + "/availability";
}
inline std::string course_rules_href(int fiscal_year) { return "/timetable/courses?fy=" + std::to_string(fiscal_year); }

}  // namespace mdsc::timetable
