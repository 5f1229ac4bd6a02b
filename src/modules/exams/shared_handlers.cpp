// Who may see and grade a course's exams, for the pages and the API alike.
#include "modules/exams/handlers.h"
#include "modules/exams/repo.h"
#include "platform/work.h"

namespace mdsc::exams::handlers {

std::optional<curriculum::Course> visible_course(Context& ctx, std::int64_t course_id) {
  auto& c = ctx.work().conn;
  auto course = course_id ? curriculum::find_course(c, course_id) : std::nullopt;
  if (!course || !curriculum::can_see_roster(c, ctx.user, course->id)) return std::nullopt;
  return course;
}

std::optional<std::pair<Exam, curriculum::Course>> visible_exam(Context& ctx, std::int64_t exam_id) {
  auto e = exam_id ? repo::exam(ctx.work().conn, exam_id) : std::nullopt;
  if (!e) return std::nullopt;
  auto course = visible_course(ctx, e->course_id);
  if (!course) return std::nullopt;
  return std::make_pair(*e, *course);
}

bool grades(Context& ctx, std::int64_t course_id) {
  if (!ctx.user) return false;
  if (ctx.user->has(web::Role::secretariat)) return true;
  const auto taught = curriculum::taught_courses(ctx.work().conn, *ctx.user);
  return std::find(taught.begin(), taught.end(), course_id) != taught.end();
}

}  // namespace mdsc::exams::handlers
