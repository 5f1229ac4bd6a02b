#include "core/i18n.h"
#include "modules/curriculum/handlers.h"
#include "modules/curriculum/repo.h"
#include "modules/curriculum/views.h"
#include "modules/members/views.h"
#include "web/fiscal_years.h"
#include "web/render.h"

namespace mdsc::curriculum::handlers {

// The public catalogue of a fiscal year: no login needed, in Japanese or English.
Response catalog(Context& ctx) {
  auto [years, fy, courses, year] = ctx.db().read([&](db::Conn& c) {
    auto ys = repo::course_years(c);
    int chosen = chosen_year(ctx, ys);
    return std::make_tuple(ys, chosen, repo::courses(c, chosen), repo::year(c, chosen));
  });
  auto other_years = nlohmann::json::array();
  for (int y : years)
    other_years.push_back({{"label", i18n::fiscal_year_display(ctx.lang, y)},
                           {"href", "/catalog?fy=" + std::to_string(y)},
                           {"current", y == fy}});
  nlohmann::json d{{"fy", web::fiscal_year_nav(ctx, "/catalog", fy)},
                   {"years", other_years},
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
