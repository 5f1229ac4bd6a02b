// The exams API: a course's exams (GET/POST /api/v1/exams), results (GET /api/v1/exam-results:
// a trainee's own, or an exam's for those who see it; GET /api/v1/exam-results/{id}), and scores
// entered in one batch, all or nothing (POST /api/v1/exam-results).
#include "modules/exams/handlers.h"
#include "modules/exams/operations.h"
#include "modules/exams/repo.h"
#include "nlohmann/json.hpp"
#include "platform/work.h"
#include "web/json_body.h"
#include "web/json_list.h"
#include "web/json_record.h"
#include "web/render.h"

namespace mdsc::exams::handlers {
namespace {

std::int64_t query_id(const Context& ctx, const char* name) {
  const std::string v = ctx.query.get(name);
  if (v.empty() || v.size() > 15 || v.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stoll(v);
}

}  // namespace

Response api_exams(Context& ctx) {
  auto course = visible_course(ctx, query_id(ctx, "course_id"));
  if (!course) return web::not_found(ctx);
  return web::json_items(repo::of_course(ctx.work().conn, course->id), [](const auto& e) { return to_json(e); });
}

// {"course_id", "title", "held_on" | "session_id", "max_score", "pass_mark", "retake_allowed",
//  "requires_attendance"}
Response api_exam_create(Context& ctx) {
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Status st;
  Exam e;
  e.course_id = web::json_int(*j, "course_id", st);
  auto course = visible_course(ctx, e.course_id);
  if (!course || !grades(ctx, course->id)) return web::not_found(ctx);
  entity::from_json(*j, e, st);
  e.course_id = course->id;
  if (!st) return web::error(ctx, st);
  return web::created(ctx, create_exam(ctx.work(), e),
                      [](Context& c, std::int64_t id) { return to_json(*repo::exam(c.work().conn, id)); });
}

Response api_results(Context& ctx) {
  auto& c = ctx.work().conn;
  auto items = nlohmann::json::array();
  if (const auto exam_id = query_id(ctx, "exam_id"); exam_id || ctx.query.has("exam_id")) {
    auto found = visible_exam(ctx, exam_id);
    if (!found) return web::not_found(ctx);
    for (const auto& r : repo::results_of_exam(c, exam_id)) items.push_back(to_json(r));
  } else {
    for (const auto& r : repo::results_of_user(c, ctx.me().user_id)) items.push_back(to_json(r));
  }
  return web::json(200, {{"items", items}});
}

Response api_result(Context& ctx) {
  auto r = repo::result_by_id(ctx.work().conn, ctx.id_param("id"));
  // One's own, or an exam one may see; anything else does not exist for this reader.
  if (!r || (r->user_id != ctx.me().user_id && !visible_exam(ctx, r->exam_id))) return web::not_found(ctx);
  return web::json(200, to_json(*r));
}

// {"exam_id": 3, "results": [{"user_id": 12, "attempt": 1, "score": 78}, ...]}
Response api_results_enter(Context& ctx) {
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Status st;
  auto found = visible_exam(ctx, web::json_int(*j, "exam_id", st));
  if (!found || !grades(ctx, found->second.id)) return web::not_found(ctx);
  const auto& list = (*j)["results"];
  if (!list.is_array()) return web::error(ctx, Status::invalid().field("results", "validation.invalid_input"));
  std::vector<ScoreEntry> entries;
  for (const auto& item : list) {
    if (!item.is_object()) return web::error(ctx, Status::invalid().field("results", "validation.invalid_input"));
    ScoreEntry e;
    e.user_id = web::json_int(item, "user_id", st);
    e.attempt = item.contains("attempt") ? web::json_int(item, "attempt", st) : 1;
    const auto& score = item.contains("score") ? item["score"] : nlohmann::json();
    // A number as the API's reader writes it; a negative one is kept as typed and refused by the check.
    e.score = score.is_number_integer() ? std::to_string(score.get<std::int64_t>()) : score.dump();
    entries.push_back(std::move(e));
  }
  if (!st) return web::error(ctx, st);
  auto r = enter_scores(ctx.work(), found->first.id, entries);
  if (!r) return web::error(ctx, r.status());
  return web::json(200, {{"exam_id", found->first.id}, {"changed", *r}});
}

}  // namespace mdsc::exams::handlers
