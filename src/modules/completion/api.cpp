// The completion API: GET /api/v1/completions?fiscal_year=2017, who completes and why not.
#include "modules/completion/handlers.h"
#include "nlohmann/json.hpp"
#include "platform/work.h"
#include "web/fiscal_years.h"
#include "web/render.h"

namespace mdsc::completion::handlers {

Response api_completions(Context& ctx) {
  const std::string asked = ctx.query.get("fiscal_year");
  int fy = web::current_fiscal_year(ctx.now());
  if (!asked.empty()) {
    if (asked.size() != 4 || asked.find_first_not_of("0123456789") != std::string::npos)
      return web::error(ctx, Status::invalid().field("fiscal_year", "validation.number"));
    fy = std::stoi(asked);
  }
  const YearVerdicts yv = verdicts_of_year(ctx.work().conn, fy, ctx.now());
  auto items = nlohmann::json::array();
  for (const auto& t : yv.trainees) {
    auto reasons = nlohmann::json::array();
    for (const auto& r : t.verdict.reasons)
      reasons.push_back({{"course_code", r.course_code},
                         {"reason", r.message_id},
                         {"args", r.args},
                         {"message", ctx.t(r.message_id, r.args)}});
    items.push_back({{"user_id", t.user_id},
                     {"name", t.name},
                     {"completes", t.verdict.completes},
                     {"tracks", t.verdict.tracks},
                     {"reasons", reasons}});
  }
  return web::json(200, {{"fiscal_year", fy},
                         {"rule",
                          {{"tracks_required", yv.rule.tracks_required},
                           {"attendance_required", yv.rule.attendance_required},
                           {"exams_required", yv.rule.exams_required}}},
                         {"items", items}});
}

}  // namespace mdsc::completion::handlers
