#include "modules/timetable/feeds/feeds.h"
#include "modules/timetable/handlers.h"
#include "nlohmann/json.hpp"
#include "web/json_body.h"
#include "web/json_list.h"
#include "web/render.h"

// The API of calendar subscriptions: a person's feeds, a new one (its URL shown once), revoking.
namespace mdsc::timetable::handlers {

Response api_calendar_feeds(Context& ctx) {
  return web::json_items(feeds::list(ctx.work().conn, ctx.user_id()), [](const auto& f) { return to_json(f); });
}

Response api_calendar_feed_create(Context& ctx) {
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  const std::string kind = web::json_text(*j, "kind");
  const std::int64_t subject = web::json_int(*j, "subject_id");
  auto made = feeds::create(ctx.work(), kind, subject);
  if (!made) return web::error(ctx, made.status());
  auto f = feeds::get(ctx.work().conn, made->id);
  auto body = to_json(*f);
  body["url"] = feeds::url(ctx.services.config.base_url, made->token);
  body["webcal_url"] = feeds::webcal_url(ctx.services.config.base_url, made->token);
  auto res = web::json(201, body);
  res.set_header("Cache-Control", "no-store");
  return res;
}

Response api_calendar_feed_revoke(Context& ctx) {
  Status st = feeds::revoke(ctx.work(), ctx.id_param("id"));
  if (!st) return web::error(ctx, st);
  return web::json(200, {{"revoked", true}});
}

}  // namespace mdsc::timetable::handlers
