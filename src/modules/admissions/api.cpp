// The admissions API: program years and applications (docs in openapi/openapi.json).
#include <charconv>

#include "modules/admissions/handlers.h"
#include "modules/admissions/operations.h"
#include "modules/admissions/repo.h"
#include "platform/work.h"
#include "web/json_body.h"
#include "web/json_list.h"
#include "web/json_record.h"
#include "web/render.h"

namespace mdsc::admissions::handlers {
namespace {

// An application as it stands after a write.
nlohmann::json stored_application(Context& ctx, std::int64_t id) {
  return entity::to_json(*repo::application(ctx.work().conn, id));
}

}  // namespace

Response api_years(Context& ctx) {
  return web::json_items(repo::program_years(ctx.work().conn), [](const auto& y) { return entity::to_json(y); });
}

Response api_year(Context& ctx) {
  return web::json_found(ctx, repo::program_year(ctx.work().conn, static_cast<int>(ctx.id_param("fy"))),
                         [](const auto& y) { return entity::to_json(y); });
}

Response api_year_put(Context& ctx) {
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  ProgramYear y;
  Status st;
  entity::from_json(*j, y, st);
  y.fiscal_year = static_cast<int>(ctx.id_param("fy"));
  if (st) st = save_program_year(ctx.work(), y);
  if (!st) return web::error(ctx, st);
  return web::json(200, entity::to_json(y));
}

Response api_applications(Context& ctx) {
  repo::Query q;
  std::string fy = ctx.query.get("fiscal_year");
  std::from_chars(fy.data(), fy.data() + fy.size(), q.fiscal_year);
  q.trainee_type = ctx.query.get("type");
  q.status = ctx.query.get("status");
  auto p = web::page_request(ctx);
  q.limit = p.per_page;
  q.offset = p.offset();
  auto items =
      web::json_array(repo::applications(ctx.work().conn, q), [](const auto& a) { return entity::to_json(a); });
  return web::json(200, web::paged(p, repo::count_applications(ctx.work().conn, q), items));
}

Response api_application(Context& ctx) {
  return web::json_found(ctx, repo::application(ctx.work().conn, ctx.id_param("id")),
                         [](const auto& a) { return entity::to_json(a); });
}

Response api_application_create(Context& ctx) {
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Application a;
  Status st;
  entity::from_json(*j, a, st);
  a.fiscal_year = j->value("fiscal_year", 0);
  if (!j->contains("lang")) a.lang = "ja";
  if (!st) return web::error(ctx, st);
  SubmitOptions opt;
  opt.consent = j->value("consent", false);
  opt.late = j->value("late", false);
  return web::created(ctx, submit_application(ctx.work(), a, opt), stored_application);
}

Response api_application_decide(Context& ctx) {
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  std::int64_t id = ctx.id_param("id");
  auto text = [&](const char* k) { return j->contains(k) && (*j)[k].is_string() ? (*j)[k].get<std::string>() : ""; };
  return web::changed(ctx, decide_application(ctx.work(), id, text("decision"), text("reason")), id,
                      stored_application);
}

}  // namespace mdsc::admissions::handlers
