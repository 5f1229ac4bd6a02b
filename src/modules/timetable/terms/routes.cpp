// The routes of terms and rooms: the term calendar, closed days, rooms, and their API.
#include "modules/timetable/handlers.h"
#include "web/access.h"
#include "web/registry.h"

namespace mdsc::timetable {

void register_terms_routes(web::Registry& reg) {
  namespace h = handlers;
  const auto secretariat = web::access::secretariat();
  const auto planners = handlers::planners_access();
  reg.html("GET", "/timetable/terms", planners, h::terms_list);
  reg.html("GET", "/timetable/terms/new", secretariat, h::term_new);
  reg.html("POST", "/timetable/terms", secretariat, h::term_create);
  reg.html("GET", "/timetable/terms/{id}", planners, h::term_show);
  reg.html("POST", "/timetable/terms/{id}", secretariat, h::term_update);
  reg.html("POST", "/timetable/terms/{id}/closed-days", secretariat, h::closed_day_add);
  reg.html("POST", "/timetable/terms/{id}/closed-days/remove", secretariat, h::closed_day_remove);
  reg.html("GET", "/timetable/rooms", planners, h::rooms_list);
  reg.html("POST", "/timetable/rooms", secretariat, h::room_create);
  reg.html("POST", "/timetable/rooms/{id}", secretariat, h::room_update);

  reg.api("GET", "/api/v1/terms", planners, h::api_terms);
  reg.api("POST", "/api/v1/terms", secretariat, h::api_term_create);
  reg.api("GET", "/api/v1/terms/{id}", planners, h::api_term);
  reg.api("PUT", "/api/v1/terms/{id}", secretariat, h::api_term_update);
  reg.api("GET", "/api/v1/rooms", planners, h::api_rooms);
  reg.api("POST", "/api/v1/rooms", secretariat, h::api_room_create);
}

}  // namespace mdsc::timetable
