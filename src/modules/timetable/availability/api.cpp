#include "core/i18n.h"
#include "modules/curriculum.h"
#include "modules/timetable/availability/availability.h"
#include "modules/timetable/handlers.h"
#include "nlohmann/json.hpp"
#include "web/json_body.h"
#include "web/json_list.h"
#include "web/json_record.h"
#include "web/render.h"

// The API of instructors' availability and courses' schedule rules; a member of the wrong type
// is a field error, never taken as absent.
namespace mdsc::timetable::handlers {

Response api_unavailability(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (id == 0 || !rights_over(ctx, id).view) return web::not_found(ctx);
  auto rules = reading(ctx, [&](db::Conn& c) -> std::optional<std::vector<Unavailability>> {
    if (!curriculum::find_instructor(c, id)) return std::nullopt;
    return availability::of_instructor(c, id);
  });
  if (!rules) return web::not_found(ctx);
  return web::json_items(*rules, [](const auto& u) { return to_json(u); });
}

Response api_unavailability_add(Context& ctx) {
  const auto id = ctx.id_param("id");
  const Rights rights = rights_over(ctx, id);
  if (id == 0 || !rights.view) return web::not_found(ctx);
  if (!rights.edit) return web::forbidden(ctx);
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Status st;
  Unavailability u;
  u.instructor_id = id;
  u.weekday = web::json_int(*j, "weekday", st);
  u.day = web::json_text(*j, "day", st);
  if (u.weekday != 0 && !u.day.empty()) st.field("weekday", "availability.weekday_or_date");
  u.band = web::json_text(*j, "band", st);
  u.position = web::json_int(*j, "position", st);
  u.strength = web::json_text(*j, "strength", st);
  if (u.strength.empty()) u.strength = "unavailable";
  u.reason = web::json_text(*j, "reason", st);
  if (!st) return web::error(ctx, st);
  auto added = availability::add_rule(ctx.work(), u);
  if (!added) return web::error(ctx, added.status());
  auto stored = availability::rule(ctx.work().conn, *added);
  return web::json(201, to_json(*stored));
}

Response api_unavailability_remove(Context& ctx) {
  const auto id = ctx.id_param("id");
  const Rights rights = rights_over(ctx, id);
  if (id == 0 || !rights.view) return web::not_found(ctx);
  if (!rights.edit) return web::forbidden(ctx);
  const auto rid = ctx.id_param("rid");
  auto before = availability::rule(ctx.work().conn, rid);
  Status st = availability::remove_rule(ctx.work(), id, rid);
  if (!st) return web::error(ctx, st);
  return web::json(200, to_json(*before));
}

Response api_course_rule(Context& ctx) {
  const auto id = ctx.id_param("id");
  auto rule = reading(ctx, [&](db::Conn& c) -> std::optional<CourseRule> {
    if (!curriculum::find_course(c, id)) return std::nullopt;
    return availability::course_rule(c, id);
  });
  return web::json_found(ctx, rule, [](const auto& r) { return to_json(r); });
}

Response api_course_rule_save(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (id == 0 || !curriculum::find_course(ctx.work().conn, id).has_value()) return web::not_found(ctx);
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Status st;
  CourseRule r;
  r.course_id = id;
  if (j->contains("weekdays")) r.weekdays = web::json_text(*j, "weekdays", st);
  if (j->contains("max_per_week") && !(*j)["max_per_week"].is_null())
    r.max_per_week = web::json_int(*j, "max_per_week", st);
  if (j->contains("min_days") && !(*j)["min_days"].is_null()) r.min_days = web::json_int(*j, "min_days", st);
  if (!st) return web::error(ctx, st);
  st = availability::save_course_rule(ctx.work(), r);
  if (!st) return web::error(ctx, st);
  auto stored = availability::course_rule(ctx.work().conn, id);
  return web::json(200, to_json(stored));
}

}  // namespace mdsc::timetable::handlers
