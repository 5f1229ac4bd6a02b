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
using Response = http::Response;

// The public catalogue (catalog_handlers.cpp).
Response catalog(Context& ctx);

// Courses and the year's settings (course_handlers.cpp).
Response courses_list(Context& ctx);
Response course_new(Context& ctx);
Response course_create(Context& ctx);
Response course_show(Context& ctx);
Response course_edit(Context& ctx);
Response course_update(Context& ctx);
Response course_instructor_add(Context& ctx);
Response course_instructor_remove(Context& ctx);
Response year_update(Context& ctx);
// The course page again, with the errors of a form sent from it.
Response show_course(Context& ctx, std::int64_t id, const Status& st, int status);

// Instructors (instructor_handlers.cpp).
Response instructors_list(Context& ctx);
Response instructor_new(Context& ctx);
Response instructor_create(Context& ctx);
Response instructor_edit(Context& ctx);
Response instructor_update(Context& ctx);

// Enrollment, rosters and the instructor's courses (enrollment_handlers.cpp).
Response my_enrollments(Context& ctx);
Response enrollment_create(Context& ctx);
Response enrollment_drop(Context& ctx);
Response course_enroll(Context& ctx);
Response roster_csv(Context& ctx);
Response teaching(Context& ctx);

// JSON API (api.cpp).
Response api_courses(Context& ctx);
Response api_course(Context& ctx);
Response api_course_create(Context& ctx);
Response api_course_update(Context& ctx);
Response api_enrollments(Context& ctx);
Response api_enrollment_create(Context& ctx);
Response api_enrollment_drop(Context& ctx);
Response api_instructors(Context& ctx);
Response api_instructor_create(Context& ctx);

// Dashboard panels (panel_handlers.cpp): HTML of our own templates.
std::string trainee_panel(Context& ctx);
std::string instructor_panel(Context& ctx);

}  // namespace mdsc::curriculum::handlers
