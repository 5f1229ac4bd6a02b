#pragma once
// Calendar subscriptions on the web and the API: the "My calendar subscriptions" page, creating
// and revoking feeds, /api/v1/calendar-feeds, and the public /ical/<token>.ics the calendar
// applications fetch (no login; the token is the key, and the access log records only the route
// pattern, never the path).
#include "web/registry.h"

namespace mdsc::timetable {
void register_feed_routes(web::Registry& reg);
}  // namespace mdsc::timetable
