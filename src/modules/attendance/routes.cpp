#include "modules/attendance/handlers.h"
#include "modules/attendance/module.h"
#include "modules/attendance/repo.h"
#include "web/access.h"

namespace mdsc::attendance {

void register_module(web::Registry& reg) {
  using web::Access;
  namespace h = handlers;
  const Access secretariat = web::access::secretariat();
  // A session's instructors may have no instructor role (an account linked to the instructor
  // record): any signed-in user passes here, and the handlers answer 404 to whoever may not see it.
  const Access teachers = Access::signed_in();
  const Access trainees = Access::signed_in();  // the operation refuses whoever is not enrolled, saying why
  // Anyone: a scan before logging in gets its ticket here, then the login (checkin_form).
  reg.html("GET", "/checkin", Access::anyone(), h::checkin_form);
  reg.html("POST", "/checkin", trainees, h::checkin_submit);
  reg.html("POST", "/checkin/remote", trainees, h::remote_submit);
  reg.html("GET", "/sessions/{id}/attendance", teachers, h::roll_call);
  reg.route({"GET", "/sessions/{id}/attendance.csv", web::RouteKind::html, teachers, h::roll_call_csv});
  reg.html("POST", "/sessions/{id}/attendance/marks", teachers, h::mark_submit);
  reg.html("POST", "/attendance/{id}/review", secretariat, h::review_submit);
  reg.api("POST", "/api/v1/checkins", trainees, h::api_checkin);
  reg.nav({"nav.checkin", "/checkin", web::access::trainees(), 21});
  reg.api("GET", "/api/v1/sessions/{id}/attendance", teachers, h::api_session_attendance);
  reg.html("GET", "/attendance", web::access::trainees(), h::my_attendance);
  reg.nav({"nav.my_attendance", "/attendance", web::access::trainees(), 22});
  reg.html("GET", "/courses/{id}/attendance", teachers, h::course_rates);
  reg.html("POST", "/courses/{id}/attendance/rule", secretariat, h::rule_submit);
  reg.html("POST", "/courses/{id}/attendance/live-link", secretariat, h::live_link_submit);
  reg.api("GET", "/api/v1/me/attendance", web::access::trainees(), h::api_my_attendance);
  reg.api("GET", "/api/v1/courses/{id}/attendance", teachers, h::api_course_attendance);
  reg.api("PUT", "/api/v1/courses/{id}/attendance-rule", secretariat, h::api_course_rule);
  reg.daily({"attendance-warnings", [](db::Database& db, std::int64_t now) {
               send_warnings(db, now, db.read([](db::Conn& c) { return repo::base_url(c); }));
             }});
}

}  // namespace mdsc::attendance
