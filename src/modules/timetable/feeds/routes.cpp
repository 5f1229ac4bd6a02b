#include "modules/timetable/handlers.h"

// Calendar subscriptions on the web and the API: the "My calendar subscriptions" page, creating
// and revoking feeds, /api/v1/calendar-feeds, and the public /ical/<token>.ics the calendar
// applications fetch (no login; the token is the key, and the access log records only the route
// pattern, never the path).
namespace mdsc::timetable {

void register_feed_routes(web::Registry& reg) {
  namespace h = handlers;
  using web::Access;
  using web::Role;
  const Access signed_in = Access::signed_in();
  reg.html("GET", "/calendar", signed_in, h::calendar_page);
  reg.html("POST", "/calendar/feeds", signed_in, h::calendar_feed_create);
  reg.html("POST", "/calendar/feeds/{id}/revoke", signed_in, h::calendar_feed_revoke);
  // A file route: no session, no language or CSRF work; the calendar application has no cookie.
  reg.route({"GET", "/ical/{file}", web::RouteKind::file, Access::anyone(), h::ics_file});
  reg.api("GET", "/api/v1/calendar-feeds", signed_in, h::api_calendar_feeds);
  reg.api("POST", "/api/v1/calendar-feeds", signed_in, h::api_calendar_feed_create);
  reg.api("DELETE", "/api/v1/calendar-feeds/{id}", signed_in, h::api_calendar_feed_revoke);
  reg.nav({"nav.calendar", "/calendar",
           Access::roles({Role::trainee, Role::instructor, Role::secretariat, Role::steering_committee}), 61});
}

}  // namespace mdsc::timetable
