#include "modules/timetable/handlers.h"
#include "modules/timetable/module.h"

namespace mdsc::timetable {

void register_module(web::Registry& reg) {
  using web::Access;
  using web::Role;
  using web::RouteKind;
  namespace h = handlers;
  const Access secretariat = Access::roles({Role::secretariat});
  // The term calendar and the rooms are no secret to the people who plan with them.
  const Access planners = Access::roles({Role::secretariat, Role::steering_committee, Role::instructor});
  auto html = [&](const char* method, const char* pattern, Access access, web::HandlerFn fn) {
    reg.route({method, pattern, RouteKind::html, std::move(access), std::move(fn)});
  };
  auto api = [&](const char* method, const char* pattern, Access access, web::HandlerFn fn) {
    reg.route({method, pattern, RouteKind::json, std::move(access), std::move(fn)});
  };
  html("GET", "/timetable/terms", planners, h::terms_list);
  html("GET", "/timetable/terms/new", secretariat, h::term_new);
  html("POST", "/timetable/terms", secretariat, h::term_create);
  html("GET", "/timetable/terms/{id}", planners, h::term_show);
  html("POST", "/timetable/terms/{id}", secretariat, h::term_update);
  html("POST", "/timetable/terms/{id}/closed-days", secretariat, h::closed_day_add);
  html("POST", "/timetable/terms/{id}/closed-days/remove", secretariat, h::closed_day_remove);
  html("GET", "/timetable/rooms", planners, h::rooms_list);
  html("POST", "/timetable/rooms", secretariat, h::room_create);
  html("POST", "/timetable/rooms/{id}", secretariat, h::room_update);

  api("GET", "/api/v1/terms", planners, h::api_terms);
  api("POST", "/api/v1/terms", secretariat, h::api_term_create);
  api("GET", "/api/v1/terms/{id}", planners, h::api_term);
  api("PUT", "/api/v1/terms/{id}", secretariat, h::api_term_update);
  api("GET", "/api/v1/rooms", planners, h::api_rooms);
  api("POST", "/api/v1/rooms", secretariat, h::api_room_create);

  reg.nav({"nav.timetable", "/timetable/terms", planners, 60});
}

}  // namespace mdsc::timetable
