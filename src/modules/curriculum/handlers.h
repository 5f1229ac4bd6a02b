#pragma once
// The curriculum module's pages, API and dashboard panels. Each runs in the request's unit of
// work (ctx.work()); the route says who may call it, and a handler checks the object it loads.
//
// Who sees what: the secretariat and the promotion office manage courses and instructors and see
// every roster (manages_curriculum, in the face); the secretariat alone enrolls or removes others;
// an instructor sees the rosters of the courses they teach (can_see_roster); a trainee sees their
// own enrollments. The catalogue is public.
#include <optional>

#include "core/result.h"
#include "http/message.h"
#include "web/context.h"
#include "web/principal.h"

namespace mdsc::curriculum {

inline bool manages_enrollment(const std::optional<web::Principal>& p) { return p && p->has(web::Role::secretariat); }

}  // namespace mdsc::curriculum

namespace mdsc::curriculum::handlers {

using web::Context;
using web::Handler;
using Response = http::Response;

// The public catalogue (catalog_handlers.cpp).
Response catalog(Context& ctx);

// Courses and the year's settings (course_handlers.cpp).
Handler courses_list, course_new, course_create, course_show, course_edit, course_update, course_instructor_add,
    course_instructor_remove, year_update;
// The course page again, with the errors of a form sent from it.
Response show_course(Context& ctx, std::int64_t id, const Status& st, int status);

// Instructors (instructor_handlers.cpp).
Handler instructors_list, instructor_new, instructor_create, instructor_edit, instructor_update;

// Enrollment, rosters and the instructor's courses (enrollment_handlers.cpp).
Handler my_enrollments, enrollment_create, enrollment_drop, course_enroll, roster_csv, teaching;

// JSON API (api.cpp).
Handler api_courses, api_course, api_course_create, api_course_update, api_enrollments, api_enrollment_create,
    api_enrollment_drop, api_instructors, api_instructor_create;

// Dashboard panels (panel_handlers.cpp): HTML of our own templates.
std::string trainee_panel(Context& ctx);
std::string instructor_panel(Context& ctx);

}  // namespace mdsc::curriculum::handlers
