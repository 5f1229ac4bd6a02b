#include <algorithm>

#include "core/i18n.h"
#include "modules/dashboard/module.h"
#include "modules/dashboard/program.h"
#include "modules/dashboard/repo.h"
#include "modules/dashboard/work_queue.h"
#include "platform/work.h"
#include "web/context.h"
#include "web/registry.h"
#include "web/render.h"
#include "web/templates.h"

namespace mdsc::dashboard {
namespace {

http::Response home(web::Context& ctx) {
  if (!ctx.user) return web::page(ctx, "dashboard/public.html", "home.title");
  std::vector<const web::DashboardPanel*> panels;
  for (const auto& p : ctx.services.registry.panels())
    if (p.access.allows(ctx.user)) panels.push_back(&p);
  std::stable_sort(panels.begin(), panels.end(),
                   [](const web::DashboardPanel* a, const web::DashboardPanel* b) { return a->order < b->order; });
  auto list = nlohmann::json::array();
  for (const auto* p : panels)
    list.push_back({{"title", ctx.t(p->title_id)}, {"body", p->render(ctx)}, {"id", "panel-" + std::to_string(list.size())}});
  auto roles = nlohmann::json::array();
  for (const auto& g : ctx.me().roles) roles.push_back(ctx.t("role." + std::string(web::role_name(g.role))));
  return web::page(ctx, "dashboard/dashboard.html", "dashboard.title",
                   {{"panels", list}, {"name", ctx.me().display_name}, {"roles", roles},
                    {"no_roles", ctx.me().roles.empty()}});
}

web::DashboardPanel secretariat_overview() {
  return {"dashboard.panel.overview", web::Access::roles({web::Role::secretariat}),
          [](web::Context& ctx) {
            std::int64_t now = ctx.now();
            std::int64_t day_start = now;
            i18n::tokyo_to_unix(i18n::tokyo_date_iso(now), "00:00:00", day_start);
            const auto counts = repo::overview(ctx.work().conn, now, day_start);
            return web::render_template("dashboard/overview.html", ctx.lang,
                                        {{"users", i18n::grouped(counts.users)},
                                         {"sessions", i18n::grouped(counts.sessions)},
                                         {"changes", i18n::grouped(counts.changes)}});
          },
          10};
}

}  // namespace

void register_module(web::Registry& reg) {
  reg.route({"GET", "/", web::RouteKind::html, web::Access::anyone(), home});
  reg.nav({"nav.dashboard", "/", web::Access::signed_in(), 0});
  reg.panel(work_queue_panel());
  reg.panel(secretariat_overview());
  reg.panel(program_panel());
}

}  // namespace mdsc::dashboard
