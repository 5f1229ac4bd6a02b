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
using web::Handler;
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

// Who the timetable's routes let through besides the secretariat (web::access::secretariat()); each
// handler checks the object it loads again. The term calendar, the rooms and the drafts are no
// secret to the people who plan with them.
inline web::Access planners_access() {
  return web::Access::roles({web::Role::secretariat, web::Role::steering_committee, web::Role::instructor});
}
inline web::Access with_trainees_access() {
  return web::Access::roles(
      {web::Role::secretariat, web::Role::steering_committee, web::Role::instructor, web::Role::trainee});
}

// Terms: list, form, calendar of teaching days, closed days (term_handlers.cpp).
Handler terms_list, term_new, term_create, term_show, term_update, closed_day_add, closed_day_remove;

// Generating a draft and watching it (run_handlers.cpp). run_reasons: why a run gave no timetable,
// in the reader's language.
nlohmann::json run_reasons(Context& ctx, const Run& r);
Handler generate, run_show, run_cancel;

// Hand edits, publishing and the session page (session_handlers.cpp); the weekly grid (week_handlers.cpp).
Handler draft_session_edit, draft_session_move, run_publish, session_show, session_move, week, my_timetable;

// Instructors' unavailability and courses' schedule rules (availability/availability_handlers.cpp).
// What this person may do with an instructor's rules: the secretariat and the instructor edit,
// the steering committee sees.
struct Rights {
  bool view = false;
  bool edit = false;
};
Rights rights_over(Context& ctx, std::int64_t instructor_id);
Handler availability_show, availability_add, availability_remove, course_rules_list, course_rule_save;

// Calendar subscriptions and the public .ics files (feeds/feed_handlers.cpp).
Handler calendar_page, calendar_feed_create, calendar_feed_revoke, ics_file;

// Rooms (room_handlers.cpp).
Handler rooms_list, room_create, room_update;

// JSON API (api.cpp).
Handler api_terms, api_term, api_term_create, api_term_update, api_rooms, api_timetable_create, api_timetable,
    api_room_create, api_timetable_publish, api_draft_session_move, api_sessions, api_session, api_session_move,
    api_unavailability, api_unavailability_add, api_unavailability_remove, api_course_rule, api_course_rule_save,
    api_calendar_feeds, api_calendar_feed_create, api_calendar_feed_revoke;

}  // namespace mdsc::timetable::handlers

namespace mdsc::timetable {
// Each sub-slice's routes (its routes.cpp).
void register_terms_routes(web::Registry& reg);
void register_planning_routes(web::Registry& reg);
void register_sessions_routes(web::Registry& reg);
void register_availability_routes(web::Registry& reg);
void register_feed_routes(web::Registry& reg);
}  // namespace mdsc::timetable
