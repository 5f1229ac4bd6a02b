#pragma once
// Pages and API of instructors' availability and courses' schedule rules (routes in ../routes.cpp):
//   /timetable/instructors/{id}/availability (+ POST, /{rid}/remove)   an instructor's rules
//   /timetable/courses?fy=2017, POST /timetable/courses/{id}/rule       each course's band and rule
//   /api/v1/instructors/{id}/unavailability[/{rid}], /api/v1/courses/{id}/schedule-rule
// Who: the secretariat edits everything; an instructor (the account linked to the instructors
// row) sees and edits their own rules; the steering committee sees them. Others get 404.
#include <cstdint>

#include "http/message.h"
#include "web/context.h"

namespace mdsc::timetable::handlers {

using web::Context;
using Response = http::Response;

// What this person may do with an instructor's rules.
struct Rights {
  bool view = false;
  bool edit = false;
};
Rights rights_over(Context& ctx, std::int64_t instructor_id);

// availability_handlers.cpp
Response availability_show(Context& ctx);
Response availability_add(Context& ctx);
Response availability_remove(Context& ctx);
// course_rule_handlers.cpp
Response course_rules_list(Context& ctx);
Response course_rule_save(Context& ctx);
// api.cpp
Response api_unavailability(Context& ctx);
Response api_unavailability_add(Context& ctx);
Response api_unavailability_remove(Context& ctx);
Response api_course_rule(Context& ctx);
Response api_course_rule_save(Context& ctx);

}  // namespace mdsc::timetable::handlers
