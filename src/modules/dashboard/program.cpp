#include "modules/dashboard/program.h"

#include "core/i18n.h"
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
  std::string sql =
      "SELECT (SELECT COUNT(*) FROM courses WHERE fiscal_year = ?) AS courses, "
      "(SELECT COUNT(*) FROM courses WHERE fiscal_year = ? AND status = 'confirmed') AS confirmed, "
      "(SELECT COUNT(*) FROM applications WHERE fiscal_year = ? AND status = 'accepted' AND trainee_type = 'A') AS accepted_a, "
      "(SELECT COUNT(*) FROM applications WHERE fiscal_year = ? AND status = 'accepted' AND trainee_type = 'B') AS accepted_b, "
      "(SELECT COALESCE(MAX(target_a), 0) FROM program_years WHERE fiscal_year = ?) AS target_a, "
      "(SELECT COALESCE(MAX(target_b), 0) FROM program_years WHERE fiscal_year = ?) AS target_b, "
      "(SELECT COUNT(*) FROM course_sessions s JOIN terms t ON t.id = s.term_id "
      " WHERE t.fiscal_year = ? AND s.status = 'scheduled') AS sessions, "
      "(SELECT COUNT(*) FROM course_sessions s JOIN terms t ON t.id = s.term_id "
      " WHERE t.fiscal_year = ? AND s.status = 'scheduled' AND s.day < ?) AS held, "
      "(SELECT COALESCE(MIN(s.day), '') FROM course_sessions s JOIN terms t ON t.id = s.term_id "
      " WHERE t.fiscal_year = ? AND s.status = 'scheduled' AND s.day >= ?) AS next_day, "
      "(SELECT COALESCE(MIN(id), 0) FROM terms WHERE fiscal_year = ? AND ends_on >= ?) AS term_id";
  db::Params p{fy, fy, fy, fy, fy, fy, fy, fy, today, fy, today, fy, today};
  if (!institutions.empty()) {
    sql += ", (SELECT COUNT(DISTINCT ci.course_id) FROM course_instructors ci JOIN instructors i ON i.id = ci.instructor_id "
           "JOIN courses k ON k.id = ci.course_id WHERE k.fiscal_year = ? AND i.organization_id IN (";
    p.emplace_back(fy);
    for (std::size_t i = 0; i < institutions.size(); ++i) {
      sql += i ? ", ?" : "?";
      p.emplace_back(institutions[i]);
    }
    sql += ")) AS taught";
  }
  const auto row = *ctx.db().read([&](db::Conn& c) { return c.query_one(sql, p); });

  nlohmann::json d{{"fy", i18n::fiscal_year_display(ctx.lang, fy)},
                   {"courses", row.i64("courses")},
                   {"confirmed", ctx.t("dashboard.program.confirmed", {{"count", std::to_string(row.i64("confirmed"))}})},
                   {"accepted_a", std::to_string(row.i64("accepted_a")) + " / " + std::to_string(row.i64("target_a"))},
                   {"accepted_b", std::to_string(row.i64("accepted_b")) + " / " + std::to_string(row.i64("target_b"))},
                   {"catalog_href", "/catalog?fy=" + std::to_string(fy)}};
  const auto sessions = row.i64("sessions"), held = row.i64("held");
  const std::string next = row.str("next_day");
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
    d["taught"] = ctx.t("dashboard.program.institution_courses", {{"count", std::to_string(row.i64("taught"))}});
  // The pages each role may open (the routes' own access rules).
  const auto term = row.i64("term_id");
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
