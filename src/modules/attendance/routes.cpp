#include "modules/attendance/handlers.h"
#include "modules/attendance/module.h"

namespace mdsc::attendance {

void register_module(web::Registry& reg) {
  using web::Access;
  using web::Role;
  namespace h = handlers;
  const Access secretariat = Access::roles({Role::secretariat});
  // A session's instructors may have no instructor role (an account linked to the instructor
  // record): any signed-in user passes here, and the handlers answer 404 to whoever may not see it.
  const Access teachers = Access::signed_in();
  const Access trainees = Access::signed_in();  // the operation refuses whoever is not enrolled, saying why
  // Anyone: a scan before logging in gets its ticket here, then the login (checkin_form).
  reg.html("GET", "/checkin", Access::anyone(), h::checkin_form);
  reg.html("POST", "/checkin", trainees, h::checkin_submit);
  reg.html("GET", "/sessions/{id}/attendance", teachers, h::roll_call);
  reg.route({"GET", "/sessions/{id}/attendance.csv", web::RouteKind::html, teachers, h::roll_call_csv});
  reg.html("POST", "/sessions/{id}/attendance/marks", teachers, h::mark_submit);
  reg.html("POST", "/attendance/{id}/review", secretariat, h::review_submit);
  reg.api("POST", "/api/v1/checkins", trainees, h::api_checkin);
  reg.nav({"nav.checkin", "/checkin", Access::roles({Role::trainee}), 21});
  reg.api("GET", "/api/v1/sessions/{id}/attendance", teachers, h::api_session_attendance);
}

}  // namespace mdsc::attendance
