#include "core/csv.h"
#include "core/i18n.h"
#include "core/svg_chart.h"
#include "modules/members.h"
#include "modules/members/forms.h"
#include "modules/members/handlers.h"
#include "modules/members/operations.h"
#include "modules/members/overview.h"
#include "modules/members/repo.h"
#include "modules/members/views.h"
#include "web/fiscal_years.h"
#include "web/flash_redirect.h"
#include "web/form_values.h"
#include "web/render.h"

namespace mdsc::members::handlers {
namespace {

std::string today(const Context& ctx) { return i18n::tokyo_date_iso(ctx.now()); }

std::string members_chart(const Context& ctx, const YearFigures& f) {
  svg::BarChartOptions o;
  o.title = ctx.t("members.chart.title");
  o.y_label = ctx.t("members.chart.companies");
  o.id = "chart-types";
  o.empty_text = ctx.t("members.none");
  std::vector<std::string> categories;
  std::vector<std::int64_t> values;
  for (const auto& t : company_types()) {
    categories.push_back(ctx.t("company_type." + t));
    values.push_back(f.by_type.count(t) ? f.by_type.at(t) : 0);
  }
  return svg::simple_bar_chart(categories, values, o);
}

// Members by tier against the 35–40 partner target of the prospectus.
std::string partners_chart(const Context& ctx, const YearFigures& f) {
  svg::BarChartOptions o;
  o.title = ctx.t("members.chart.target_title");
  o.y_label = ctx.t("members.chart.companies");
  o.id = "chart-target";
  o.stacked = true;
  o.target = svg::Target{kPartnerTargetLow, kPartnerTargetHigh, ctx.t("members.chart.target")};
  std::vector<svg::Series> series;
  for (const auto& [tier, n] : f.by_tier) series.push_back({tier, {n}});
  if (series.empty()) series.push_back({ctx.t("members.chart.members"), {0}});
  return svg::bar_chart({i18n::fiscal_year_label(f.fiscal_year)}, series, o);
}

Response show_membership(Context& ctx, std::int64_t id, const Status& st, int status) {
  auto data = [&](db::Conn& c) -> std::optional<nlohmann::json> {
    auto m = repo::membership(c, id);
    if (!m || !can_view_company(ctx.user, m->company_id)) return std::nullopt;
    auto company = repo::organization(c, m->company_id);
    auto tier = repo::tier(c, m->tier_id);
    nlohmann::json d;
    d["m"] = membership_row(ctx, *m);
    d["company"] = {{"name", company->name}, {"href", "/companies/" + std::to_string(company->id)}};
    d["tier"] = {{"code", tier->code}, {"name", tier->name(ctx.lang)}, {"fee", i18n::yen(tier->annual_fee)},
                 {"seats", tier->seats}, {"tax", ctx.t("tax." + tier->tax_category)}};
    d["period"] = m->starts_on + " – " + m->ends_on;
    d["extra_seats"] = m->extra_seats;
    auto requests = nlohmann::json::array();
    for (const auto& r : repo::seat_requests(c, id)) {
      requests.push_back(
          {{"id", r.id},
           {"name", r.trainee_name},
           {"status", ctx.t("seat.status." + std::string(name_of(r.status)))},
           {"consultation", r.status == SeatStatus::consultation},
           {"withdrawable", states<SeatStatus>().allows(r.status, SeatStatus::withdrawn)},
           {"reason",
            r.reason == "third_trainee" || r.reason == "no_seat_left" ? ctx.t("seat.reason." + r.reason) : r.reason},
           {"extra_fee", r.extra_fee ? i18n::yen(*r.extra_fee) : ""},
           {"invoiceable", r.status == SeatStatus::accepted && r.extra_fee && *r.extra_fee > 0}});
    }
    d["requests"] = requests;
    auto invoices = nlohmann::json::array();
    bool annual_invoiced = false;
    for (const auto& inv : billed(c, {.membership_id = id, .today = today(ctx)})) {
      if (inv.kind == "invoice" && inv.seat_request_id == 0 && !inv.credited) annual_invoiced = true;
      invoices.push_back({{"href", "/invoices/" + std::to_string(inv.id)}, {"number", inv.number},
                          {"issue_date", inv.issue_date}, {"total", i18n::yen(inv.total)},
                          {"status", ctx.t("invoice.status." + inv.status)}});
    }
    d["invoices"] = invoices;
    d["can_invoice"] = !annual_invoiced && m->status != MembershipStatus::cancelled;
    auto next = nlohmann::json::array();
    for (auto s : states<MembershipStatus>().next(m->status))
      next.push_back({{"value", name_of(s)}, {"label", membership_status_label(ctx, s)}});
    d["next_statuses"] = next;
    d["has_next"] = !next.empty();
    d["renew_label"] = i18n::fiscal_year_display(ctx.lang, m->fiscal_year + 1);
    return d;
  }(ctx.work().conn);
  if (!data) return web::not_found(ctx);
  auto& d = *data;
  d["manage"] = manages_members(ctx.user);
  d["today"] = today(ctx);
  d["form"] = web::form_state(ctx, st);
  return web::page(ctx, "members/membership.html", "memberships.detail", d, status);
}

}  // namespace

Response members_overview(Context& ctx) {
  int fy = web::requested_fiscal_year(ctx);
  std::string day = today(ctx);
  auto rows = member_rows(ctx.work().conn, fy, day);
  auto figures = year_figures(ctx.work().conn, fy, day);
  auto list = nlohmann::json::array();
  for (const auto& r : rows) {
    list.push_back({{"company", r.company.name},
                    {"company_href", "/companies/" + std::to_string(r.company.id)},
                    {"href", "/memberships/" + std::to_string(r.membership.id)},
                    {"type", ctx.t("company_type." + r.company.company_type)},
                    {"tier", r.membership.tier_code},
                    {"tier_name", ctx.lang == "en" ? r.tier_name_en : r.tier_name_ja},
                    {"status", membership_status_label(ctx, r.membership.status)},
                    {"seats", std::to_string(r.membership.seats_used) + " / " + std::to_string(r.membership.seats_total())},
                    {"representative", r.representative.empty() ? "-" : r.representative},
                    {"invoice", r.invoice_number.empty() ? "-" : r.invoice_number},
                    {"invoice_status", r.invoice_status.empty() ? ctx.t("invoice.status.none") : ctx.t("invoice.status." + r.invoice_status)}});
  }
  auto tiers = nlohmann::json::array();
  for (const auto& [code, n] : figures.by_tier) tiers.push_back({{"tier", code}, {"count", n}});
  nlohmann::json d{{"rows", list},
                   {"fy", web::fiscal_year_nav(ctx, "/members", fy)},
                   {"members", figures.members},
                   {"target", std::to_string(kPartnerTargetLow) + "–" + std::to_string(kPartnerTargetHigh)},
                   {"by_tier", tiers},
                   {"invoiced", i18n::yen(figures.invoiced)},
                   {"paid", i18n::yen(figures.paid)},
                   {"outstanding", i18n::yen(figures.outstanding)},
                   {"consultations", figures.consultations},
                   {"chart_target", partners_chart(ctx, figures)},
                   {"chart_types", members_chart(ctx, figures)},
                   {"csv_href", "/members.csv?fy=" + std::to_string(fy)}};
  return web::page(ctx, "members/members.html", "members.title", d);
}

Response members_csv(Context& ctx) {
  int fy = web::requested_fiscal_year(ctx);
  std::string day = today(ctx);
  auto rows = member_rows(ctx.work().conn, fy, day);
  csv::CsvWriter w;
  w.row({csv::Cell::text(ctx.t("csv.fiscal_year")), csv::Cell::text(ctx.t("org.name")), csv::Cell::text(ctx.t("org.corporate_number")),
         csv::Cell::text(ctx.t("org.company_type")), csv::Cell::text(ctx.t("memberships.tier")),
         csv::Cell::text(ctx.t("memberships.status")), csv::Cell::text(ctx.t("memberships.seats_used")),
         csv::Cell::text(ctx.t("memberships.seats_total")), csv::Cell::text(ctx.t("companies.representative")),
         csv::Cell::text(ctx.t("invoices.number")), csv::Cell::text(ctx.t("invoices.status")),
         csv::Cell::text(ctx.t("invoices.invoiced")), csv::Cell::text(ctx.t("invoices.paid"))});
  for (const auto& r : rows) {
    w.row({csv::Cell::text(i18n::fiscal_year_label(fy)), csv::Cell::text(r.company.name), csv::Cell::text(r.company.corporate_number),
           csv::Cell::text(ctx.t("company_type." + r.company.company_type)), csv::Cell::text(r.membership.tier_code),
           csv::Cell::text(membership_status_label(ctx, r.membership.status)), csv::Cell::number(r.membership.seats_used),
           csv::Cell::number(r.membership.seats_total()), csv::Cell::text(r.representative), csv::Cell::text(r.invoice_number),
           csv::Cell::text(r.invoice_status.empty() ? "" : ctx.t("invoice.status." + r.invoice_status)),
           csv::Cell::number(r.invoiced), csv::Cell::number(r.paid)});
  }
  return web::csv_download(w.finish(), "members-FY" + std::to_string(fy) + ".csv");
}

Response membership_new(Context& ctx) {
  std::int64_t company_id = 0;
  Status ignored;
  company_id = web::read_number(ctx.query.get("company"), "company", ignored).value_or(0);
  auto company = repo::organization(ctx.work().conn, company_id);
  if (!company || company->kind != "company") return web::not_found(ctx);
  auto schedules = repo::schedules(ctx.work().conn);
  auto form = web::form_state(ctx, Status::ok());
  return web::page(ctx, "members/membership_form.html", "memberships.new",
                   membership_form_data(ctx, *company, schedules, form));
}

Response membership_create(Context& ctx) {
  Status st;
  auto company_id = web::read_number(ctx.form.get("company_id"), "company_id", st).value_or(0);
  // The plan is "<fiscal year>:<tier code>", one select grouped by year.
  std::string plan = ctx.form.get("plan");
  auto colon = plan.find(':');
  int fy = 0;
  std::string tier;
  if (colon == std::string::npos) {
    st.field("plan", "validation.choice");
  } else {
    fy = static_cast<int>(web::read_number(plan.substr(0, colon), "plan", st).value_or(0));
    tier = plan.substr(colon + 1);
  }
  auto status = ctx.form.get("status") == "active" ? MembershipStatus::active : MembershipStatus::applied;
  if (st) {
    auto r = create_membership(ctx.work(), company_id, fy, tier, status);
    if (r) {
      return web::redirect_with_success(ctx, "memberships.created", "/memberships/" + std::to_string(*r));
    }
    st = r.status();
  }
  // Errors about the year or the tier belong to the one select that chose both.
  Status shown(st.code(), st.message_id(), st.args());
  for (const auto& [field, fe] : st.fields())
    shown.field(field == "tier" || field == "fiscal_year" ? "plan" : field, fe.message_id, fe.args);
  st = shown;
  auto company = repo::organization(ctx.work().conn, company_id);
  if (!company) return web::not_found(ctx);
  auto schedules = repo::schedules(ctx.work().conn);
  auto form = web::form_state(ctx, st);
  return web::page(ctx, "members/membership_form.html", "memberships.new",
                   membership_form_data(ctx, *company, schedules, form), http_status(st.code()));
}

Response membership_show(Context& ctx) { return show_membership(ctx, ctx.id_param("id"), Status::ok(), 200); }

Response membership_status(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  Status st = change_membership_status(ctx.work(), id, ctx.form.get("status"));
  if (st.code() == Code::not_found) return web::not_found(ctx);
  if (!st) return show_membership(ctx, id, st, 422);
  return web::redirect_with_success(ctx, "memberships.saved", "/memberships/" + std::to_string(id));
}

Response membership_renew(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  auto r = renew_membership(ctx.work(), id, ctx.form.trimmed("tier"));
  if (!r) {
    if (r.status().code() == Code::not_found) return web::not_found(ctx);
    return show_membership(ctx, id, r.status(), http_status(r.status().code()));
  }
  return web::redirect_with_success(ctx, "memberships.renewed", "/memberships/" + std::to_string(*r));
}

Response seat_request_create(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  auto r = request_seat(ctx.work(), id, ctx.form.trimmed("trainee_name"), "manual");
  if (!r) {
    if (r.status().code() == Code::not_found) return web::not_found(ctx);
    return show_membership(ctx, id, r.status(), http_status(r.status().code()));
  }
  const bool accepted = r->status == SeatStatus::accepted;
  ctx.flash_next(accepted ? "success" : "info", accepted ? "seats.accepted" : "seats.consultation");
  return web::redirect(ctx, "/memberships/" + std::to_string(id));
}

Response seat_decide(Context& ctx) {
  std::int64_t request_id = ctx.id_param("id");
  auto req = repo::seat_request(ctx.work().conn, request_id);
  if (!req) return web::not_found(ctx);
  Status st;
  bool accept = ctx.form.get("decision") == "accept";
  auto fee = web::read_number(ctx.form.get("extra_fee"), "extra_fee", st).value_or(0);
  if (st) st = decide_consultation(ctx.work(), request_id, accept, fee, ctx.form.trimmed("reason"));
  if (!st) return show_membership(ctx, req->membership_id, st, 422);
  return web::redirect_with_success(ctx, accept ? "seats.decided_accept" : "seats.decided_decline",
                                    "/memberships/" + std::to_string(req->membership_id));
}

Response seat_withdraw(Context& ctx) {
  std::int64_t request_id = ctx.id_param("id");
  auto req = repo::seat_request(ctx.work().conn, request_id);
  if (!req) return web::not_found(ctx);
  Status st = withdraw_seat(ctx.work(), request_id);
  if (!st) return show_membership(ctx, req->membership_id, st, 422);
  return web::redirect_with_success(ctx, "seats.withdrawn", "/memberships/" + std::to_string(req->membership_id));
}

}  // namespace mdsc::members::handlers
