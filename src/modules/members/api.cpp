#include "core/i18n.h"
#include "modules/members/forms.h"
#include "modules/members/handlers.h"
#include "modules/members/operations.h"
#include "modules/members/overview.h"
#include "modules/members/repo.h"
#include "web/form_values.h"
#include "web/json_body.h"
#include "web/json_list.h"
#include "web/json_record.h"
#include "web/render.h"

namespace mdsc::members::handlers {
namespace {

using web::body_json;
using web::bad_json;

std::string str(const nlohmann::json& j, const char* k, const std::string& dflt = "") {
  return web::json_text(j, k, dflt);
}

// JSON fields onto an organisation; absent fields keep `base`'s values (PATCH).
Organization organization_from(const nlohmann::json& j, Organization base, Status& st) {
  base.name = str(j, "name", base.name);
  base.name_kana = str(j, "name_kana", base.name_kana);
  base.name_en = str(j, "name_en", base.name_en);
  if (base.kind == "company") base.company_type = str(j, "company_type", base.company_type);
  base.corporate_number = str(j, "corporate_number", base.corporate_number);
  if (j.contains("employee_count")) {
    if (j["employee_count"].is_null()) base.employee_count.reset();
    else if (j["employee_count"].is_number_integer()) base.employee_count = j["employee_count"].get<std::int64_t>();
    else st.field("employee_count", "validation.number");
  }
  base.founded_on = str(j, "founded_on", base.founded_on);
  base.postal_code = str(j, "postal_code", base.postal_code);
  base.address = str(j, "address", base.address);
  base.phone = str(j, "phone", base.phone);
  base.email = str(j, "email", base.email);
  base.contact_name = str(j, "contact_name", base.contact_name);
  base.contact_department = str(j, "contact_department", base.contact_department);
  if (j.contains("active") && j["active"].is_boolean()) base.active = j["active"].get<bool>();
  return base;
}

FeeSchedule schedule_from(const nlohmann::json& j, int fy, Status& st) {
  FeeSchedule s;
  s.fiscal_year = fy;
  s.monitor_period = j.value("monitor_period", false);
  s.notes = str(j, "notes");
  if (!j.contains("tiers") || !j["tiers"].is_array()) {
    st.field("tiers", "members.schedule_needs_tiers");
    return s;
  }
  for (const auto& t : j["tiers"]) {
    if (!t.is_object()) {
      st.field("tiers", "validation.invalid_input");
      continue;
    }
    FeeTier tier;
    tier.code = str(t, "code");
    tier.name_ja = str(t, "name_ja");
    tier.name_en = str(t, "name_en");
    if (t.contains("annual_fee") && t["annual_fee"].is_number_integer()) tier.annual_fee = t["annual_fee"].get<std::int64_t>();
    else st.field("tiers." + std::to_string(s.tiers.size()) + ".annual_fee", "validation.number");
    tier.seats = t.contains("seats") && t["seats"].is_number_integer() ? t["seats"].get<int>() : 0;
    tier.includes_lectures = t.value("includes_lectures", false);
    tier.includes_liaison = t.value("includes_liaison", true);
    tier.includes_research = t.value("includes_research", true);
    tier.tax_category = str(t, "tax_category", "10");
    tier.eligibility = str(t, "eligibility", "any");
    s.tiers.push_back(tier);
  }
  return s;
}

nlohmann::json stored_organization(Context& ctx, std::int64_t id) {
  return to_json(*repo::organization(ctx.work().conn, id));
}

nlohmann::json stored_membership(Context& ctx, std::int64_t id) {
  return to_json(*repo::membership(ctx.work().conn, id));
}

}  // namespace

Response api_companies(Context& ctx) {
  auto p = web::page_request(ctx);
  repo::OrgQuery q;
  q.kind = ctx.query.get("kind") == "institution" ? "institution" : "company";
  q.search = ctx.query.get("q");
  q.company_type = ctx.query.get("type");
  q.limit = p.per_page;
  q.offset = p.offset();
  if (q.kind == "company") q.only_ids = own_companies(ctx.me());
  else if (!manages_members(ctx.user)) return web::forbidden(ctx);
  const auto list = repo::organizations(ctx.work().conn, q);
  const auto total = repo::count_organizations(ctx.work().conn, q);
  auto items = web::json_array(list, [](const auto& o) { return to_json(o); });
  return web::json(200, web::paged(p, total, items));
}

Response api_company(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  if (!can_view_company(ctx.user, id)) return web::not_found(ctx);
  auto o = repo::organization(ctx.work().conn, id);
  if (!o) return web::not_found(ctx);
  auto j = to_json(*o);
  auto ms = repo::memberships_of_company(ctx.work().conn, id);
  j["memberships"] = web::json_array(ms, [](const auto& m) { return to_json(m); });
  return web::json(200, j);
}

Response api_company_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st;
  Organization base;
  base.kind = str(*j, "kind", "company");
  Organization o = organization_from(*j, base, st);
  if (!st) return web::error(ctx, st);
  return web::created(ctx, create_organization(ctx.work(), o), stored_organization);
}

Response api_company_update(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  std::int64_t id = ctx.id_param("id");
  // The patch applies to the row as it is under its lock, in one transaction with the representatives.
  Status st = edit_organization(ctx.work(), id, [&](Organization& o) {
    Status parse;
    Organization patched = organization_from(*j, o, parse);
    if (!parse) return parse;
    auto id_of = [&](const char* k, std::int64_t dflt) {
      return j->contains(k) ? ((*j)[k].is_number_integer() ? (*j)[k].get<std::int64_t>() : 0) : dflt;
    };
    patched.representative_user_id = id_of("representative_user_id", o.representative_user_id);
    patched.substitute_user_id = id_of("substitute_user_id", o.substitute_user_id);
    o = patched;
    return Status::ok();
  });
  return web::changed(ctx, st, id, stored_organization);
}

Response api_schedules(Context& ctx) {
  return web::json_items(repo::schedules(ctx.work().conn), [](const auto& s) { return to_json(s); });
}

Response api_schedule(Context& ctx) {
  return web::json_found(ctx, repo::schedule(ctx.work().conn, static_cast<int>(ctx.id_param("fy"))),
                         [](const auto& s) { return to_json(s); });
}

Response api_schedule_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st;
  int fy = (*j).contains("fiscal_year") && (*j)["fiscal_year"].is_number_integer() ? (*j)["fiscal_year"].get<int>() : 0;
  FeeSchedule s = schedule_from(*j, fy, st);
  if (!st) return web::error(ctx, st);
  auto r = create_fee_schedule(ctx.work(), s);
  if (!r) return web::error(ctx, r.status());
  auto saved = repo::schedule(ctx.work().conn, fy);
  return web::json(201, to_json(*saved));
}

Response api_schedule_update(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  int fy = static_cast<int>(ctx.id_param("fy"));
  Status st;
  FeeSchedule s = schedule_from(*j, fy, st);
  if (st) st = update_fee_schedule(ctx.work(), s);
  if (!st) return web::error(ctx, st);
  auto saved = repo::schedule(ctx.work().conn, fy);
  return web::json(200, to_json(*saved));
}

Response api_memberships(Context& ctx) {
  Status ignored;
  int fy = static_cast<int>(web::read_number(ctx.query.get("fiscal_year"), "fiscal_year", ignored).value_or(0));
  auto p = web::page_request(ctx);
  auto own = own_companies(ctx.me());
  db::Conn& c = ctx.work().conn;
  std::vector<Membership> list;
  for (int year : fy ? std::vector<int>{fy} : repo::membership_years(c))
    for (auto& m : repo::memberships_in_year(c, year)) list.push_back(m);
  std::vector<Membership> visible;
  for (const auto& m : list)
    if (own.empty() || std::find(own.begin(), own.end(), m.company_id) != own.end()) visible.push_back(m);
  auto items = nlohmann::json::array();
  for (long i = p.offset(); i < static_cast<long>(visible.size()) && static_cast<long>(items.size()) < p.per_page; ++i)
    items.push_back(to_json(visible[static_cast<std::size_t>(i)]));
  return web::json(200, web::paged(p, static_cast<long>(visible.size()), items));
}

Response api_membership(Context& ctx) {
  auto m = repo::membership(ctx.work().conn, ctx.id_param("id"));
  if (!m || !can_view_company(ctx.user, m->company_id)) return web::not_found(ctx);
  auto j = to_json(*m);
  auto requests = repo::seat_requests(ctx.work().conn, m->id);
  j["seat_requests"] = web::json_array(requests, [](const auto& r) { return to_json(r); });
  return web::json(200, j);
}

Response api_membership_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  auto int_of = [&](const char* k) {
    return (*j).contains(k) && (*j)[k].is_number_integer() ? (*j)[k].get<std::int64_t>() : 0;
  };
  auto status = states<MembershipStatus>().parse(str(*j, "status", "applied"));
  if (!status) return web::error(ctx, Status::invalid().field("status", "validation.choice"));
  auto r = create_membership(ctx.work(), int_of("company_id"), static_cast<int>(int_of("fiscal_year")), str(*j, "tier"),
                             *status);
  return web::created(ctx, r, stored_membership);
}

Response api_membership_update(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  std::int64_t id = ctx.id_param("id");
  Status st = Status::invalid().field("status", "validation.required");
  if (j->contains("status")) st = change_membership_status(ctx.work(), id, str(*j, "status"));
  return web::changed(ctx, st, id, stored_membership);
}

}  // namespace mdsc::members::handlers
