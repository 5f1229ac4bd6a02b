// The timetable's routes: one table per sub-slice (terms/, planning/, sessions/, availability/,
// feeds/), its dashboard panels and its menu entries.
#include "modules/timetable/handlers.h"
#include "modules/timetable/module.h"
#include "modules/timetable/panels.h"
#include "web/access.h"

namespace mdsc::timetable {

void register_module(web::Registry& reg) {
  register_terms_routes(reg);
  register_planning_routes(reg);
  register_sessions_routes(reg);
  register_availability_routes(reg);
  register_feed_routes(reg);
  register_panels(reg);

  reg.nav({"nav.timetable", "/timetable/terms", handlers::planners_access(), 60});
  reg.nav({"nav.my_timetable", "/timetable/my", web::access::trainees(), 61});
}

}  // namespace mdsc::timetable
