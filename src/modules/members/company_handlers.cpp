#include "core/i18n.h"
#include "modules/members/forms.h"
#include "modules/members/handlers.h"
#include "modules/members/operations.h"
#include "modules/members/repo.h"
#include "modules/members/views.h"
#include "web/flash_redirect.h"
#include "web/form_values.h"
#include "web/render.h"

namespace mdsc::members::handlers {
namespace {

std::string kind_of(const Context& ctx) { return ctx.req.path.rfind("/institutions", 0) == 0 ? "university" : "company"; }
std::string base_path(const std::string& kind) { return kind == "company" ? "/companies" : "/institutions"; }

Response show_form(Context& ctx, const Organization& o, const Status& st, bool is_new) {
  auto form = web::form_state(ctx, st);
  std::string base = base_path(o.kind);
  nlohmann::json d{{"form", form},
                   {"fields", web::fields(ctx, organization_fields(o), form)},
                   {"action", is_new ? base : base + "/" + std::to_string(o.id)},
                   {"back", is_new ? base : base + "/" + std::to_string(o.id)},
                   {"is_company", o.kind == "company"}};
  if (o.kind != "company") {
    auto kinds = nlohmann::json::array();
    for (const char* k : {"university", "research_institute"})
      kinds.push_back({{"value", k}, {"label", ctx.t(std::string("org.kind.") + k)}, {"selected", o.kind == k}});
    d["kinds"] = kinds;
  }
  std::string title = o.kind == "company" ? (is_new ? "companies.new" : "companies.edit")
                                          : (is_new ? "institutions.new" : "institutions.edit");
  return web::page(ctx, "members/organization_form.html", title, d, st ? 200 : http_status(st.code()));
}

}  // namespace

Response organizations_list(Context& ctx) {
  std::string kind = kind_of(ctx);
  repo::OrgQuery q;
  q.search = web::trim(ctx.query.get("q"));
  q.company_type = ctx.query.get("type");
  auto p = web::page_request(ctx);
  q.limit = p.per_page;
  q.offset = p.offset();
  q.kind = kind == "company" ? "company" : "institution";
  if (kind == "company") q.only_ids = own_companies(ctx.me());
  const auto orgs = repo::organizations(ctx.work().conn, q);
  const auto total = repo::count_organizations(ctx.work().conn, q);
  auto rows = nlohmann::json::array();
  for (const auto& o : orgs) {
    rows.push_back({{"id", o.id}, {"name", o.name}, {"name_en", o.name_en},
                    {"type", o.kind == "company" ? ctx.t("company_type." + o.company_type) : ctx.t("org.kind." + o.kind)},
                    {"employees", o.employee_count ? i18n::grouped(*o.employee_count) : "-"},
                    {"venture", o.kind == "company" && is_venture_now(o, ctx.now())},
                    {"href", base_path(kind) + "/" + std::to_string(o.id)}});
  }
  auto types = nlohmann::json::array();
  for (const auto& t : company_types())
    types.push_back({{"value", t}, {"label", ctx.t("company_type." + t)}, {"selected", t == q.company_type}});
  nlohmann::json d{{"rows", rows}, {"q", q.search}, {"types", types}, {"is_company", kind == "company"},
                   {"manage", manages_members(ctx.user)}, {"base", base_path(kind)}, {"total", total}};
  return web::page(ctx, "members/organizations.html", kind == "company" ? "companies.title" : "institutions.title", d);
}

Response organization_new(Context& ctx) {
  Organization o;
  o.kind = kind_of(ctx);
  if (o.kind != "company") o.kind = ctx.query.get("kind") == "research_institute" ? "research_institute" : "university";
  return show_form(ctx, o, Status::ok(), true);
}

Response organization_create(Context& ctx) {
  Status st;
  std::string kind = kind_of(ctx);
  if (kind != "company") kind = ctx.form.get("kind") == "research_institute" ? "research_institute" : "university";
  Organization o = read_organization(ctx.form, kind, st);
  if (st) {
    auto r = create_organization(ctx.work(), o);
    if (r) {
      return web::redirect_with_success(ctx, "companies.created", base_path(kind_of(ctx)) + "/" + std::to_string(*r));
    }
    st = r.status();
  }
  return show_form(ctx, o, st, true);
}

Response organization_show(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  if (!can_view_company(ctx.user, id)) return web::not_found(ctx);
  auto o = repo::organization(ctx.work().conn, id);
  if (!o || (kind_of(ctx) == "company") != (o->kind == "company")) return web::not_found(ctx);
  return web::page(ctx, "members/organization.html", o->kind == "company" ? "companies.detail" : "institutions.detail",
                   organization_view(ctx, *o));
}

Response organization_edit(Context& ctx) {
  auto o = repo::organization(ctx.work().conn, ctx.id_param("id"));
  if (!o || (kind_of(ctx) == "company") != (o->kind == "company")) return web::not_found(ctx);
  return show_form(ctx, *o, Status::ok(), false);
}

Response organization_update(Context& ctx) {
  auto before = repo::organization(ctx.work().conn, ctx.id_param("id"));
  if (!before || (kind_of(ctx) == "company") != (before->kind == "company")) return web::not_found(ctx);
  Status st;
  Organization o = read_organization(ctx.form, before->kind, st);
  o.id = before->id;
  if (st) st = update_organization(ctx.work(), before->id, o);
  if (!st) return show_form(ctx, o, st, false);
  return web::redirect_with_success(
      ctx, "companies.saved",
      base_path(before->kind == "company" ? "company" : "university") + "/" + std::to_string(o.id));
}

Response representatives_update(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  Status st;
  auto rep = web::read_number(ctx.form.get("representative_user_id"), "representative_user_id", st).value_or(0);
  auto sub = web::read_number(ctx.form.get("substitute_user_id"), "substitute_user_id", st).value_or(0);
  if (st) st = set_representatives(ctx.work(), id, rep, sub);
  if (st.code() == Code::not_found) return web::not_found(ctx);
  if (!st) {
    auto o = repo::organization(ctx.work().conn, id);
    auto d = organization_view(ctx, *o);
    d["rep_form"] = web::form_state(ctx, st);
    return web::page(ctx, "members/organization.html", "companies.detail", d, 422);
  }
  return web::redirect_with_success(ctx, "companies.representatives_saved", "/companies/" + std::to_string(id));
}

}  // namespace mdsc::members::handlers
