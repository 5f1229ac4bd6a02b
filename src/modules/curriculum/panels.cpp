#include "core/i18n.h"
#include "modules/curriculum/module.h"
#include "modules/curriculum/policy.h"
#include "modules/curriculum/repo.h"
#include "modules/curriculum/views.h"
#include "web/templates.h"

namespace mdsc::curriculum {
namespace {

// The trainee's courses of the newest year they have any in.
std::string trainee_panel(web::Context& ctx) {
  auto mine = ctx.db().read([&](db::Conn& c) {
    repo::EnrollmentQuery q;
    q.user_id = ctx.user_id();
    return repo::enrollments(c, q);
  });
  int fy = mine.empty() ? 0 : mine.front().fiscal_year;  // newest year first
  auto rows = nlohmann::json::array();
  for (const auto& e : mine)
    if (e.fiscal_year == fy) rows.push_back(enrollment_row(ctx, e));
  return web::render_template("curriculum/panel_trainee.html", ctx.lang,
                              {{"rows", rows}, {"fy", fy ? i18n::fiscal_year_display(ctx.lang, fy) : ""}});
}

std::string instructor_panel(web::Context& ctx) {
  auto courses = ctx.db().read([&](db::Conn& c) {
    std::vector<Course> out;
    for (auto id : taught_courses(c, ctx.me()))
      if (auto course = repo::course(c, id)) out.push_back(*course);
    return out;
  });
  auto rows = nlohmann::json::array();
  for (const auto& c : courses) {
    auto r = course_row(ctx, c);
    r["fy"] = i18n::fiscal_year_label(c.fiscal_year);
    rows.push_back(r);
  }
  return web::render_template("curriculum/panel_instructor.html", ctx.lang, {{"rows", rows}});
}

}  // namespace

void register_panels(web::Registry& reg) {
  reg.panel({"dashboard.panel.trainee", web::Access::roles({web::Role::trainee}), trainee_panel, 20});
  reg.panel({"dashboard.panel.instructor", web::Access::roles({web::Role::instructor}), instructor_panel, 20});
}

}  // namespace mdsc::curriculum
