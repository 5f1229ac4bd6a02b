#include "modules/timetable/handlers.h"
#include "web/access.h"

// The routes of availability: instructors' unavailability and courses' schedule rules (availability.h):
//   GET  /timetable/instructors/{id}/availability             the instructor's rules and a form
//   POST /timetable/instructors/{id}/availability             add a rule
//   POST /timetable/instructors/{id}/availability/{rid}/remove
//   GET  /timetable/courses?fy=2017                            each course's band and rule, a form per course
//   POST /timetable/courses/{id}/rule
//   GET/POST /api/v1/instructors/{id}/unavailability, DELETE /api/v1/instructors/{id}/unavailability/{rid}
//   GET/PUT  /api/v1/courses/{id}/schedule-rule
// Who: the secretariat edits everything; an instructor (the account linked to the instructors
// row) sees and edits their own rules; the steering committee sees them. Others get 404.
namespace mdsc::timetable {

void register_availability_routes(web::Registry& reg) {
  namespace h = handlers;
  const auto secretariat = web::access::secretariat();
  const auto planners = handlers::planners_access();
  // An instructor may be an account linked to the instructors row without any role: these let
  // any signed-in user through, and the handlers answer 404 to whoever may not see the rules.
  const auto people = web::Access::signed_in();
  reg.html("GET", "/timetable/instructors/{id}/availability", people, h::availability_show);
  reg.html("POST", "/timetable/instructors/{id}/availability", people, h::availability_add);
  reg.html("POST", "/timetable/instructors/{id}/availability/{rid}/remove", people, h::availability_remove);
  reg.html("GET", "/timetable/courses", planners, h::course_rules_list);
  reg.html("POST", "/timetable/courses/{id}/rule", secretariat, h::course_rule_save);

  reg.api("GET", "/api/v1/instructors/{id}/unavailability", people, h::api_unavailability);
  reg.api("POST", "/api/v1/instructors/{id}/unavailability", people, h::api_unavailability_add);
  reg.api("DELETE", "/api/v1/instructors/{id}/unavailability/{rid}", people, h::api_unavailability_remove);
  reg.api("GET", "/api/v1/courses/{id}/schedule-rule", planners, h::api_course_rule);
  reg.api("PUT", "/api/v1/courses/{id}/schedule-rule", secretariat, h::api_course_rule_save);
}

}  // namespace mdsc::timetable
