#pragma once
#include "http/message.h"
#include "modules/timetable/planning/generation.h"
#include "nlohmann/json.hpp"
#include "platform/web_actor.h"
#include "platform/work.h"
#include "web/context.h"
#include "web/registry.h"

namespace mdsc::timetable::handlers {

using web::Context;
using Response = http::Response;

// Reads in the request's unit of work: fn(db::Conn&) on its connection.
template <typename F>
auto reading(Context& ctx, F&& fn) {
  return fn(ctx.work().conn);
}

// Whether the pages show the forms that change terms, rooms and runs (the routes check again).
inline bool can_edit(const Context& ctx) { return ctx.user && ctx.user->has(web::Role::secretariat); }
// Whether the user plans with the timetable and so sees all of it; a trainee sees their own courses'.
inline bool sees_whole_timetable(const Context& ctx) {
  return ctx.user && (ctx.user->has(web::Role::secretariat) || ctx.user->has(web::Role::steering_committee) ||
                      ctx.user->has(web::Role::instructor));
}

// Who the timetable's routes let through (each handler checks the object it loads again).
inline web::Access secretariat_access() { return web::Access::roles({web::Role::secretariat}); }
// The term calendar, the rooms and the drafts are no secret to the people who plan with them.
inline web::Access planners_access() {
  return web::Access::roles({web::Role::secretariat, web::Role::steering_committee, web::Role::instructor});
}
inline web::Access with_trainees_access() {
  return web::Access::roles(
      {web::Role::secretariat, web::Role::steering_committee, web::Role::instructor, web::Role::trainee});
}

// Terms: list, form, calendar of teaching days, closed days (term_handlers.cpp).
Response terms_list(Context& ctx);
Response term_new(Context& ctx);
Response term_create(Context& ctx);
Response term_show(Context& ctx);
Response term_update(Context& ctx);
Response closed_day_add(Context& ctx);
Response closed_day_remove(Context& ctx);

// Generating a draft and watching it (run_handlers.cpp). run_reasons: why a run gave no timetable,
// in the reader's language.
nlohmann::json run_reasons(Context& ctx, const Run& r);
Response generate(Context& ctx);
Response run_show(Context& ctx);
Response run_cancel(Context& ctx);

// Hand edits, publishing and the session page (session_handlers.cpp); the weekly grid (week_handlers.cpp).
Response draft_session_edit(Context& ctx);
Response draft_session_move(Context& ctx);
Response run_publish(Context& ctx);
Response session_show(Context& ctx);
Response session_move(Context& ctx);
Response week(Context& ctx);
Response my_timetable(Context& ctx);

// Instructors' unavailability and courses' schedule rules (availability/availability_handlers.cpp).
// What this person may do with an instructor's rules: the secretariat and the instructor edit,
// the steering committee sees.
struct Rights {
  bool view = false;
  bool edit = false;
};
Rights rights_over(Context& ctx, std::int64_t instructor_id);
Response availability_show(Context& ctx);
Response availability_add(Context& ctx);
Response availability_remove(Context& ctx);
Response course_rules_list(Context& ctx);
Response course_rule_save(Context& ctx);

// Calendar subscriptions and the public .ics files (feeds/feed_handlers.cpp).
Response calendar_page(Context& ctx);
Response calendar_feed_create(Context& ctx);
Response calendar_feed_revoke(Context& ctx);
Response ics_file(Context& ctx);

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
Response api_timetable_create(Context& ctx);
Response api_timetable(Context& ctx);
Response api_room_create(Context& ctx);
Response api_timetable_publish(Context& ctx);
Response api_draft_session_move(Context& ctx);
Response api_sessions(Context& ctx);
Response api_session(Context& ctx);
Response api_session_move(Context& ctx);
Response api_unavailability(Context& ctx);
Response api_unavailability_add(Context& ctx);
Response api_unavailability_remove(Context& ctx);
Response api_course_rule(Context& ctx);
Response api_course_rule_save(Context& ctx);
Response api_calendar_feeds(Context& ctx);
Response api_calendar_feed_create(Context& ctx);
Response api_calendar_feed_revoke(Context& ctx);

}  // namespace mdsc::timetable::handlers

namespace mdsc::timetable {
// Each sub-slice's routes (its routes.cpp).
void register_terms_routes(web::Registry& reg);
void register_planning_routes(web::Registry& reg);
void register_sessions_routes(web::Registry& reg);
void register_availability_routes(web::Registry& reg);
void register_feed_routes(web::Registry& reg);
}  // namespace mdsc::timetable
