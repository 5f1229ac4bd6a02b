#include <algorithm>

#include "core/i18n.h"
#include "modules/members.h"
#include "modules/members/module.h"
#include "modules/members/overview.h"
#include "modules/members/repo.h"
#include "modules/members/views.h"
#include "platform/work.h"
#include "web/fiscal_years.h"
#include "web/templates.h"

namespace mdsc::members {
namespace {

std::string secretariat_panel(web::Context& ctx) {
  int fy = web::current_fiscal_year(ctx.now());
  std::string today = i18n::tokyo_date_iso(ctx.now());
  auto f = year_figures(ctx.work().conn, fy, today);
  return web::render_template("members/panel_secretariat.html", ctx.lang,
                              {{"fy", i18n::fiscal_year_display(ctx.lang, fy)}, {"members", f.members},
                               {"target", std::to_string(kPartnerTargetLow) + "–" + std::to_string(kPartnerTargetHigh)},
                               {"outstanding", i18n::yen(f.outstanding)}, {"consultations", f.consultations},
                               {"href", "/members?fy=" + std::to_string(fy)}});
}

std::string representative_panel(web::Context& ctx) {
  int fy = web::current_fiscal_year(ctx.now());
  std::string today = i18n::tokyo_date_iso(ctx.now());
  auto companies = nlohmann::json::array();
  for (auto id : ctx.me().scope_ids(web::Role::partner_representative)) {
    auto data = [&](db::Conn& c) -> std::optional<nlohmann::json> {
      auto o = repo::organization(c, id);
      if (!o) return std::nullopt;
      auto memberships = repo::memberships_of_company(c, id);
      std::int64_t unpaid = 0;
      for (const auto& inv : billed(c, {.company_id = id, .today = today})) unpaid += inv.balance;
      nlohmann::json j{{"name", o->name}, {"href", "/companies/" + std::to_string(id)}, {"unpaid", i18n::yen(unpaid)},
                       {"has_unpaid", unpaid > 0}};
      // This year's membership; before it exists (or after it), the newest one.
      auto shown = std::find_if(memberships.begin(), memberships.end(),
                                [&](const Membership& m) { return m.fiscal_year == fy; });
      if (shown == memberships.end()) shown = memberships.begin();
      if (shown != memberships.end()) j["membership"] = membership_row(ctx, *shown);
      return j;
    }(ctx.work().conn);
    if (data) companies.push_back(*data);
  }
  return web::render_template("members/panel_representative.html", ctx.lang,
                              {{"companies", companies}, {"fy", i18n::fiscal_year_display(ctx.lang, fy)}});
}

}  // namespace

void register_panels(web::Registry& reg) {
  reg.panel({"dashboard.panel.members", web::Access::roles({web::Role::secretariat}), secretariat_panel, 15});
  reg.panel({"dashboard.panel.partner_representative", web::Access::roles({web::Role::partner_representative}),
             representative_panel, 15});
}

}  // namespace mdsc::members
