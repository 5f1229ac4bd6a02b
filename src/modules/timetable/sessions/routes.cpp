// The routes of the published sessions: publishing a draft, the weekly grid, a session's page
// (and moving it), and their API.
#include "modules/timetable/handlers.h"
#include "web/access.h"
#include "web/registry.h"

namespace mdsc::timetable {

void register_sessions_routes(web::Registry& reg) {
  namespace h = handlers;
  const auto secretariat = web::access::secretariat();
  // Trainees see their own week and the sessions of their courses (checked per object).
  const auto with_trainees = handlers::with_trainees_access();
  reg.html("POST", "/timetable/runs/{id}/publish", secretariat, h::run_publish);
  reg.html("GET", "/timetable/terms/{id}/week", with_trainees, h::week);
  reg.html("GET", "/timetable/my", with_trainees, h::my_timetable);
  reg.html("GET", "/sessions/{id}", with_trainees, h::session_show);
  reg.html("POST", "/sessions/{id}", secretariat, h::session_move);

  reg.api("POST", "/api/v1/timetables/{id}/publish", secretariat, h::api_timetable_publish);
  reg.api("GET", "/api/v1/sessions", with_trainees, h::api_sessions);
  reg.api("GET", "/api/v1/sessions/{id}", with_trainees, h::api_session);
  reg.api("PATCH", "/api/v1/sessions/{id}", secretariat, h::api_session_move);
}

}  // namespace mdsc::timetable
