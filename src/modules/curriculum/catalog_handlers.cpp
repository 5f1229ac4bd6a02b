#include "core/i18n.h"
#include "modules/curriculum/handlers.h"
#include "modules/curriculum/repo.h"
#include "modules/curriculum/views.h"
#include "platform/work.h"
#include "web/fiscal_years.h"
#include "web/render.h"

namespace mdsc::curriculum::handlers {

// The public catalogue of a fiscal year: no login needed, in Japanese or English.
Response catalog(Context& ctx) {
  auto& c = ctx.work().conn;
  auto years = repo::course_years(c);
  int fy = chosen_year(ctx, years);
  auto courses = repo::courses(c, fy);
  auto year = repo::year(c, fy);
  nlohmann::json d{{"fy", web::fiscal_year_nav(ctx, "/catalog", fy)},
                   {"years", year_links(ctx, years, fy, "/catalog")},
                   {"many_years", years.size() > 1},
                   {"groups", catalogue_groups(ctx, courses)},
                   {"has_courses", !courses.empty()},
                   {"year", year_view(ctx, year)},
                   {"trainee", ctx.user && ctx.user->has(web::Role::trainee)},
                   {"enroll_href", "/enrollments?fy=" + std::to_string(fy)}};
  d["title"] = ctx.t("catalog.title") + " " + i18n::fiscal_year_display(ctx.lang, fy);
  return web::page(ctx, "curriculum/catalog.html", "catalog.title", d);
}

}  // namespace mdsc::curriculum::handlers
