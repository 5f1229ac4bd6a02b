// A course's exams: the list with how many sat and passed, and the form for a new exam.
#include "modules/exams/handlers.h"
#include "modules/exams/operations.h"
#include "modules/exams/repo.h"
#include "modules/timetable.h"
#include "nlohmann/json.hpp"
#include "platform/work.h"
#include "web/flash_redirect.h"
#include "web/form_values.h"
#include "web/record_page.h"
#include "web/render.h"

namespace mdsc::exams::handlers {
namespace {

std::string exams_href(std::int64_t course_id) { return "/courses/" + std::to_string(course_id) + "/exams"; }

// A whole number typed in the field (full-width digits and separators too); a missing one is
// required, unless `optional`.
std::int64_t number_of(const Context& ctx, const char* field, Status& st, bool optional = false) {
  const auto v = web::read_number(ctx.form.trimmed(field), field, st);
  if (!v && !optional && !st.fields().count(field)) st.field(field, "validation.required");
  return v.value_or(0);
}

Exam exam_from_form(const Context& ctx, std::int64_t course_id, Status& st) {
  Exam e;
  e.course_id = course_id;
  e.title = ctx.form.trimmed("title");
  e.held_on = ctx.form.trimmed("held_on");
  e.session_id = number_of(ctx, "session_id", st, true);
  e.max_score = number_of(ctx, "max_score", st);
  e.pass_mark = number_of(ctx, "pass_mark", st);
  e.retake_allowed = ctx.form.has("retake_allowed");
  e.requires_attendance = ctx.form.has("requires_attendance");
  return e;
}

Response page(Context& ctx, const curriculum::Course& course, const Status& st, int status) {
  auto& c = ctx.work().conn;
  auto rows = nlohmann::json::array();
  for (const auto& e : repo::of_course(c, course.id)) {
    int sat = 0, passed = 0;
    std::map<std::int64_t, bool> best;
    for (const auto& r : repo::results_of_exam(c, e.id)) best[r.user_id] = best[r.user_id] || r.passed;
    for (const auto& [user, ok] : best) {
      ++sat;
      passed += ok ? 1 : 0;
    }
    rows.push_back({{"href", "/exams/" + std::to_string(e.id)},
                    {"title", e.title},
                    {"held_on", e.held_on},
                    {"max_score", e.max_score},
                    {"pass_mark", e.pass_mark},
                    {"retake_allowed", e.retake_allowed},
                    {"sat", sat},
                    {"passed", passed}});
  }
  nlohmann::json d{{"course",
                    {{"id", course.id},
                     {"title", course.code + " " + course.title(ctx.lang)},
                     {"href", "/courses/" + std::to_string(course.id)}}},
                   {"rows", rows},
                   {"can_create", grades(ctx, course.id)},
                   {"action", exams_href(course.id)},
                   {"form", web::form_state(ctx, st)}};
  if (st.is_ok()) {
    d["form"]["values"]["max_score"] = "100";
    d["form"]["values"]["pass_mark"] = "60";
    d["form"]["values"]["requires_attendance"] = "1";
  }
  timetable::SessionFilter f;
  f.course_id = course.id;
  auto sessions = nlohmann::json::array();
  const std::string chosen = ctx.form.trimmed("session_id");
  for (const auto& s : timetable::sessions::list(c, f)) {
    const std::string id = std::to_string(s.id);
    sessions.push_back(
        {{"value", id}, {"label", s.day + " " + s.starts_at + "–" + s.ends_at}, {"selected", id == chosen}});
  }
  d["sessions"] = sessions;
  return web::page(ctx, "exams/course_exams.html", "exams.course_title", d, status);
}

}  // namespace

Response course_exams(Context& ctx) { return web::record_page(ctx, visible_course, page); }

Response exam_create(Context& ctx) {
  auto course = visible_course(ctx, ctx.id_param("id"));
  if (!course || !grades(ctx, course->id)) return web::not_found(ctx);
  Status st;
  Exam e = exam_from_form(ctx, course->id, st);
  if (!st) return page(ctx, *course, st, 422);
  auto id = create_exam(ctx.work(), e);
  if (!id) return page(ctx, *course, id.status(), http_status(id.status().code()));
  return web::redirect_with_success(ctx, "exams.created", "/exams/" + std::to_string(*id));
}

}  // namespace mdsc::exams::handlers
