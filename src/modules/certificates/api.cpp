// The certificates API: GET /api/v1/certificates?fiscal_year=2017 (the year's, or a trainee's
// own), GET /api/v1/certificates/{id} (with the signed file), POST /api/v1/certificates (issue
// for a signed-off completion) and POST /api/v1/certificates/{id}/revoke.
#include "modules/certificates/document.h"
#include "modules/certificates/handlers.h"
#include "modules/certificates/keys.h"
#include "modules/certificates/operations.h"
#include "modules/certificates/repo.h"
#include "nlohmann/json.hpp"
#include "platform/work.h"
#include "web/fiscal_years.h"
#include "web/json_body.h"
#include "web/json_list.h"
#include "web/json_record.h"
#include "web/render.h"

namespace mdsc::certificates::handlers {
namespace {

nlohmann::json item_of(const Certificate& c) {
  auto j = entity::to_json(c);
  j.erase("payload");
  j["valid"] = !c.revoked();
  return j;
}

// A certificate as it stands after a write.
nlohmann::json stored_item(Context& ctx, std::int64_t id) { return item_of(*repo::by_id(ctx.work().conn, id)); }

}  // namespace

Response api_list(Context& ctx) {
  const bool office = ctx.me().has(web::Role::secretariat) || ctx.me().has(web::Role::promotion_office);
  std::vector<Certificate> list;
  if (office) {
    Status st;
    const int fy = web::api_fiscal_year(ctx, st);
    if (!st) return web::error(ctx, st);
    list = repo::of_year(ctx.work().conn, fy);
  } else {
    list = repo::of_user(ctx.work().conn, ctx.user_id());
  }
  return web::json_items(list, item_of);
}

Response api_get(Context& ctx) {
  const auto c = repo::by_id(ctx.work().conn, ctx.id_param("id"));
  if (!c || !may_see(ctx, *c)) return web::not_found(ctx);
  auto j = item_of(*c);
  j["file"] = file_of(*c, signing_key(ctx.work().conn).public_key);
  return web::json(200, j);
}

// {"completion_id": 12}
Response api_issue(Context& ctx) {
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Status st;
  const std::int64_t completion_id = web::json_int(*j, "completion_id", st);
  if (!st) return web::error(ctx, st);
  return web::created(ctx, issue(ctx.work(), completion_id), stored_item);
}

// {"reason": "..."}
Response api_revoke(Context& ctx) {
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Status st;
  const std::string reason = web::json_text(*j, "reason", st);
  if (!st) return web::error(ctx, st);
  const auto id = ctx.id_param("id");
  return web::changed(ctx, revoke(ctx.work(), id, reason), id, stored_item);
}

}  // namespace mdsc::certificates::handlers
