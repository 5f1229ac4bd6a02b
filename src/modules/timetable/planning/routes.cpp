// The routes of planning: generating a draft, watching and cancelling its run, moving a draft's
// sessions by hand, and their API.
#include "modules/timetable/handlers.h"
#include "web/access.h"
#include "web/registry.h"

namespace mdsc::timetable {

void register_planning_routes(web::Registry& reg) {
  namespace h = handlers;
  const auto secretariat = web::access::secretariat();
  const auto planners = handlers::planners_access();
  // The solver runs outside the write transaction: these routes open their own short units.
  reg.html("POST", "/timetable/terms/{id}/generate", secretariat, h::generate, web::Tx::none);
  reg.html("GET", "/timetable/runs/{id}", planners, h::run_show);
  reg.html("POST", "/timetable/runs/{id}/cancel", secretariat, h::run_cancel);
  reg.html("GET", "/timetable/runs/{run}/sessions/{id}", planners, h::draft_session_edit);
  reg.html("POST", "/timetable/runs/{run}/sessions/{id}", secretariat, h::draft_session_move);

  reg.api("POST", "/api/v1/timetables", secretariat, h::api_timetable_create, web::Tx::none);
  reg.api("GET", "/api/v1/timetables/{id}", planners, h::api_timetable);
  reg.api("PATCH", "/api/v1/timetables/{run}/sessions/{id}", secretariat, h::api_draft_session_move);
}

}  // namespace mdsc::timetable
