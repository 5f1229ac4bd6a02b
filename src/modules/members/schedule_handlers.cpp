#include "core/i18n.h"
#include "modules/members/forms.h"
#include "modules/members/handlers.h"
#include "modules/members/operations.h"
#include "modules/members/repo.h"
#include "modules/members/views.h"
#include "web/fiscal_years.h"
#include "web/flash_redirect.h"
#include "web/form_values.h"
#include "web/render.h"

namespace mdsc::members::handlers {
namespace {

// The tier rows of the schedule form: tier.<i>.code etc., plus two empty rows for new tiers.
nlohmann::json tier_rows(const Context& ctx, const FeeSchedule& s, const nlohmann::json& form) {
  auto rows = nlohmann::json::array();
  std::vector<FeeTier> tiers = s.tiers;
  tiers.resize(tiers.size() + 2);
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    const auto& t = tiers[i];
    std::string p = "tiers." + std::to_string(i) + ".";
    auto typed = [&](const std::string& field, const std::string& dflt) {
      if (form["values"].contains(p + field)) return form["values"][p + field].get<std::string>();
      return dflt;
    };
    auto err = [&](const std::string& field) -> nlohmann::json {
      return form["errors"].contains(p + field) ? form["errors"][p + field] : nlohmann::json("");
    };
    bool is_new = t.code.empty();
    nlohmann::json row{{"i", i},
                       {"prefix", p},
                       {"is_new", is_new},
                       {"code", typed("code", t.code)},
                       {"name_ja", typed("name_ja", t.name_ja)},
                       {"name_en", typed("name_en", t.name_en)},
                       {"annual_fee", typed("annual_fee", is_new ? "" : std::to_string(t.annual_fee))},
                       {"seats", typed("seats", is_new ? "" : std::to_string(t.seats))},
                       {"lectures", form["has_errors"].get<bool>() ? form["values"].contains(p + "lectures") : t.includes_lectures},
                       {"liaison", form["has_errors"].get<bool>() ? form["values"].contains(p + "liaison") : (is_new || t.includes_liaison)},
                       {"research", form["has_errors"].get<bool>() ? form["values"].contains(p + "research") : (is_new || t.includes_research)},
                       {"error_code", err("code")},
                       {"error_name_ja", err("name_ja")},
                       {"error_name_en", err("name_en")},
                       {"error_fee", err("annual_fee")},
                       {"error_seats", err("seats")}};
    std::string tax = typed("tax_category", t.tax_category.empty() ? "10" : t.tax_category);
    std::string elig = typed("eligibility", t.eligibility.empty() ? "any" : t.eligibility);
    row["tax_options"] = nlohmann::json::array(
        {{{"value", "10"}, {"label", ctx.t("tax.10")}, {"selected", tax == "10"}},
         {{"value", "8"}, {"label", ctx.t("tax.8")}, {"selected", tax == "8"}},
         {{"value", "none"}, {"label", ctx.t("tax.none")}, {"selected", tax == "none"}}});
    row["eligibility_options"] = nlohmann::json::array(
        {{{"value", "any"}, {"label", ctx.t("eligibility.any")}, {"selected", elig == "any"}},
         {{"value", "venture"}, {"label", ctx.t("eligibility.venture")}, {"selected", elig == "venture"}},
         {{"value", "non_venture"}, {"label", ctx.t("eligibility.non_venture")}, {"selected", elig == "non_venture"}}});
    rows.push_back(row);
  }
  return rows;
}

Response show_schedule_form(Context& ctx, const FeeSchedule& s, const Status& st, bool is_new) {
  auto form = web::form_state(ctx, st);
  nlohmann::json d{{"form", form},
                   {"tiers", tier_rows(ctx, s, form)},
                   {"is_new", is_new},
                   {"fy", s.fiscal_year},
                   {"fy_label", i18n::fiscal_year_display(ctx.lang, s.fiscal_year)},
                   {"monitor", form["has_errors"].get<bool>() ? ctx.form.get("monitor_period") == "1" : s.monitor_period},
                   {"notes", form["values"].contains("notes") ? form["values"]["notes"] : nlohmann::json(s.notes)},
                   {"action", is_new ? std::string("/fee-schedules") : "/fee-schedules/" + std::to_string(s.fiscal_year)}};
  if (form["errors"].contains("fiscal_year")) d["fy_error"] = form["errors"]["fiscal_year"];
  if (form["errors"].contains("tiers")) d["tiers_error"] = form["errors"]["tiers"];
  return web::page(ctx, "members/schedule_form.html", is_new ? "schedules.new" : "schedules.edit", d,
                   st ? 200 : http_status(st.code()));
}

FeeSchedule read_schedule(const Context& ctx, int fy, Status& st) {
  FeeSchedule s;
  s.fiscal_year = fy;
  s.monitor_period = ctx.form.get("monitor_period") == "1";
  s.notes = ctx.form.trimmed("notes");
  for (int i = 0; i < 20; ++i) {
    std::string p = "tiers." + std::to_string(i) + ".";
    if (!ctx.form.has(p + "code")) break;
    FeeTier t;
    t.code = ctx.form.trimmed(p + "code");
    bool blank = t.code.empty() && ctx.form.trimmed(p + "name_ja").empty() && ctx.form.trimmed(p + "annual_fee").empty();
    if (blank) continue;
    t.name_ja = ctx.form.trimmed(p + "name_ja");
    t.name_en = ctx.form.trimmed(p + "name_en");
    auto fee = web::read_number(ctx.form.get(p + "annual_fee"), p + "annual_fee", st);
    if (!fee && st) st.field(p + "annual_fee", "validation.required");
    t.annual_fee = fee.value_or(0);
    t.seats = static_cast<int>(web::read_number(ctx.form.get(p + "seats"), p + "seats", st).value_or(0));
    t.includes_lectures = ctx.form.get(p + "lectures") == "1";
    t.includes_liaison = ctx.form.get(p + "liaison") == "1";
    t.includes_research = ctx.form.get(p + "research") == "1";
    t.tax_category = ctx.form.get(p + "tax_category");
    t.eligibility = ctx.form.get(p + "eligibility");
    s.tiers.push_back(t);
  }
  return s;
}

Status merge(Status a, const Status& b) {
  for (const auto& [k, v] : b.fields()) a.field(k, v.message_id, v.args);
  if (a.is_ok() && !b.is_ok()) return b;
  return a;
}

}  // namespace

Response schedules_list(Context& ctx) {
  auto list = repo::schedules(ctx.work().conn);
  auto rows = nlohmann::json::array();
  for (const auto& s : list) {
    auto tiers = nlohmann::json::array();
    for (const auto& t : s.tiers)
      tiers.push_back({{"code", t.code}, {"name", t.name(ctx.lang)}, {"fee", i18n::yen(t.annual_fee)}, {"seats", t.seats},
                       {"tax", ctx.t("tax." + t.tax_category)}});
    rows.push_back({{"fy", i18n::fiscal_year_display(ctx.lang, s.fiscal_year)}, {"href", "/fee-schedules/" + std::to_string(s.fiscal_year)},
                    {"monitor", s.monitor_period}, {"tiers", tiers}, {"notes", s.notes}});
  }
  int next = list.empty() ? web::current_fiscal_year(ctx.now()) : list.back().fiscal_year + 1;
  return web::page(ctx, "members/schedules.html", "schedules.title",
                   {{"schedules", rows}, {"new_href", "/fee-schedules/new?fy=" + std::to_string(next)}});
}

Response schedule_new(Context& ctx) {
  FeeSchedule s;
  s.fiscal_year = web::requested_fiscal_year(ctx);
  // Start from the latest schedule so a new year is a small edit.
  auto all = repo::schedules(ctx.work().conn);
  if (!all.empty()) {
    s.tiers = all.back().tiers;
    for (auto& t : s.tiers) t.id = 0;
  }
  return show_schedule_form(ctx, s, Status::ok(), true);
}

Response schedule_create(Context& ctx) {
  Status st;
  int fy = static_cast<int>(web::read_number(ctx.form.get("fiscal_year"), "fiscal_year", st).value_or(0));
  FeeSchedule s = read_schedule(ctx, fy, st);
  if (st) {
    auto r = create_fee_schedule(ctx.work(), s);
    if (r) {
      return web::redirect_with_success(ctx, "schedules.saved", "/fee-schedules");
    }
    st = merge(st, r.status());
  } else {
    st = merge(st, Status::ok());
  }
  return show_schedule_form(ctx, s, st, true);
}

Response schedule_edit(Context& ctx) {
  int fy = static_cast<int>(ctx.id_param("fy"));
  auto s = repo::schedule(ctx.work().conn, fy);
  if (!s) return web::not_found(ctx);
  return show_schedule_form(ctx, *s, Status::ok(), false);
}

Response schedule_update(Context& ctx) {
  int fy = static_cast<int>(ctx.id_param("fy"));
  auto existing = repo::schedule(ctx.work().conn, fy);
  if (!existing) return web::not_found(ctx);
  Status st;
  FeeSchedule s = read_schedule(ctx, fy, st);
  if (st) st = update_fee_schedule(ctx.work(), s);
  if (!st) {
    s.tiers = existing->tiers;
    return show_schedule_form(ctx, s, st, false);
  }
  return web::redirect_with_success(ctx, "schedules.saved", "/fee-schedules");
}

namespace {
std::vector<web::FieldSpec> issuer_fields(const IssuerProfile& p) {
  std::vector<web::FieldSpec> f;
  auto add = [&](const char* name, const char* label, const std::string& value, bool required = false,
                 const char* hint = "") {
    web::FieldSpec s{name, label, "text", required, "off"};
    s.value = value;
    s.hint_id = hint;
    f.push_back(s);
  };
  add("name", "issuer.name", p.name, true);
  add("registration_number", "issuer.registration_number", p.registration_number, true, "issuer.registration_number.hint");
  add("postal_code", "org.postal_code", p.postal_code, false, "org.postal_code.hint");
  add("address", "org.address", p.address);
  add("department", "issuer.department", p.department);
  add("phone", "org.phone", p.phone);
  add("email", "org.email", p.email);
  web::FieldSpec bank{"bank_details", "issuer.bank_details", "textarea"};
  bank.value = p.bank_details;
  f.push_back(bank);
  add("number_prefix", "issuer.number_prefix", p.number_prefix, true, "issuer.number_prefix.hint");
  web::FieldSpec rounding{"rounding", "issuer.rounding", "select", true};
  rounding.options = {{"floor", "rounding.floor"}, {"half_up", "rounding.half_up"}, {"ceil", "rounding.ceil"}};
  rounding.value = p.rounding;
  f.push_back(rounding);
  add("payment_days", "issuer.payment_days", std::to_string(p.payment_days), true);
  return f;
}

Response show_issuer(Context& ctx, const IssuerProfile& p, const Status& st) {
  auto form = web::form_state(ctx, st);
  return web::page(
      ctx, "members/issuer_form.html", "issuer.title",
      {{"form", form}, {"action", "/settings/issuer"}, {"fields", web::fields(ctx, issuer_fields(p), form)}},
      st ? 200 : 422);
}
}  // namespace

Response issuer_form(Context& ctx) {
  auto p = repo::issuer_profile(ctx.work().conn);
  return show_issuer(ctx, p.value_or(IssuerProfile{}), Status::ok());
}

Response issuer_update(Context& ctx) {
  Status st;
  IssuerProfile p;
  p.name = ctx.form.trimmed("name");
  p.registration_number = ctx.form.trimmed("registration_number");
  p.postal_code = ctx.form.trimmed("postal_code");
  p.address = ctx.form.trimmed("address");
  p.department = ctx.form.trimmed("department");
  p.phone = ctx.form.trimmed("phone");
  p.email = ctx.form.trimmed("email");
  p.bank_details = ctx.form.trimmed("bank_details");
  p.number_prefix = ctx.form.trimmed("number_prefix");
  p.rounding = ctx.form.get("rounding");
  p.payment_days = static_cast<int>(web::read_number(ctx.form.get("payment_days"), "payment_days", st).value_or(30));
  if (st) st = save_issuer_profile(ctx.work(), p);
  if (!st) return show_issuer(ctx, p, st);
  return web::redirect_with_success(ctx, "issuer.saved", "/settings/issuer");
}

}  // namespace mdsc::members::handlers
