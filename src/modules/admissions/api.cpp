#include <charconv>

#include "modules/admissions/handlers.h"
#include "modules/admissions/operations.h"
#include "modules/admissions/repo.h"
#include "platform/web_actor.h"
#include "web/json_body.h"
#include "web/render.h"

namespace mdsc::admissions::handlers {
namespace {

using web::body_json;
std::string str(const nlohmann::json& j, const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : ""; }
using web::bad_json;

}  // namespace

Response api_years(Context& ctx) {
  auto years = ctx.db().read([](db::Conn& c) { return repo::program_years(c); });
  auto items = nlohmann::json::array();
  for (const auto& y : years) items.push_back(to_json(y));
  return web::json(200, {{"items", items}});
}

Response api_year(Context& ctx) {
  auto y = ctx.db().read([&](db::Conn& c) { return repo::program_year(c, static_cast<int>(ctx.id_param("fy"))); });
  if (!y) return web::not_found(ctx);
  auto j = to_json(*y);
  j["privacy_ja"] = y->privacy_ja;
  j["privacy_en"] = y->privacy_en;
  return web::json(200, j);
}

Response api_year_put(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  ProgramYear y;
  y.fiscal_year = static_cast<int>(ctx.id_param("fy"));
  Status st;
  if (!parse_iso_utc(str(*j, "opens_at"), y.opens_at)) st.field("opens_at", "validation.date");
  if (!parse_iso_utc(str(*j, "closes_at"), y.closes_at)) st.field("closes_at", "validation.date");
  y.program_starts_on = str(*j, "program_starts_on");
  y.target_a = j->value("target_a", 30);
  y.target_b = j->value("target_b", 30);
  y.privacy_version = str(*j, "privacy_version");
  y.privacy_ja = str(*j, "privacy_ja");
  y.privacy_en = str(*j, "privacy_en");
  if (st) st = save_program_year(ctx.db(), audit::actor_of(ctx), y, ctx.now());
  if (!st) return web::error(ctx, st);
  return web::json(200, to_json(y));
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
  auto [list, total] = ctx.db().read([&](db::Conn& c) {
    return std::make_pair(repo::applications(c, q), repo::count_applications(c, q));
  });
  auto items = nlohmann::json::array();
  for (const auto& a : list) items.push_back(to_json(a));
  return web::json(200, web::paged(p, total, items));
}

Response api_application(Context& ctx) {
  auto a = ctx.db().read([&](db::Conn& c) { return repo::application(c, ctx.id_param("id")); });
  if (!a) return web::not_found(ctx);
  return web::json(200, to_json(*a));
}

Response api_application_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Application a;
  a.fiscal_year = j->value("fiscal_year", 0);
  a.email = str(*j, "email");
  a.trainee_type = str(*j, "trainee_type");
  a.a_category = str(*j, "a_category");
  a.family_name = str(*j, "family_name");
  a.given_name = str(*j, "given_name");
  a.family_name_kana = str(*j, "family_name_kana");
  a.given_name_kana = str(*j, "given_name_kana");
  a.romaji_name = str(*j, "romaji_name");
  a.affiliation = str(*j, "affiliation");
  a.position = str(*j, "position");
  a.university = str(*j, "university");
  a.year_of_study = str(*j, "year_of_study");
  a.supervisor_name = str(*j, "supervisor_name");
  a.supervisor_email = str(*j, "supervisor_email");
  a.company_id = j->contains("company_id") && (*j)["company_id"].is_number_integer() ? (*j)["company_id"].get<std::int64_t>() : 0;
  a.programming_experience = str(*j, "programming_experience");
  if (j->contains("tracks") && (*j)["tracks"].is_array())
    for (const auto& t : (*j)["tracks"])
      if (t.is_string()) a.tracks.push_back(t.get<std::string>());
  a.courses_of_interest = str(*j, "courses_of_interest");
  a.lang = str(*j, "lang").empty() ? "ja" : str(*j, "lang");
  a.late_reason = str(*j, "late_reason");
  SubmitOptions opt;
  opt.consent = j->value("consent", false);
  opt.late = j->value("late", false);
  auto r = submit_application(ctx.db(), audit::actor_of(ctx), a, opt, ctx.now());
  if (!r) return web::error(ctx, r.status());
  if (ctx.services.after_commit) ctx.services.after_commit();
  auto saved = ctx.db().read([&](db::Conn& c) { return repo::application(c, *r); });
  return web::json(201, to_json(*saved));
}

Response api_application_decide(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  std::int64_t id = ctx.id_param("id");
  Status st = decide_application(ctx.db(), audit::actor_of(ctx), id, str(*j, "decision"), str(*j, "reason"),
                                 ctx.services.config.base_url, ctx.now());
  if (!st) return web::error(ctx, st);
  if (ctx.services.after_commit) ctx.services.after_commit();
  auto saved = ctx.db().read([&](db::Conn& c) { return repo::application(c, id); });
  return web::json(200, to_json(*saved));
}

}  // namespace mdsc::admissions::handlers
