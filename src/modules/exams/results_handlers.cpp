// A trainee's own results: each exam they have a score in, with the course, the day, the score
// out of the maximum and whether it passed.
#include <map>

#include "modules/exams/handlers.h"
#include "modules/exams/repo.h"
#include "nlohmann/json.hpp"
#include "platform/work.h"
#include "web/render.h"

namespace mdsc::exams::handlers {

Response my_results(Context& ctx) {
  auto& c = ctx.work().conn;
  std::map<std::int64_t, std::optional<Exam>> exams;
  std::map<std::int64_t, std::optional<curriculum::Course>> courses;
  auto rows = nlohmann::json::array();
  for (const auto& r : repo::results_of_user(c, ctx.me().user_id)) {
    auto& e = exams[r.exam_id];
    if (!e) e = repo::exam(c, r.exam_id);
    if (!e) continue;
    auto& course = courses[e->course_id];
    if (!course) course = curriculum::find_course(c, e->course_id);
    rows.push_back({{"course", course ? course->code + " " + course->title(ctx.lang) : ""},
                    {"title", e->title},
                    {"held_on", e->held_on},
                    {"attempt", r.attempt},
                    {"retake", r.attempt == 2},
                    {"score", std::to_string(r.score) + " / " + std::to_string(e->max_score)},
                    {"passed", r.passed},
                    {"result", ctx.t(r.passed ? "exams.passed" : "exams.failed")}});
  }
  return web::page(ctx, "exams/my_results.html", "exams.my_results_title", {{"rows", rows}});
}

}  // namespace mdsc::exams::handlers
