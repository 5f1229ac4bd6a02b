// A partner company's representative answers whether the type B applicants naming the company are
// its employees; only then does an application hold one of the company's seats (decision 0012).
#include "core/i18n.h"
#include "modules/admissions/handlers.h"
#include "modules/admissions/operations.h"
#include "modules/admissions/repo.h"
#include "modules/members/views.h"
#include "platform/web_actor.h"
#include "web/fiscal_years.h"
#include "web/json_body.h"
#include "web/render.h"
#include "web/templates.h"

namespace mdsc::admissions::handlers {
namespace {

// Who may answer for the company an application names: its representatives and the secretariat.
bool may_answer_for(const Context& ctx, std::int64_t company_id) {
  return ctx.me().has(web::Role::secretariat) ||
         ctx.me().has_scoped(web::Role::partner_representative, "company", company_id);
}

std::string confirmation_label(const Context& ctx, const Application& a) {
  return a.company_confirmation.empty() ? "" : ctx.t("application.company." + a.company_confirmation);
}

nlohmann::json row(const Context& ctx, const Application& a) {
  return {{"id", a.id},
          {"name", a.full_name()},
          {"kana", a.family_name_kana + " " + a.given_name_kana},
          {"email", a.email},
          {"company", a.company_name},
          {"affiliation", a.affiliation + (a.position.empty() ? "" : " " + a.position)},
          {"submitted", i18n::format_datetime(ctx.lang, a.submitted_at)},
          {"confirmation", confirmation_label(ctx, a)},
          {"confirmation_code", a.company_confirmation},
          {"answer_reason", a.company_answer_reason},
          {"seat", a.seat_status.empty() ? "" : ctx.t("seat.status." + a.seat_status)},
          {"status", ctx.t("application.status." + a.status)},
          {"pending", a.company_confirmation == "pending" && a.status == "submitted"},
          {"action", "/admissions/applications/" + std::to_string(a.id) + "/company"}};
}

// Loads the application and checks that the user may answer for its company; 404 otherwise, so
// that a representative learns nothing about other companies' applicants.
std::optional<Application> answerable(Context& ctx, std::int64_t id) {
  auto a = ctx.db().read([&](db::Conn& c) { return repo::application(c, id); });
  if (!a || a->trainee_type != "B" || !may_answer_for(ctx, a->company_id)) return std::nullopt;
  return a;
}

}  // namespace

Response company_applications(Context& ctx) {
  int fy = web::requested_fiscal_year(ctx);
  auto companies = ctx.me().scope_ids(web::Role::partner_representative);
  auto list = ctx.db().read([&](db::Conn& c) { return repo::applications_naming(c, companies, fy); });
  auto rows = nlohmann::json::array();
  for (const auto& a : list) rows.push_back(row(ctx, a));
  return web::page(ctx, "admissions/company_applications.html", "company_applications.title",
                   {{"rows", rows}, {"fy", web::fiscal_year_nav(ctx, "/company-applications", fy)}});
}

Response company_answer(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  auto a = answerable(ctx, id);
  if (!a) return web::not_found(ctx);
  bool ours = ctx.form.get("answer") == "confirm";
  if (!ours && ctx.form.get("answer") != "reject")
    return web::error(ctx, Status::invalid().field("answer", "validation.choice"));
  Status st = answer_company_confirmation(ctx.db(), audit::actor_of(ctx), id, ours, ctx.form.trimmed("reason"),
                                          ctx.now());
  std::string back = ctx.me().has(web::Role::secretariat) && !ctx.me().has(web::Role::partner_representative)
                         ? "/admissions/applications/" + std::to_string(id)
                         : "/company-applications?fy=" + std::to_string(a->fiscal_year);
  if (!st) {
    ctx.flash_next("error", st.fields().empty() ? st.message_id() : st.fields().begin()->second.message_id);
    return web::redirect(ctx, back);
  }
  if (ctx.services.after_commit) ctx.services.after_commit();
  ctx.flash_next("success", ours ? "company_applications.confirmed" : "company_applications.rejected");
  return web::redirect(ctx, back);
}

Response api_company_applications(Context& ctx) {
  int fy = web::requested_fiscal_year(ctx);
  auto companies = ctx.me().scope_ids(web::Role::partner_representative);
  auto list = ctx.db().read([&](db::Conn& c) { return repo::applications_naming(c, companies, fy); });
  auto items = nlohmann::json::array();
  for (const auto& a : list)
    items.push_back({{"id", a.id}, {"fiscal_year", a.fiscal_year}, {"name", a.full_name()}, {"email", a.email},
                     {"company_id", a.company_id}, {"company_confirmation", a.company_confirmation},
                     {"company_answer_reason", a.company_answer_reason}, {"seat_status", a.seat_status},
                     {"status", a.status}, {"submitted_at", to_iso_utc(a.submitted_at)}});
  return web::json(200, {{"items", items}});
}

Response api_company_answer(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  if (!answerable(ctx, id)) return web::not_found(ctx);
  auto j = web::body_json(ctx);
  if (!j || !j->contains("ours") || !(*j)["ours"].is_boolean()) return web::bad_json(ctx);
  std::string reason = j->contains("reason") && (*j)["reason"].is_string() ? (*j)["reason"].get<std::string>() : "";
  Status st = answer_company_confirmation(ctx.db(), audit::actor_of(ctx), id, (*j)["ours"].get<bool>(), reason,
                                          ctx.now());
  if (!st) return web::error(ctx, st);
  if (ctx.services.after_commit) ctx.services.after_commit();
  auto a = ctx.db().read([&](db::Conn& c) { return repo::application(c, id); });
  return web::json(200, to_json(*a));
}

std::string company_panel(web::Context& ctx) {
  auto companies = ctx.me().scope_ids(web::Role::partner_representative);
  auto waiting = ctx.db().read([&](db::Conn& c) { return repo::count_waiting_for_companies(c, companies); });
  return web::render_template("admissions/panel_company.html", ctx.lang,
                              {{"waiting", waiting}, {"has_waiting", waiting > 0},
                               {"href", "/company-applications?fy=" +
                                            std::to_string(web::current_fiscal_year(ctx.now()))}});
}

}  // namespace mdsc::admissions::handlers
