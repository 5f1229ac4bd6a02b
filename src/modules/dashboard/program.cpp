#include "modules/dashboard/program.h"

#include "core/i18n.h"
#include "modules/dashboard/repo.h"
#include "platform/work.h"
#include "web/context.h"
#include "web/render.h"
#include "web/templates.h"

namespace mdsc::dashboard {
namespace {

const web::Access& program_roles() {
  static const web::Access a = web::Access::roles({web::Role::steering_committee, web::Role::promotion_office,
                                                   web::Role::career_office, web::Role::supervisor,
                                                   web::Role::institution_officer});
  return a;
}

std::string render(web::Context& ctx) {
  const std::string today = i18n::tokyo_date_iso(ctx.now());
  const int fy = i18n::fiscal_year_of(std::stoi(today.substr(0, 4)), std::stoi(today.substr(5, 2)),
                                      std::stoi(today.substr(8, 2)));
  const auto institutions = ctx.me().scope_ids(web::Role::institution_officer);
  const auto row = repo::program_figures(ctx.work().conn, fy, today, institutions);

  nlohmann::json d{{"fy", i18n::fiscal_year_display(ctx.lang, fy)},
                   {"courses", row.courses},
                   {"confirmed", ctx.t("dashboard.program.confirmed", {{"count", std::to_string(row.confirmed)}})},
                   {"accepted_a", std::to_string(row.accepted_a) + " / " + std::to_string(row.target_a)},
                   {"accepted_b", std::to_string(row.accepted_b) + " / " + std::to_string(row.target_b)},
                   {"catalog_href", "/catalog?fy=" + std::to_string(fy)}};
  const auto sessions = row.sessions, held = row.held;
  const std::string& next = row.next_day;
  std::int64_t next_unix = 0;
  if (sessions == 0) {
    d["timetable"] = ctx.t("dashboard.program.no_timetable");
  } else if (!next.empty() && i18n::tokyo_to_unix(next, "12:00:00", next_unix)) {
    d["timetable"] = ctx.t("dashboard.program.sessions_next", {{"held", std::to_string(held)}, {"total", std::to_string(sessions)},
                                                              {"next", i18n::format_date(ctx.lang, next_unix)}});
  } else {
    d["timetable"] = ctx.t("dashboard.program.sessions", {{"held", std::to_string(held)}, {"total", std::to_string(sessions)}});
  }
  if (!institutions.empty())
    d["taught"] = ctx.t("dashboard.program.institution_courses", {{"count", std::to_string(row.taught)}});
  // The pages each role may open (the routes' own access rules).
  const auto term = row.term_id;
  if (term && ctx.user->has(web::Role::steering_committee))
    d["week_href"] = "/timetable/terms/" + std::to_string(term) + "/week";
  if (ctx.user->has(web::Role::promotion_office)) {
    d["courses_href"] = "/courses?fy=" + std::to_string(fy);
    d["instructors_href"] = "/instructors";
  }
  return web::render_template("dashboard/program.html", ctx.lang, d);
}

}  // namespace

web::DashboardPanel program_panel() { return {"dashboard.panel.program", program_roles(), render, 10}; }

}  // namespace mdsc::dashboard
