// The API of instructors' unavailability and courses' schedule rules.
#include "modules/timetable/availability/forms.h"
#include "modules/timetable/availability/handlers.h"
#include "modules/timetable/availability/operations.h"
#include "modules/timetable/availability/repo.h"
#include "modules/timetable/curriculum_view.h"
#include "platform/work.h"
#include "web/json_body.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {

Response api_unavailability(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (id == 0 || !rights_over(ctx, id).view || !curriculum_view::instructor(ctx.work().conn, id))
    return web::not_found(ctx);
  auto items = nlohmann::json::array();
  for (const auto& u : repo::rules_of_instructor(ctx.work().conn, id)) items.push_back(entity::to_json(u));
  return web::json(200, {{"items", items}});
}

Response api_unavailability_add(Context& ctx) {
  const auto id = ctx.id_param("id");
  const Rights rights = rights_over(ctx, id);
  if (id == 0 || !rights.view) return web::not_found(ctx);
  if (!rights.edit) return web::forbidden(ctx);
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Status st;
  Unavailability u = forms::rule_from_json(*j, id, st);
  if (!st) return web::error(ctx, st);
  auto added = add_unavailability(ctx.work(), u);
  if (!added) return web::error(ctx, added.status());
  return web::json(201, entity::to_json(*repo::rule(ctx.work().conn, *added)));
}

Response api_unavailability_remove(Context& ctx) {
  const auto id = ctx.id_param("id");
  const Rights rights = rights_over(ctx, id);
  if (id == 0 || !rights.view) return web::not_found(ctx);
  if (!rights.edit) return web::forbidden(ctx);
  const auto rid = ctx.id_param("rid");
  auto before = repo::rule(ctx.work().conn, rid);
  Status st = remove_unavailability(ctx.work(), id, rid);
  if (!st) return web::error(ctx, st);
  return web::json(200, entity::to_json(*before));
}

Response api_course_rule(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (!curriculum_view::course(ctx.work().conn, id)) return web::not_found(ctx);
  return web::json(200, entity::to_json(repo::course_rule(ctx.work().conn, id)));
}

Response api_course_rule_save(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (id == 0 || !curriculum_view::course(ctx.work().conn, id)) return web::not_found(ctx);
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Status st;
  CourseRule r = forms::course_rule_from_json(*j, id, st);
  if (!st) return web::error(ctx, st);
  st = save_course_rule(ctx.work(), r);
  if (!st) return web::error(ctx, st);
  return web::json(200, entity::to_json(repo::course_rule(ctx.work().conn, id)));
}

}  // namespace mdsc::timetable::handlers
