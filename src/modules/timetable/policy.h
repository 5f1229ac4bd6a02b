#pragma once
// Who sees and changes what of the timetable, for the pages (the routes check the roles again).
#include "web/context.h"

namespace mdsc::timetable {

// Whether the pages show the forms that change terms, rooms, runs and sessions.
inline bool can_edit(const web::Context& ctx) { return ctx.user && ctx.user->has(web::Role::secretariat); }

// Whether the user plans with the timetable and so sees all of it; a trainee sees their own courses'.
inline bool sees_whole_timetable(const web::Context& ctx) {
  return ctx.user && (ctx.user->has(web::Role::secretariat) || ctx.user->has(web::Role::steering_committee) ||
                      ctx.user->has(web::Role::instructor));
}

}  // namespace mdsc::timetable
