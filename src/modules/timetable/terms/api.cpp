// The JSON API of terms and rooms: /api/v1/terms, /api/v1/rooms.
#include "modules/timetable/handlers.h"
#include "modules/timetable/terms/operations.h"
#include "modules/timetable/terms/repo.h"
#include "nlohmann/json.hpp"
#include "web/json_body.h"
#include "web/json_list.h"
#include "web/json_record.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {
namespace {

using web::bad_json;
using web::body_json;

// A term from its JSON form; the fields' types are checked here, their values by save_term.
Term term_from_json(const nlohmann::json& j, Status& st) {
  Term t;
  if (j.contains("fiscal_year") && j["fiscal_year"].is_number_integer()) t.fiscal_year = j["fiscal_year"].get<int>();
  else st.field("fiscal_year", "validation.number");
  t.name = web::json_text(j, "name");
  t.starts_on = web::json_text(j, "starts_on");
  t.ends_on = web::json_text(j, "ends_on");
  t.year_end_break = web::json_flag(j, "year_end_break", true);
  t.teaching_weekdays = j.contains("teaching_weekdays") ? web::json_text(j, "teaching_weekdays") : "1111100";
  if (j.contains("periods")) {
    if (!j["periods"].is_array()) st.field("periods", "timetable.periods_invalid");
    else
      for (const auto& p : j["periods"]) {
        if (!p.is_object()) {
          st.field("periods", "timetable.periods_invalid");
          break;
        }
        t.periods.push_back({web::json_text(p, "band"), static_cast<int>(web::json_int(p, "position")), web::json_text(p, "starts_at"),
                                web::json_text(p, "ends_at")});
      }
  }
  return t;
}

nlohmann::json term_with_days(const Term& t) {
  auto j = to_json(t);
  auto days = nlohmann::json::array();
  for (const auto& d : term_days(t)) {
    nlohmann::json day{{"date", d.iso}, {"weekday", d.weekday}, {"status", d.status}};
    if (!d.holiday_id.empty()) day["holiday"] = d.holiday_id;
    if (!d.reason.empty()) day["reason"] = d.reason;
    days.push_back(day);
  }
  j["days"] = days;
  return j;
}

Response save(Context& ctx, std::int64_t id) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st;
  Term t = term_from_json(*j, st);
  t.id = id;
  if (!st) return web::error(ctx, st);
  auto saved = save_term(ctx.work(), t);
  if (!saved) return web::error(ctx, saved.status());
  auto stored = repo::term(ctx.work().conn, *saved);
  return web::json(id ? 200 : 201, term_with_days(*stored));
}

}  // namespace

Response api_terms(Context& ctx) {
  auto terms = repo::terms(ctx.work().conn);
  auto items = nlohmann::json::array();
  for (const auto& t : terms) {
    auto j = to_json(t);
    j.erase("periods");
    j.erase("closed_days");
    items.push_back(j);
  }
  return web::json(200, {{"items", items}});
}

Response api_term(Context& ctx) {
  return web::json_found(ctx, repo::term(ctx.work().conn, ctx.id_param("id")), term_with_days);
}

Response api_term_create(Context& ctx) { return save(ctx, 0); }

Response api_term_update(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (id == 0 || !repo::term(ctx.work().conn, id).has_value()) return web::not_found(ctx);
  return save(ctx, id);
}

Response api_rooms(Context& ctx) {
  return web::json_items(repo::rooms(ctx.work().conn), [](const auto& r) { return to_json(r); });
}

Response api_room_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Room r;
  r.name = web::json_text(*j, "name");
  r.location = web::json_text(*j, "location");
  r.network = web::json_text(*j, "network");
  r.capacity = web::json_int(*j, "capacity");
  r.active = web::json_flag(*j, "active", true);
  auto saved = save_room(ctx.work(), r);
  if (!saved) return web::error(ctx, saved.status());
  r.id = *saved;
  return web::json(201, to_json(r));
}

}  // namespace mdsc::timetable::handlers
