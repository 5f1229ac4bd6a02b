#include <charconv>

#include "core/i18n.h"
#include "modules/admissions/forms.h"
#include "modules/admissions/handlers.h"
#include "modules/admissions/repo.h"
#include "modules/admissions/views.h"
#include "platform/work.h"
#include "web/fields.h"
#include "web/fiscal_years.h"
#include "web/flash_redirect.h"
#include "web/render.h"

namespace mdsc::admissions::handlers {
namespace {

int fy_of(const Context& ctx) { return web::requested_fiscal_year(ctx); }

Response show(Context& ctx, std::int64_t id, const Status& st) {
  auto a = repo::application(ctx.work().conn, id);
  if (!a) return web::not_found(ctx);
  auto form = web::form_state(ctx, st);
  auto decisions = nlohmann::json::array();
  for (auto next : states<ApplicationStatus>().next(a->status)) {
    const std::string d(name_of(next));
    decisions.push_back({{"value", d}, {"label", ctx.t("application.decide." + d)}});
  }
  nlohmann::json data{{"a", application_view(ctx, *a)}, {"decisions", decisions}, {"form", form},
                      {"back", "/admissions?fy=" + std::to_string(a->fiscal_year)}};
  if (form["errors"].contains("decision")) data["decision_error"] = form["errors"]["decision"];
  if (form["errors"].contains("reason")) data["reason_error"] = form["errors"]["reason"];
  return web::page(ctx, "admissions/application.html", "admissions.application", data, st ? 200 : http_status(st.code()));
}

}  // namespace

Response review_list(Context& ctx) {
  int fy = fy_of(ctx);
  repo::Query q;
  q.fiscal_year = fy;
  q.trainee_type = ctx.query.get("type") == "A" || ctx.query.get("type") == "B" ? ctx.query.get("type") : "";
  q.status = ctx.query.get("status");
  if (!states<ApplicationStatus>().parse(q.status)) q.status.clear();
  q.search = web::trim(ctx.query.get("q"));
  auto p = web::page_request(ctx);
  q.limit = p.per_page;
  q.offset = p.offset();
  auto& c = ctx.work().conn;
  auto list = repo::applications(c, q);
  auto total = repo::count_applications(c, q);
  auto counts = repo::year_counts(c, fy);
  auto year = repo::program_year(c, fy);
  auto rows = nlohmann::json::array();
  for (const auto& a : list) rows.push_back(application_view(ctx, a));
  auto statuses = nlohmann::json::array();
  for (const auto& [value, name] : states<ApplicationStatus>().names)
    statuses.push_back({{"value", name}, {"label", status_label(ctx, value)}, {"selected", name == q.status}});
  nlohmann::json d{{"rows", rows}, {"total", total}, {"fy", web::fiscal_year_nav(ctx, "/admissions", fy)},
                   {"fy_value", fy}, {"statuses", statuses}, {"q", q.search}, {"type_a", q.trainee_type == "A"},
                   {"type_b", q.trainee_type == "B"},
                   {"counts", {{"applied_a", counts.applied_a}, {"applied_b", counts.applied_b},
                               {"accepted_a", counts.accepted_a}, {"accepted_b", counts.accepted_b},
                               {"submitted", counts.submitted}, {"waitlisted", counts.waitlisted},
                               {"declined", counts.declined}}}};
  if (year) {
    d["target_a"] = year->target_a;
    d["target_b"] = year->target_b;
    d["window"] = tokyo_time(ctx, year->opens_at) + " – " + tokyo_time(ctx, year->closes_at);
  }
  web::pager(d, p, total,
             "/admissions?fy=" + std::to_string(fy) + "&type=" + q.trainee_type + "&status=" + q.status +
                 "&q=" + web::url_encode(q.search));
  return web::page(ctx, "admissions/review.html", "admissions.title", d);
}

Response application_show(Context& ctx) { return show(ctx, ctx.id_param("id"), Status::ok()); }

Response application_decide(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  Status st = decide_application(ctx.work(), id, ctx.form.get("decision"), ctx.form.trimmed("reason"));
  if (st.code() == Code::not_found) return web::not_found(ctx);
  if (!st) return show(ctx, id, st);
  return web::redirect_with_success(ctx, "admissions.decided", "/admissions/applications/" + std::to_string(id));
}

Response late_form(Context& ctx) {
  auto year = repo::program_year(ctx.work().conn, fy_of(ctx));
  if (!year) return web::not_found(ctx);
  auto d = application_form_data(ctx, *year, Status::ok());
  d["late"] = true;
  return web::page(ctx, "admissions/apply.html", "admissions.late_title", d);
}

Response late_submit(Context& ctx) {
  int fy = 0;
  std::string s = ctx.form.get("fy");
  std::from_chars(s.data(), s.data() + s.size(), fy);
  auto year = repo::program_year(ctx.work().conn, fy);
  if (!year) return web::not_found(ctx);
  SubmitOptions opt;
  opt.late = true;
  Application a = read_application(ctx, fy, opt);
  auto r = submit_application(ctx.work(), a, opt);
  if (!r) {
    auto d = application_form_data(ctx, *year, r.status());
    d["late"] = true;
    return web::page(ctx, "admissions/apply.html", "admissions.late_title", d, http_status(r.status().code()));
  }
  return web::redirect_with_success(ctx, "admissions.late_recorded", "/admissions/applications/" + std::to_string(*r));
}

namespace {
std::vector<web::FieldSpec> year_fields(const Context& ctx, const ProgramYear& y) {
  auto f = [](const char* name, const char* label, const char* type, const std::string& value, const char* hint = "") {
    web::FieldSpec s{name, label, type, true, "off"};
    s.value = value;
    s.hint_id = hint;
    return s;
  };
  std::string opens = y.opens_at ? i18n::tokyo_date_iso(y.opens_at) : "";
  std::string closes = y.closes_at ? i18n::tokyo_date_iso(y.closes_at) : "";
  (void)ctx;
  return {f("opens_on", "admissions.opens_on", "date", opens, "admissions.opens_hint"),
          f("closes_on", "admissions.closes_on", "date", closes, "admissions.closes_hint"),
          f("program_starts_on", "admissions.program_starts_on", "date", y.program_starts_on),
          f("target_a", "admissions.target_a", "text", std::to_string(y.target_a)),
          f("target_b", "admissions.target_b", "text", std::to_string(y.target_b)),
          f("privacy_version", "admissions.privacy_version", "text", y.privacy_version, "admissions.privacy_version_hint"),
          f("privacy_ja", "admissions.privacy_ja", "textarea", y.privacy_ja),
          f("privacy_en", "admissions.privacy_en", "textarea", y.privacy_en)};
}
}  // namespace

Response years_list(Context& ctx) {
  auto years = repo::program_years(ctx.work().conn);
  auto rows = nlohmann::json::array();
  for (const auto& y : years)
    rows.push_back({{"fy", i18n::fiscal_year_display(ctx.lang, y.fiscal_year)}, {"href", "/admissions/years/" + std::to_string(y.fiscal_year)},
                    {"window", tokyo_time(ctx, y.opens_at) + " – " + tokyo_time(ctx, y.closes_at)},
                    {"starts", y.program_starts_on}, {"targets", "A " + std::to_string(y.target_a) + " / B " + std::to_string(y.target_b)}});
  int next = years.empty() ? web::current_fiscal_year(ctx.now()) : years.back().fiscal_year + 1;
  return web::page(ctx, "admissions/years.html", "admissions.years_title",
                   {{"rows", rows}, {"new_href", "/admissions/years/" + std::to_string(next)}});
}

Response year_form(Context& ctx) {
  int fy = static_cast<int>(ctx.id_param("fy"));
  if (fy < 2000 || fy > 2100) return web::not_found(ctx);
  auto y = repo::program_year(ctx.work().conn, fy);
  ProgramYear year = y.value_or(ProgramYear{fy});
  auto form = web::form_state(ctx, Status::ok());
  return web::page(ctx, "admissions/year_form.html", "admissions.years_title",
                   {{"form", form}, {"fields", web::fields(ctx, year_fields(ctx, year), form)},
                    {"fy", i18n::fiscal_year_display(ctx.lang, fy)}, {"action", "/admissions/years/" + std::to_string(fy)}});
}

Response year_save(Context& ctx) {
  int fy = static_cast<int>(ctx.id_param("fy"));
  if (fy < 2000 || fy > 2100) return web::not_found(ctx);
  ProgramYear y;
  y.fiscal_year = fy;
  Status st;
  if (!i18n::tokyo_to_unix(ctx.form.trimmed("opens_on"), "00:00:00", y.opens_at)) st.field("opens_on", "validation.date");
  // The window includes the whole closing day, to 23:59:59 in Tokyo.
  if (!i18n::tokyo_to_unix(ctx.form.trimmed("closes_on"), "23:59:59", y.closes_at)) st.field("closes_on", "validation.date");
  y.program_starts_on = ctx.form.trimmed("program_starts_on");
  auto num = [&](const char* field, int& out) {
    std::string v = ctx.form.trimmed(field);
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (v.empty() || ec != std::errc() || p != v.data() + v.size()) st.field(field, "validation.number");
  };
  num("target_a", y.target_a);
  num("target_b", y.target_b);
  y.privacy_version = ctx.form.trimmed("privacy_version");
  y.privacy_ja = ctx.form.trimmed("privacy_ja");
  y.privacy_en = ctx.form.trimmed("privacy_en");
  if (st) st = save_program_year(ctx.work(), y);
  if (!st) {
    auto form = web::form_state(ctx, st);
    return web::page(ctx, "admissions/year_form.html", "admissions.years_title",
                     {{"form", form}, {"fields", web::fields(ctx, year_fields(ctx, y), form)},
                      {"fy", i18n::fiscal_year_display(ctx.lang, fy)}, {"action", "/admissions/years/" + std::to_string(fy)}},
                     422);
  }
  return web::redirect_with_success(ctx, "admissions.year_saved", "/admissions/years");
}

}  // namespace mdsc::admissions::handlers
