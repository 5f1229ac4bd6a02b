// The year's completion: each trainee, whether they complete, and the reasons of those who do
// not (which course, which rule); the rule's form for the secretariat.
#include "core/i18n.h"
#include "modules/completion/handlers.h"
#include "modules/completion/operations.h"
#include "modules/completion/repo.h"
#include "nlohmann/json.hpp"
#include "platform/work.h"
#include "web/fiscal_years.h"
#include "web/flash_redirect.h"
#include "web/form_values.h"
#include "web/render.h"

namespace mdsc::completion::handlers {
namespace {

std::string year_href(int fy) { return "/completion?fy=" + std::to_string(fy); }

Response page(Context& ctx, int fy, const Status& st, int status) {
  const YearVerdicts yv = verdicts_of_year(ctx.work().conn, fy, ctx.now());
  auto rows = nlohmann::json::array();
  const bool can_edit = ctx.me().has(web::Role::secretariat);
  int completing = 0;
  for (const auto& t : yv.trainees) {
    completing += t.verdict.completes ? 1 : 0;
    auto tracks = nlohmann::json::array();
    for (const auto& name : t.verdict.tracks) tracks.push_back(ctx.t("track." + name));
    nlohmann::json row{{"user_id", t.user_id},
                       {"name", ctx.lang == "en" ? t.name_en : t.name},
                       {"completes", t.verdict.completes},
                       {"tracks", tracks},
                       {"reasons", reasons_view(ctx, t.verdict)},
                       {"can_confirm", t.verdict.completes && !t.confirmation && can_edit}};
    if (t.confirmation) {
      const auto& k = *t.confirmation;
      row["confirmed"] = {{"id", k.id},
                          {"at", i18n::format_date(ctx.lang, k.confirmed_at)},
                          {"signed_off", k.signed_off()},
                          {"signer", k.society_signer},
                          {"signed_at", k.signed_off() ? i18n::format_date(ctx.lang, k.signed_off_at) : ""},
                          {"sign_off_action", "/completions/" + std::to_string(k.id) + "/sign-off"},
                          {"can_sign_off", can_edit && !k.signed_off()}};
    }
    rows.push_back(std::move(row));
  }
  nlohmann::json d{{"fy", web::fiscal_year_nav(ctx, "/completion", fy)},
                   {"rows", rows},
                   {"count", rows.size()},
                   {"completing", completing},
                   {"rule",
                    {{"tracks_required", yv.rule.tracks_required},
                     {"attendance_required", yv.rule.attendance_required},
                     {"exams_required", yv.rule.exams_required}}},
                   {"can_edit", can_edit},
                   {"action", "/completion/rule?fy=" + std::to_string(fy)},
                   {"confirm_action", "/completion/confirm?fy=" + std::to_string(fy)},
                   {"certificates_href", "/certificates?fy=" + std::to_string(fy)},
                   {"form", web::form_state(ctx, st)}};
  return web::page(ctx, "completion/year.html", "completion.title", d, status);
}

}  // namespace

nlohmann::json reasons_view(const Context& ctx, const Verdict& v) {
  auto out = nlohmann::json::array();
  for (const auto& r : v.reasons) {
    std::string line = ctx.t(r.message_id, r.args);
    if (!r.course_code.empty())
      line = r.course_code + " " +
             (ctx.lang == "en" && !r.course_title_en.empty() ? r.course_title_en : r.course_title_ja) + ": " + line;
    out.push_back(line);
  }
  return out;
}

Response year_page(Context& ctx) { return page(ctx, web::requested_fiscal_year(ctx), Status::ok(), 200); }

Response rule_submit(Context& ctx) {
  const int fy = web::requested_fiscal_year(ctx);
  Rule r;
  r.fiscal_year = fy;
  Status st;
  const auto tracks = web::read_number(ctx.form.trimmed("tracks_required"), "tracks_required", st);
  if (tracks) r.tracks_required = *tracks;
  else if (st) st.field("tracks_required", "validation.required");
  r.attendance_required = ctx.form.has("attendance_required");
  r.exams_required = ctx.form.has("exams_required");
  if (st) st = set_rule(ctx.work(), r);
  if (!st) return page(ctx, fy, st, 422);
  return web::redirect_with_success(ctx, "completion.rule_saved", year_href(fy));
}

Response confirm_submit(Context& ctx) {
  const int fy = web::requested_fiscal_year(ctx);
  const std::string user = ctx.form.trimmed("user_id");
  if (user.empty() || user.size() > 15 || user.find_first_not_of("0123456789") != std::string::npos)
    return page(ctx, fy, Status::invalid().field("user_id", "validation.invalid_input"), 422);
  auto r = confirm(ctx.work(), fy, std::stoll(user));
  if (!r) return page(ctx, fy, r.status(), http_status(r.status().code()));
  return web::redirect_with_success(ctx, "completion.confirmed", year_href(fy));
}

Response sign_off_submit(Context& ctx) {
  const auto k = repo::confirmation(ctx.work().conn, ctx.id_param("id"));
  if (!k) return web::not_found(ctx);
  const int fy = static_cast<int>(k->fiscal_year);
  Status st = sign_off(ctx.work(), k->id, ctx.form.trimmed("signer"));
  if (!st) return page(ctx, fy, st, http_status(st.code()));
  return web::redirect_with_success(ctx, "completion.signed_off", year_href(fy));
}

}  // namespace mdsc::completion::handlers
