#include "modules/members/views.h"

#include <charconv>

#include "core/i18n.h"
#include "modules/members.h"
#include "modules/members/eligibility.h"
#include "modules/members/repo.h"
#include "platform/work.h"

namespace mdsc::members {

bool is_venture_now(const Organization& o, std::int64_t now) { return is_venture(o, web::current_fiscal_year(now)); }

std::string membership_status_label(const web::Context& ctx, MembershipStatus status) {
  return ctx.t("membership.status." + std::string(name_of(status)));
}

nlohmann::json membership_row(const web::Context& ctx, const Membership& m) {
  return {{"id", m.id},
          {"href", "/memberships/" + std::to_string(m.id)},
          {"fy", i18n::fiscal_year_display(ctx.lang, m.fiscal_year)},
          {"tier", m.tier_code},
          {"status", membership_status_label(ctx, m.status)},
          {"status_code", name_of(m.status)},
          {"seats", std::to_string(m.seats_used) + " / " + std::to_string(m.seats_total())}};
}

nlohmann::json membership_form_data(const web::Context& ctx, const Organization& company,
                                    const std::vector<FeeSchedule>& schedules, const nlohmann::json& form) {
  std::string chosen = form["values"].contains("plan") ? form["values"]["plan"].get<std::string>() : "";
  // Every year with a fee schedule, newest first: the secretariat may record past years too.
  auto groups = nlohmann::json::array();
  for (auto it = schedules.rbegin(); it != schedules.rend(); ++it) {
    const auto& s = *it;
    auto options = nlohmann::json::array();
    for (const auto& t : s.tiers) {
      std::string value = std::to_string(s.fiscal_year) + ":" + t.code;
      bool eligible = check_eligibility(company, t, s.fiscal_year).is_ok();
      options.push_back({{"value", value},
                         {"label", t.code + " " + t.name(ctx.lang) + " " + i18n::yen(t.annual_fee) +
                                       (eligible ? "" : " — " + ctx.t("memberships.not_eligible"))},
                         {"selected", value == chosen}});
    }
    groups.push_back({{"label", i18n::fiscal_year_display(ctx.lang, s.fiscal_year)}, {"options", options}});
  }
  nlohmann::json d{{"company", {{"id", company.id}, {"name", company.name}, {"href", "/companies/" + std::to_string(company.id)}}},
                   {"groups", groups},
                   {"has_groups", !groups.empty()},
                   {"venture", is_venture_now(company, ctx.now())},
                   {"active", form["values"].value("status", "") == "active"},
                   {"form", form}};
  if (form["errors"].contains("plan")) d["plan_error"] = form["errors"]["plan"];
  return d;
}

nlohmann::json organization_view(const web::Context& ctx, const Organization& o) {
  bool manage = manages_members(ctx.user);
  std::string today = i18n::tokyo_date_iso(ctx.now());
  nlohmann::json d;
  d["org"] = to_json(o);
  d["is_company"] = o.kind == "company";
  d["manage"] = manage;
  d["kind_label"] = o.kind == "company" ? ctx.t("company_type." + o.company_type) : ctx.t("org.kind." + o.kind);
  d["employees"] = o.employee_count ? i18n::grouped(*o.employee_count) : "-";
  d["venture"] = o.kind == "company" && is_venture_now(o, ctx.now());
  d["base"] = o.kind == "company" ? "/companies" : "/institutions";
  if (o.kind != "company") return d;

  db::Conn& c = ctx.work().conn;
  const auto memberships = repo::memberships_of_company(c, o.id);
  const auto invoices = billed(c, {.company_id = o.id, .today = today});
  const auto candidates = repo::representative_candidates(c, o.id);
  auto ms = nlohmann::json::array();
  for (const auto& m : memberships) ms.push_back(membership_row(ctx, m));
  d["memberships"] = ms;
  auto inv = nlohmann::json::array();
  for (const auto& i : invoices)
    inv.push_back({{"href", "/invoices/" + std::to_string(i.id)}, {"number", i.number}, {"issue_date", i.issue_date},
                   {"total", i18n::yen(i.total)}, {"status", ctx.t("invoice.status." + i.status)},
                   {"status_code", i.status}});
  d["invoices"] = inv;
  auto name_of = [&](std::int64_t id) -> std::string {
    for (const auto& [uid, label] : candidates)
      if (uid == id) return label;
    return id ? "#" + std::to_string(id) : "";
  };
  d["representative"] = name_of(o.representative_user_id);
  d["substitute"] = name_of(o.substitute_user_id);
  auto rep_opts = nlohmann::json::array(), sub_opts = nlohmann::json::array();
  for (const auto& [uid, label] : candidates) {
    rep_opts.push_back({{"value", uid}, {"label", label}, {"selected", uid == o.representative_user_id}});
    sub_opts.push_back({{"value", uid}, {"label", label}, {"selected", uid == o.substitute_user_id}});
  }
  d["rep_options"] = rep_opts;
  d["sub_options"] = sub_opts;
  d["has_candidates"] = !candidates.empty();
  d["new_membership_href"] = "/memberships/new?company=" + std::to_string(o.id);
  return d;
}

}  // namespace mdsc::members
