#include "modules/timetable/availability_handlers.h"
#include "modules/timetable/feed_handlers.h"
#include "modules/timetable/handlers.h"
#include "modules/timetable/panels.h"
#include "modules/timetable/module.h"

namespace mdsc::timetable {

void register_module(web::Registry& reg) {
  using web::Access;
  using web::Role;
  namespace h = handlers;
  const Access secretariat = Access::roles({Role::secretariat});
  // The term calendar and the rooms are no secret to the people who plan with them.
  const Access planners = Access::roles({Role::secretariat, Role::steering_committee, Role::instructor});
  reg.html("GET", "/timetable/terms", planners, h::terms_list);
  reg.html("GET", "/timetable/terms/new", secretariat, h::term_new);
  reg.html("POST", "/timetable/terms", secretariat, h::term_create);
  reg.html("GET", "/timetable/terms/{id}", planners, h::term_show);
  reg.html("POST", "/timetable/terms/{id}", secretariat, h::term_update);
  reg.html("POST", "/timetable/terms/{id}/closed-days", secretariat, h::closed_day_add);
  reg.html("POST", "/timetable/terms/{id}/closed-days/remove", secretariat, h::closed_day_remove);
  // The solver runs outside the write transaction: these routes open their own short units.
  reg.html("POST", "/timetable/terms/{id}/generate", secretariat, h::generate, web::Tx::none);
  reg.html("GET", "/timetable/runs/{id}", planners, h::run_show);
  reg.html("POST", "/timetable/runs/{id}/cancel", secretariat, h::run_cancel);
  reg.html("POST", "/timetable/runs/{id}/publish", secretariat, h::run_publish);
  reg.html("GET", "/timetable/runs/{run}/sessions/{id}", planners, h::draft_session_edit);
  reg.html("POST", "/timetable/runs/{run}/sessions/{id}", secretariat, h::draft_session_move);
  // Trainees see their own week and the sessions of their courses (checked per object).
  const Access with_trainees =
      Access::roles({Role::secretariat, Role::steering_committee, Role::instructor, Role::trainee});
  reg.html("GET", "/timetable/terms/{id}/week", with_trainees, h::week);
  reg.html("GET", "/timetable/my", with_trainees, h::my_timetable);
  reg.html("GET", "/sessions/{id}", with_trainees, h::session_show);
  reg.html("POST", "/sessions/{id}", secretariat, h::session_move);
  reg.html("GET", "/timetable/rooms", planners, h::rooms_list);
  reg.html("POST", "/timetable/rooms", secretariat, h::room_create);
  reg.html("POST", "/timetable/rooms/{id}", secretariat, h::room_update);

  reg.api("GET", "/api/v1/terms", planners, h::api_terms);
  reg.api("POST", "/api/v1/terms", secretariat, h::api_term_create);
  reg.api("GET", "/api/v1/terms/{id}", planners, h::api_term);
  reg.api("PUT", "/api/v1/terms/{id}", secretariat, h::api_term_update);
  reg.api("GET", "/api/v1/rooms", planners, h::api_rooms);
  reg.api("POST", "/api/v1/timetables", secretariat, h::api_timetable_create, web::Tx::none);
  reg.api("GET", "/api/v1/timetables/{id}", planners, h::api_timetable);
  reg.api("POST", "/api/v1/rooms", secretariat, h::api_room_create);
  reg.api("POST", "/api/v1/timetables/{id}/publish", secretariat, h::api_timetable_publish);
  reg.api("PATCH", "/api/v1/timetables/{run}/sessions/{id}", secretariat, h::api_draft_session_move);
  reg.api("GET", "/api/v1/sessions", with_trainees, h::api_sessions);
  reg.api("GET", "/api/v1/sessions/{id}", with_trainees, h::api_session);
  reg.api("PATCH", "/api/v1/sessions/{id}", secretariat, h::api_session_move);

  register_availability_routes(reg);
  register_feed_routes(reg);
  register_panels(reg);

  reg.nav({"nav.timetable", "/timetable/terms", planners, 60});
  reg.nav({"nav.my_timetable", "/timetable/my", Access::roles({Role::trainee}), 61});
}

}  // namespace mdsc::timetable
