// A partner company's representative answers whether the type B applicants naming the company are
// its employees; only then does an application hold one of the company's seats (decision 0012).
#include "core/i18n.h"
#include "modules/admissions/handlers.h"
#include "modules/admissions/operations.h"
#include "modules/admissions/repo.h"
#include "modules/admissions/views.h"
#include "platform/work.h"
#include "web/fiscal_years.h"
#include "web/flash_redirect.h"
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

// Loads the application and checks that the user may answer for its company; 404 otherwise, so
// that a representative learns nothing about other companies' applicants.
std::optional<Application> answerable(Context& ctx, std::int64_t id) {
  auto a = repo::application(ctx.work().conn, id);
  if (!a || a->trainee_type != "B" || !may_answer_for(ctx, a->company_id)) return std::nullopt;
  return a;
}

}  // namespace

Response company_applications(Context& ctx) {
  int fy = web::requested_fiscal_year(ctx);
  auto companies = ctx.me().scope_ids(web::Role::partner_representative);
  auto rows = nlohmann::json::array();
  for (const auto& a : repo::applications_naming(ctx.work().conn, companies, fy)) rows.push_back(application_view(ctx, a));
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
  Status st = answer_company_confirmation(ctx.work(), id, ours, ctx.form.trimmed("reason"));
  std::string back = ctx.me().has(web::Role::secretariat) && !ctx.me().has(web::Role::partner_representative)
                         ? "/admissions/applications/" + std::to_string(id)
                         : "/company-applications?fy=" + std::to_string(a->fiscal_year);
  if (!st) {
    ctx.flash_next("error", st.fields().empty() ? st.message_id() : st.fields().begin()->second.message_id);
    return web::redirect(ctx, back);
  }
  return web::redirect_with_success(ctx, ours ? "company_applications.confirmed" : "company_applications.rejected",
                                    back);
}

Response api_company_applications(Context& ctx) {
  int fy = web::requested_fiscal_year(ctx);
  auto companies = ctx.me().scope_ids(web::Role::partner_representative);
  auto items = nlohmann::json::array();
  for (const auto& a : repo::applications_naming(ctx.work().conn, companies, fy)) {
    auto j = entity::to_json(a);
    j["name"] = a.full_name();
    items.push_back(std::move(j));
  }
  return web::json(200, {{"items", items}});
}

Response api_company_answer(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  if (!answerable(ctx, id)) return web::not_found(ctx);
  auto j = web::body_json(ctx);
  if (!j || !j->contains("ours") || !(*j)["ours"].is_boolean()) return web::bad_json(ctx);
  std::string reason = j->contains("reason") && (*j)["reason"].is_string() ? (*j)["reason"].get<std::string>() : "";
  Status st = answer_company_confirmation(ctx.work(), id, (*j)["ours"].get<bool>(), reason);
  if (!st) return web::error(ctx, st);
  return web::json(200, entity::to_json(*repo::application(ctx.work().conn, id)));
}

std::string company_panel(web::Context& ctx) {
  auto companies = ctx.me().scope_ids(web::Role::partner_representative);
  auto waiting = repo::count_waiting_for_companies(ctx.work().conn, companies);
  return web::render_template("admissions/panel_company.html", ctx.lang,
                              {{"waiting", waiting}, {"has_waiting", waiting > 0},
                               {"href", "/company-applications?fy=" +
                                            std::to_string(web::current_fiscal_year(ctx.now()))}});
}

}  // namespace mdsc::admissions::handlers
