// The recordings API: GET /api/v1/recordings?course_id=N (those the caller may watch), GET
// /api/v1/recordings/{id}, and POST /api/v1/recordings?session_id=N with the video as the raw body
// (streamed to disk; Content-Type video/mp4 or video/webm).
#include "modules/curriculum.h"
#include "modules/videos/handlers.h"
#include "modules/videos/operations.h"
#include "modules/videos/repo.h"
#include "platform/units.h"
#include "web/fiscal_years.h"
#include "web/form_values.h"
#include "web/json_list.h"
#include "web/render.h"

namespace mdsc::videos::handlers {
namespace {

nlohmann::json item_of(const Recording& r) {
  auto j = entity::to_json(r);
  j.erase("storage_key");
  j["video"] = "/recordings/" + std::to_string(r.id) + "/video";
  return j;
}

}  // namespace

Response api_list(Context& ctx) {
  auto& conn = ctx.work().conn;
  Status st;
  const auto course = web::read_number(ctx.query.get("course_id"), "course_id", st);
  if (!st) return web::error(ctx, st);
  std::vector<std::int64_t> courses;
  if (course) {
    if (may_watch(ctx, *course)) courses.push_back(*course);
  } else {
    for (const auto& c : curriculum::courses_of_year(conn, web::current_fiscal_year(ctx.now())))
      if (may_watch(ctx, c.id)) courses.push_back(c.id);
  }
  return web::json_items(repo::current_of_courses(conn, courses), item_of);
}

Response api_get(Context& ctx) {
  const auto r = watchable(ctx);
  if (!r) return web::not_found(ctx);
  auto j = item_of(*r);
  if (const auto v = repo::view(ctx.work().conn, r->id, ctx.user_id())) {
    j["watched_seconds"] = v->watched_seconds;
    j["credited"] = v->credited_at != 0;
  }
  return web::json(200, j);
}

// Tx::none: the body is checked, hashed and kept outside the transaction.
Response api_upload(Context& ctx) {
  Status st;
  const auto session = web::read_number(ctx.query.get("session_id"), "session_id", st);
  if (!session) return web::error(ctx, st ? Status::invalid().field("session_id", "validation.required") : st);
  if (ctx.req.body_file.empty()) return web::error(ctx, Status::invalid().field("file", "videos.file_required"));
  auto id = take_upload(ctx, *session, ctx.req.body_file, ctx.query.get("filename"));
  if (!id) return web::error(ctx, id.status());
  delete_withdrawn_files(ctx.db(), ctx.services.config.data_dir, ctx.now());
  return platform::in_unit(ctx, false,
                           [&](Context& c) { return web::json(201, item_of(*repo::by_id(c.work().conn, *id))); });
}

}  // namespace mdsc::videos::handlers
