#include <charconv>

#include "core/i18n.h"
#include "modules/admissions/form.h"
#include "modules/admissions/handlers.h"
#include "modules/admissions/repo.h"
#include "modules/members/views.h"
#include "platform/web_actor.h"
#include "web/fields.h"
#include "web/fiscal_years.h"
#include "web/render.h"

namespace mdsc::admissions::handlers {
namespace {

int fy_of(const Context& ctx) { return web::requested_fiscal_year(ctx); }

std::string status_label(const Context& ctx, const std::string& s) { return ctx.t("application.status." + s); }

std::string type_label(const Context& ctx, const Application& a) {
  if (a.trainee_type == "B") return ctx.t("apply.type_b_short");
  return ctx.t("apply.type_a_short") + (a.a_category.empty() ? "" : " (" + ctx.t("apply." + a.a_category) + ")");
}

nlohmann::json detail(const Context& ctx, const Application& a) {
  auto tracks = nlohmann::json::array();
  for (const auto& t : a.tracks) tracks.push_back(ctx.t("track." + t));
  return {{"id", a.id}, {"name", a.full_name()}, {"kana", a.family_name_kana + " " + a.given_name_kana},
          {"romaji", a.romaji_name}, {"email", a.email}, {"type", type_label(ctx, a)}, {"affiliation", a.affiliation},
          {"position", a.position}, {"university", a.university}, {"year_of_study", a.year_of_study},
          {"supervisor", a.supervisor_name.empty() ? "" : a.supervisor_name + " <" + a.supervisor_email + ">"},
          {"company", a.company_name},
          {"company_href", a.company_id ? "/companies/" + std::to_string(a.company_id) : ""},
          {"seat", a.seat_status.empty() ? "" : ctx.t("seat.status." + a.seat_status)},
          {"company_confirmation",
           a.company_confirmation.empty() ? "" : ctx.t("application.company." + a.company_confirmation)},
          {"company_confirmation_code", a.company_confirmation},
          {"company_answer_reason", a.company_answer_reason},
          {"company_pending", a.company_confirmation == "pending" && a.status == "submitted"},
          {"company_action", "/admissions/applications/" + std::to_string(a.id) + "/company"},
          {"experience", a.programming_experience}, {"tracks", tracks}, {"courses", a.courses_of_interest},
          {"privacy_version", a.privacy_version},
          {"submitted", i18n::format_datetime(ctx.lang, a.submitted_at)}, {"late", a.late},
          {"late_reason", a.late_reason}, {"status", status_label(ctx, a.status)}, {"status_code", a.status},
          {"decision_reason", a.decision_reason}, {"href", "/admissions/applications/" + std::to_string(a.id)},
          {"decidable", a.status != "accepted"}};
}

Response show(Context& ctx, std::int64_t id, const Status& st) {
  auto a = ctx.db().read([&](db::Conn& c) { return repo::application(c, id); });
  if (!a) return web::not_found(ctx);
  auto form = web::form_state(ctx, st);
  auto decisions = nlohmann::json::array();
  for (const char* d : {"accepted", "waitlisted", "declined"})
    if (a->status != d) decisions.push_back({{"value", d}, {"label", ctx.t(std::string("application.decide.") + d)}});
  nlohmann::json data{{"a", detail(ctx, *a)}, {"decisions", decisions}, {"form", form},
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
  if (std::find(application_statuses().begin(), application_statuses().end(), q.status) == application_statuses().end())
    q.status.clear();
  q.search = web::trim(ctx.query.get("q"));
  auto p = web::page_request(ctx);
  q.limit = p.per_page;
  q.offset = p.offset();
  auto [list, total, counts, year] = ctx.db().read([&](db::Conn& c) {
    return std::make_tuple(repo::applications(c, q), repo::count_applications(c, q), year_counts(c, fy),
                           repo::program_year(c, fy));
  });
  auto rows = nlohmann::json::array();
  for (const auto& a : list) rows.push_back(detail(ctx, a));
  auto statuses = nlohmann::json::array();
  for (const auto& s : application_statuses())
    statuses.push_back({{"value", s}, {"label", status_label(ctx, s)}, {"selected", s == q.status}});
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
  long pages = std::max(1L, (total + p.per_page - 1) / p.per_page);
  d["page"] = p.page;
  d["pages"] = pages;
  std::string base = "/admissions?fy=" + std::to_string(fy) + "&type=" + q.trainee_type + "&status=" + q.status +
                     "&q=" + web::url_encode(q.search);
  if (p.page > 1) d["prev_href"] = base + "&page=" + std::to_string(p.page - 1);
  if (p.page < pages) d["next_href"] = base + "&page=" + std::to_string(p.page + 1);
  return web::page(ctx, "admissions/review.html", "admissions.title", d);
}

Response application_show(Context& ctx) { return show(ctx, ctx.id_param("id"), Status::ok()); }

Response application_decide(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  Status st = decide_application(ctx.db(), audit::actor_of(ctx), id, ctx.form.get("decision"),
                                 ctx.form.trimmed("reason"), ctx.services.config.base_url, ctx.now());
  if (st.code() == Code::not_found) return web::not_found(ctx);
  if (!st) return show(ctx, id, st);
  if (ctx.services.after_commit) ctx.services.after_commit();
  ctx.flash_next("success", "admissions.decided");
  return web::redirect(ctx, "/admissions/applications/" + std::to_string(id));
}

Response late_form(Context& ctx) {
  auto year = ctx.db().read([&](db::Conn& c) { return repo::program_year(c, fy_of(ctx)); });
  if (!year) return web::not_found(ctx);
  auto d = application_form_data(ctx, *year, Status::ok());
  d["late"] = true;
  return web::page(ctx, "admissions/apply.html", "admissions.late_title", d);
}

Response late_submit(Context& ctx) {
  int fy = 0;
  std::string s = ctx.form.get("fy");
  std::from_chars(s.data(), s.data() + s.size(), fy);
  auto year = ctx.db().read([&](db::Conn& c) { return repo::program_year(c, fy); });
  if (!year) return web::not_found(ctx);
  SubmitOptions opt;
  opt.late = true;
  opt.base_url = ctx.services.config.base_url;
  Application a = read_application(ctx, fy, opt);
  auto r = submit_application(ctx.db(), audit::actor_of(ctx), a, opt, ctx.now());
  if (!r) {
    auto d = application_form_data(ctx, *year, r.status());
    d["late"] = true;
    return web::page(ctx, "admissions/apply.html", "admissions.late_title", d, http_status(r.status().code()));
  }
  if (ctx.services.after_commit) ctx.services.after_commit();
  ctx.flash_next("success", "admissions.late_recorded");
  return web::redirect(ctx, "/admissions/applications/" + std::to_string(*r));
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
  auto years = ctx.db().read([](db::Conn& c) { return repo::program_years(c); });
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
  auto y = ctx.db().read([&](db::Conn& c) { return repo::program_year(c, fy); });
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
  if (st) st = save_program_year(ctx.db(), audit::actor_of(ctx), y, ctx.now());
  if (!st) {
    auto form = web::form_state(ctx, st);
    return web::page(ctx, "admissions/year_form.html", "admissions.years_title",
                     {{"form", form}, {"fields", web::fields(ctx, year_fields(ctx, y), form)},
                      {"fy", i18n::fiscal_year_display(ctx.lang, fy)}, {"action", "/admissions/years/" + std::to_string(fy)}},
                     422);
  }
  ctx.flash_next("success", "admissions.year_saved");
  return web::redirect(ctx, "/admissions/years");
}

}  // namespace mdsc::admissions::handlers
