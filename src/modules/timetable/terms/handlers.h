#pragma once
// Pages and API of terms and rooms (routes in ../routes.cpp).
#include "http/message.h"
#include "web/context.h"

namespace mdsc::timetable::handlers {

using web::Context;
using Response = http::Response;

// Terms: list, form, calendar of teaching days, closed days (term_handlers.cpp).
Response terms_list(Context& ctx);
Response term_new(Context& ctx);
Response term_create(Context& ctx);
Response term_show(Context& ctx);
Response term_update(Context& ctx);
Response closed_day_add(Context& ctx);
Response closed_day_remove(Context& ctx);

// Rooms (room_handlers.cpp).
Response rooms_list(Context& ctx);
Response room_create(Context& ctx);
Response room_update(Context& ctx);

// JSON API (api.cpp).
Response api_terms(Context& ctx);
Response api_term(Context& ctx);
Response api_term_create(Context& ctx);
Response api_term_update(Context& ctx);
Response api_rooms(Context& ctx);
Response api_room_create(Context& ctx);

}  // namespace mdsc::timetable::handlers
