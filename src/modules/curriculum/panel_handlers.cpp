// The curriculum's dashboard panels: a trainee's courses, an instructor's courses.
#include "core/i18n.h"
#include "modules/curriculum/handlers.h"
#include "modules/curriculum/repo.h"
#include "modules/curriculum/views.h"
#include "platform/work.h"
#include "web/templates.h"

namespace mdsc::curriculum::handlers {

// The trainee's courses of the newest year they have any in.
std::string trainee_panel(Context& ctx) {
  repo::EnrollmentQuery q;
  q.user_id = ctx.user_id();
  const auto mine = repo::enrollments(ctx.work().conn, q);
  int fy = mine.empty() ? 0 : mine.front().fiscal_year;  // newest year first
  auto rows = nlohmann::json::array();
  for (const auto& e : mine)
    if (e.fiscal_year == fy) rows.push_back(enrollment_row(ctx, e));
  return web::render_template("curriculum/panel_trainee.html", ctx.lang,
                              {{"rows", rows}, {"fy", fy ? i18n::fiscal_year_display(ctx.lang, fy) : ""}});
}

std::string instructor_panel(Context& ctx) {
  auto& c = ctx.work().conn;
  std::vector<Course> courses;
  for (auto id : taught_courses(c, ctx.me()))
    if (auto course = repo::course(c, id)) courses.push_back(*course);
  auto rows = nlohmann::json::array();
  for (const auto& c : courses) {
    auto r = course_row(ctx, c);
    r["fy"] = i18n::fiscal_year_label(c.fiscal_year);
    rows.push_back(r);
  }
  return web::render_template("curriculum/panel_instructor.html", ctx.lang, {{"rows", rows}});
}

}  // namespace mdsc::curriculum::handlers
