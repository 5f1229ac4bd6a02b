// The completion API: GET /api/v1/completions?fiscal_year=2017, who completes and why not;
// POST /api/v1/completions (confirm one) and POST /api/v1/completions/{id}/sign-off.
#include "modules/completion/handlers.h"
#include "modules/completion/operations.h"
#include "modules/completion/repo.h"
#include "nlohmann/json.hpp"
#include "platform/work.h"
#include "web/fiscal_years.h"
#include "web/json_body.h"
#include "web/json_record.h"
#include "web/render.h"

namespace mdsc::completion::handlers {
namespace {

// A confirmation as it stands after a write.
nlohmann::json stored_confirmation(Context& ctx, std::int64_t id) {
  return entity::to_json(*repo::confirmation(ctx.work().conn, id));
}

}  // namespace

Response api_completions(Context& ctx) {
  Status st;
  const int fy = web::api_fiscal_year(ctx, st);
  if (!st) return web::error(ctx, st);
  const YearVerdicts yv = verdicts_of_year(ctx.work().conn, fy, ctx.now());
  auto items = nlohmann::json::array();
  for (const auto& t : yv.trainees) {
    auto reasons = nlohmann::json::array();
    for (const auto& r : t.verdict.reasons)
      reasons.push_back({{"course_code", r.course_code},
                         {"reason", r.message_id},
                         {"args", r.args},
                         {"message", ctx.t(r.message_id, r.args)}});
    nlohmann::json item{{"user_id", t.user_id},
                        {"name", t.name},
                        {"completes", t.verdict.completes},
                        {"tracks", t.verdict.tracks},
                        {"reasons", reasons}};
    item["confirmation"] = t.confirmation ? entity::to_json(*t.confirmation) : nlohmann::json();
    items.push_back(std::move(item));
  }
  return web::json(200, {{"fiscal_year", fy},
                         {"rule",
                          {{"tracks_required", yv.rule.tracks_required},
                           {"attendance_required", yv.rule.attendance_required},
                           {"exams_required", yv.rule.exams_required}}},
                         {"items", items}});
}

// {"fiscal_year": 2017, "user_id": 12}
Response api_confirm(Context& ctx) {
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Status st;
  const int fy = web::json_int(*j, "fiscal_year", st);
  const std::int64_t user_id = web::json_int(*j, "user_id", st);
  if (!st) return web::error(ctx, st);
  return web::created(ctx, confirm(ctx.work(), fy, user_id), stored_confirmation);
}

// {"signer": "日本医療情報学会 理事長 ○○"}
Response api_sign_off(Context& ctx) {
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Status st;
  const std::string signer = web::json_text(*j, "signer", st);
  if (!st) return web::error(ctx, st);
  const auto id = ctx.id_param("id");
  return web::changed(ctx, sign_off(ctx.work(), id, signer), id, stored_confirmation);
}

}  // namespace mdsc::completion::handlers
