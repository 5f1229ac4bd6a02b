// The API of terms and rooms: /api/v1/terms, /api/v1/rooms.
#include "modules/timetable/terms/forms.h"
#include "modules/timetable/terms/handlers.h"
#include "modules/timetable/terms/operations.h"
#include "modules/timetable/terms/repo.h"
#include "modules/timetable/terms/views.h"
#include "platform/work.h"
#include "web/json_body.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {
namespace {

Response save(Context& ctx, std::int64_t id) {
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Status st;
  Term t = forms::term_from_json(*j, st);
  t.id = id;
  if (!st) return web::error(ctx, st);
  auto saved = save_term(ctx.work(), t);
  if (!saved) return web::error(ctx, saved.status());
  return web::json(id ? 200 : 201, views::term_with_days(*repo::term(ctx.work().conn, *saved)));
}

}  // namespace

Response api_terms(Context& ctx) {
  auto items = nlohmann::json::array();
  for (const auto& t : repo::terms(ctx.work().conn)) {
    auto j = term_json(t);
    j.erase("periods");
    j.erase("closed_days");
    items.push_back(j);
  }
  return web::json(200, {{"items", items}});
}

Response api_term(Context& ctx) {
  auto t = repo::term(ctx.work().conn, ctx.id_param("id"));
  if (!t) return web::not_found(ctx);
  return web::json(200, views::term_with_days(*t));
}

Response api_term_create(Context& ctx) { return save(ctx, 0); }

Response api_term_update(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (id == 0 || !repo::term(ctx.work().conn, id)) return web::not_found(ctx);
  return save(ctx, id);
}

Response api_rooms(Context& ctx) {
  auto items = nlohmann::json::array();
  for (const auto& r : repo::rooms(ctx.work().conn)) items.push_back(entity::to_json(r));
  return web::json(200, {{"items", items}});
}

Response api_room_create(Context& ctx) {
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Room r;
  Status st;
  entity::from_json(*j, r, st);
  if (!st) return web::error(ctx, st);
  auto saved = save_room(ctx.work(), r);
  if (!saved) return web::error(ctx, saved.status());
  r.id = *saved;
  return web::json(201, entity::to_json(r));
}

}  // namespace mdsc::timetable::handlers
