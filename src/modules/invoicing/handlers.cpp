#include "modules/invoicing/handlers.h"

#include "core/clock.h"
#include "core/i18n.h"
#include "modules/invoicing/fiscal_years.h"
#include "modules/invoicing/operations.h"
#include "modules/invoicing/pdf.h"
#include "modules/invoicing/verification.h"
#include "modules/members/policy.h"
#include "modules/members/repo.h"
#include "modules/members/views.h"
#include "platform/web_actor.h"
#include "web/fields.h"
#include "web/fiscal_years.h"
#include "web/form_values.h"
#include "web/json_body.h"
#include "web/render.h"

namespace mdsc::invoicing::handlers {
namespace {

std::string today(const Context& ctx) { return i18n::tokyo_date_iso(ctx.now()); }

DateWindow window(const Context& ctx) { return date_window(ctx.services.config); }

// "Today by default; from <date> to <date>": what the date fields accept, said before it is refused.
std::string date_hint(const Context& ctx) {
  auto w = window(ctx);
  return ctx.t("invoices.date_window_hint", {{"back", std::to_string(w.backdate_days)},
                                             {"forward", std::to_string(w.forward_days)}});
}

// The invoice if this user may see it; a representative of another company gets nothing (404).
std::optional<Invoice> visible_invoice(Context& ctx, std::int64_t id) {
  auto inv = ctx.db().read([&](db::Conn& c) { return find_invoice(c, id); });
  if (!inv || !members::can_view_company(ctx.user, inv->company_id)) return std::nullopt;
  return inv;
}

nlohmann::json line_rows(const Context& ctx, const InvoiceDocument& d) {
  auto rows = nlohmann::json::array();
  for (const auto& l : d.lines)
    rows.push_back({{"description", l.description}, {"quantity", i18n::grouped(l.quantity)},
                    {"unit_price", i18n::yen(l.unit_price)}, {"amount", i18n::yen(l.amount)},
                    {"tax", ctx.t("tax." + category_code(l.tax))}});
  return rows;
}

nlohmann::json summary_rows(const Context& ctx, const InvoiceDocument& d) {
  auto rows = nlohmann::json::array();
  for (const auto& s : d.summaries)
    rows.push_back({{"label", ctx.t("tax." + category_code(s.tax))}, {"taxable", i18n::yen(s.taxable)},
                    {"tax", i18n::yen(s.tax_amount)}});
  return rows;
}

std::vector<web::FieldSpec> payment_fields(const Context& ctx, const Invoice& inv) {
  web::FieldSpec date{"paid_on", "payments.paid_on", "date", true, "off"};
  date.value = today(ctx);
  web::FieldSpec amount{"amount", "payments.amount", "text", true, "off"};
  amount.value = std::to_string(inv.balance());
  amount.input_mode = "numeric";
  amount.hint_id = "payments.amount.hint";
  web::FieldSpec method{"method", "payments.method", "select", true};
  method.options = {{"bank_transfer", "payment_method.bank_transfer"}, {"cash", "payment_method.cash"},
                    {"other", "payment_method.other"}};
  method.value = "bank_transfer";
  web::FieldSpec ref{"reference", "payments.reference", "text", false, "off"};
  return {date, amount, method, ref};
}

Response show(Context& ctx, const Invoice& inv, const Status& st, int status) {
  bool manage = members::manages_members(ctx.user);
  auto payments = ctx.db().read([&](db::Conn& c) { return payments_of(c, inv.id); });
  std::string day = today(ctx);
  auto pays = nlohmann::json::array();
  for (const auto& p : payments)
    pays.push_back({{"paid_on", p.paid_on}, {"amount", i18n::yen(p.amount)}, {"method", ctx.t("payment_method." + p.method)},
                    {"reference", p.reference}});
  const auto& d = inv.document;
  auto form = web::form_state(ctx, st);
  nlohmann::json data{{"inv", {{"id", inv.id}, {"number", inv.number}, {"credit_note", inv.kind == "credit_note"},
                               {"issue_date", inv.issue_date}, {"due_date", inv.due_date},
                               {"status", ctx.t("invoice.status." + inv.status(day))}, {"status_code", inv.status(day)},
                               {"recipient", d.recipient.name}, {"company_href", "/companies/" + std::to_string(inv.company_id)},
                               {"issuer", d.issuer.name}, {"registration_number", d.registration_number},
                               {"references", d.references_number}, {"notes", d.notes},
                               {"subtotal", i18n::yen(inv.subtotal)}, {"tax_total", i18n::yen(inv.tax_total)},
                               {"total", i18n::yen(inv.total)}, {"paid", i18n::yen(inv.paid)},
                               {"balance", i18n::yen(inv.balance())}, {"credited_by", inv.credited_by},
                               {"pdf_href", "/invoices/" + std::to_string(inv.id) + "/pdf"},
                               {"membership_href", inv.membership_id ? "/memberships/" + std::to_string(inv.membership_id) : ""}}},
                       {"lines", line_rows(ctx, d)},
                       {"summaries", summary_rows(ctx, d)},
                       {"payments", pays},
                       {"manage", manage},
                       {"can_pay", manage && inv.kind == "invoice" && inv.credited_by.empty() && inv.balance() > 0},
                       {"can_credit", manage && inv.kind == "invoice" && inv.credited_by.empty() && inv.paid == 0},
                       {"form", form}};
  if (manage) data["payment_fields"] = web::fields(ctx, payment_fields(ctx, inv), form);
  if (form["errors"].contains("reason")) data["reason_error"] = form["errors"]["reason"];
  if (form["errors"].contains("issue_date")) data["credit_date_error"] = form["errors"]["issue_date"];
  data["credit_date"] = form["values"].contains("issue_date") ? form["values"]["issue_date"].get<std::string>() : day;
  data["date_hint"] = date_hint(ctx);
  return web::page(ctx, "invoicing/invoice.html", inv.kind == "credit_note" ? "invoices.credit_note" : "invoices.detail",
                   data, status);
}

// The verification address (and so the QR code) is added when the PDF is made, from the public
// base URL of the configuration: it is not part of the stored snapshot, which stays what was issued.
Response pdf_response(const Context& ctx, const Invoice& inv) {
  InvoiceDocument doc = inv.document;
  auto token = ctx.db().read([&](db::Conn& c) { return verification_token(c, inv.id); });
  if (!token.empty()) doc.verify_url = verification_url(ctx.services.config.base_url, token);
  http::Response r;
  r.body = render_pdf(doc, ctx.lang == "en" ? "en" : "ja");
  r.set_header("Content-Type", "application/pdf");
  r.set_header("Content-Disposition", "inline; filename=\"" + inv.number + ".pdf\"");
  r.set_header("Cache-Control", "private, no-store");
  return r;
}

IssueInput issue_input(const Context& ctx) {
  return IssueInput{ctx.form.trimmed("issue_date"), ctx.form.trimmed("due_date"), ctx.form.trimmed("notes"), window(ctx)};
}

// The membership invoice form again, with what was typed and why it was refused.
Response issue_form(Context& ctx, std::int64_t membership_id, const Status& st, int status) {
  auto subject = ctx.db().read([&](db::Conn& c) -> std::optional<nlohmann::json> {
    auto m = members::repo::membership(c, membership_id);
    if (!m) return std::nullopt;
    auto company = members::repo::organization(c, m->company_id);
    return nlohmann::json{{"company", company ? company->name : ""},
                          {"fy", i18n::fiscal_year_display(ctx.lang, m->fiscal_year)},
                          {"href", "/memberships/" + std::to_string(m->id)},
                          {"action", "/memberships/" + std::to_string(m->id) + "/invoice"}};
  });
  if (!subject) return web::not_found(ctx);
  auto form = web::form_state(ctx, st);
  web::FieldSpec issue{"issue_date", "invoices.issue_date", "date", false, "off"};
  issue.value = today(ctx);
  web::FieldSpec due{"due_date", "invoices.due_date", "date", false, "off"};
  due.hint_id = "invoices.due_hint";
  web::FieldSpec notes{"notes", "invoices.notes", "textarea", false, "off"};
  auto fields = web::fields(ctx, {issue, due, notes}, form);
  fields[0]["hint"] = date_hint(ctx);
  fields[0]["hint_id"] = "f-issue_date-hint";
  fields[0]["describedby"] = "f-issue_date-hint" + std::string(fields[0].contains("error_id") ? " f-issue_date-error" : "");
  return web::page(ctx, "invoicing/issue.html", "invoices.issue",
                   {{"m", *subject}, {"fields", fields}, {"form", form}}, status);
}

}  // namespace

namespace {

// The invoices of a fiscal year; for the secretariat also whether the year's numbers are closed,
// or the form that closes them once the year has ended.
Response list_page(Context& ctx, int fy, const Status& st, int status) {
  InvoiceQuery q;
  q.fiscal_year = fy;
  q.status = ctx.query.get("status");
  q.today = today(ctx);
  q.company_ids = members::own_companies(ctx.me());
  auto [list, closure] = ctx.db().read([&](db::Conn& c) { return std::make_pair(list_invoices(c, q), year_closure(c, fy)); });
  auto rows = nlohmann::json::array();
  std::int64_t total = 0, paid = 0;
  for (const auto& inv : list) {
    rows.push_back({{"href", "/invoices/" + std::to_string(inv.id)}, {"number", inv.number}, {"company", inv.company_name},
                    {"issue_date", inv.issue_date}, {"due_date", inv.due_date}, {"total", i18n::yen(inv.total)},
                    {"balance", i18n::yen(inv.balance())}, {"status", ctx.t("invoice.status." + inv.status(q.today))},
                    {"status_code", inv.status(q.today)}});
    if (inv.kind == "invoice" && inv.credited_by.empty()) {
      total += inv.total;
      paid += inv.paid;
    }
  }
  auto statuses = nlohmann::json::array();
  for (const auto& s : invoice_statuses())
    statuses.push_back({{"value", s}, {"label", ctx.t("invoice.status." + s)}, {"selected", s == q.status}});
  auto form = web::form_state(ctx, st);
  nlohmann::json data{{"rows", rows}, {"fy", web::fiscal_year_nav(ctx, "/invoices", fy)},
                      {"fy_value", fy}, {"statuses", statuses}, {"total", i18n::yen(total)},
                      {"paid", i18n::yen(paid)}, {"outstanding", i18n::yen(total - paid)}, {"form", form}};
  if (members::manages_members(ctx.user)) {
    const std::string year = i18n::fiscal_year_display(ctx.lang, fy);
    if (closure) {
      std::int64_t closed_at = 0;
      parse_iso_utc(closure->closed_at, closed_at);
      data["closed"] = ctx.t("invoices.closed_on", {{"year", year}, {"date", i18n::tokyo_date_iso(closed_at)}});
    } else if (fy < web::current_fiscal_year(ctx.now())) {
      web::FieldSpec confirm{"confirm", "invoices.close_confirm", "checkbox"};
      data["close"] = {{"heading", ctx.t("invoices.close_heading", {{"year", year}})},
                       {"submit", ctx.t("invoices.close_submit", {{"year", year}})},
                       {"confirm", web::field(ctx, confirm, form)}};
    }
  }
  return web::page(ctx, "invoicing/invoices.html", "invoices.title", data, status);
}

}  // namespace

Response invoices_list(Context& ctx) {
  return list_page(ctx, web::requested_fiscal_year(ctx), Status::ok(), 200);
}

Response close_year(Context& ctx) {
  Status st;
  auto fy = web::read_number(ctx.form.get("fiscal_year"), "fiscal_year", st).value_or(0);
  if (fy < 2000 || fy > 2100) return web::error(ctx, Status::invalid().field("fiscal_year", "validation.fiscal_year"));
  if (ctx.form.get("confirm") != "1") st.field("confirm", "invoicing.close_confirm_required");
  if (st) st = close_fiscal_year(ctx.db(), audit::actor_of(ctx), static_cast<int>(fy), ctx.now());
  if (!st) return list_page(ctx, static_cast<int>(fy), st, http_status(st.code()));
  ctx.flash_next("success", "invoices.year_closed_done");
  return web::redirect(ctx, "/invoices?fy=" + std::to_string(fy));
}

Response invoice_show(Context& ctx) {
  auto inv = visible_invoice(ctx, ctx.id_param("id"));
  if (!inv) return web::not_found(ctx);
  return show(ctx, *inv, Status::ok(), 200);
}

Response invoice_pdf(Context& ctx) {
  auto inv = visible_invoice(ctx, ctx.id_param("id"));
  if (!inv) return web::not_found(ctx);
  return pdf_response(ctx, *inv);
}

Response issue_for_membership(Context& ctx) {
  std::int64_t m = ctx.id_param("id");
  auto r = issue_membership_invoice(ctx.db(), audit::actor_of(ctx), m, issue_input(ctx), ctx.now());
  if (!r) {
    if (r.status().code() == Code::not_found) return web::not_found(ctx);
    return issue_form(ctx, m, r.status(), http_status(r.status().code()));
  }
  ctx.flash_next("success", "invoices.issued");
  return web::redirect(ctx, "/invoices/" + std::to_string(*r));
}

Response issue_for_seat(Context& ctx) {
  auto r = issue_seat_invoice(ctx.db(), audit::actor_of(ctx), ctx.id_param("id"), issue_input(ctx), ctx.now());
  if (!r) {
    if (r.status().code() == Code::not_found) return web::not_found(ctx);
    return web::error(ctx, r.status());
  }
  ctx.flash_next("success", "invoices.issued");
  return web::redirect(ctx, "/invoices/" + std::to_string(*r));
}

Response payment_create(Context& ctx) {
  auto inv = visible_invoice(ctx, ctx.id_param("id"));
  if (!inv) return web::not_found(ctx);
  Status st;
  Payment p;
  p.paid_on = ctx.form.trimmed("paid_on");
  auto amount = web::read_number(ctx.form.get("amount"), "amount", st);
  if (!amount && st) st.field("amount", "validation.required");
  p.amount = amount.value_or(0);
  p.method = ctx.form.get("method");
  p.reference = ctx.form.trimmed("reference");
  if (st) {
    auto r = record_payment(ctx.db(), audit::actor_of(ctx), inv->id, p, ctx.now());
    if (r) {
      ctx.flash_next("success", "payments.recorded");
      return web::redirect(ctx, "/invoices/" + std::to_string(inv->id));
    }
    st = r.status();
  }
  return show(ctx, *inv, st, http_status(st.code()));
}

Response credit_note_create(Context& ctx) {
  auto inv = visible_invoice(ctx, ctx.id_param("id"));
  if (!inv) return web::not_found(ctx);
  auto r = issue_credit_note(ctx.db(), audit::actor_of(ctx), inv->id, ctx.form.trimmed("reason"),
                             ctx.form.trimmed("issue_date"), ctx.now(), window(ctx));
  if (!r) return show(ctx, *inv, r.status(), http_status(r.status().code()));
  ctx.flash_next("success", "invoices.credited");
  return web::redirect(ctx, "/invoices/" + std::to_string(*r));
}

// ---- API ----------------------------------------------------------------------------------------

namespace {
using web::body_json;
using web::bad_json;
std::string str(const nlohmann::json& j, const char* k) {
  return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : "";
}
std::int64_t int_of(const nlohmann::json& j, const char* k) {
  return j.contains(k) && j[k].is_number_integer() ? j[k].get<std::int64_t>() : 0;
}
}  // namespace

Response api_invoices(Context& ctx) {
  InvoiceQuery q;
  Status ignored;
  q.fiscal_year = static_cast<int>(web::read_number(ctx.query.get("fiscal_year"), "fiscal_year", ignored).value_or(0));
  q.status = ctx.query.get("status");
  q.today = today(ctx);
  auto p = web::page_request(ctx);
  q.company_ids = members::own_companies(ctx.me());
  if (auto company = web::read_number(ctx.query.get("company_id"), "company_id", ignored)) {
    if (!members::can_view_company(ctx.user, *company)) return web::json(200, web::paged(p, 0, nlohmann::json::array()));
    q.company_ids = {*company};
  }
  q.limit = 1000000;
  auto all = ctx.db().read([&](db::Conn& c) { return list_invoices(c, q); });
  auto items = nlohmann::json::array();
  for (long i = p.offset(); i < static_cast<long>(all.size()) && static_cast<long>(items.size()) < p.per_page; ++i)
    items.push_back(to_json(all[static_cast<std::size_t>(i)], q.today));
  return web::json(200, web::paged(p, static_cast<long>(all.size()), items));
}

Response api_invoice(Context& ctx) {
  auto inv = visible_invoice(ctx, ctx.id_param("id"));
  if (!inv) return web::not_found(ctx);
  auto j = to_json(*inv, today(ctx));
  auto [payments, token] = ctx.db().read([&](db::Conn& c) {
    return std::make_pair(payments_of(c, inv->id), verification_token(c, inv->id));
  });
  j["verify_url"] = token.empty() ? nlohmann::json() : nlohmann::json(verification_url(ctx.services.config.base_url, token));
  j["payments"] = nlohmann::json::array();
  for (const auto& p : payments) j["payments"].push_back(to_json(p));
  return web::json(200, j);
}

Response api_invoice_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  IssueInput in{str(*j, "issue_date"), str(*j, "due_date"), str(*j, "notes"), window(ctx)};
  Result<std::int64_t> r = Status::invalid().field("membership_id", "validation.required");
  if (auto seat = int_of(*j, "seat_request_id"))
    r = issue_seat_invoice(ctx.db(), audit::actor_of(ctx), seat, in, ctx.now());
  else if (auto m = int_of(*j, "membership_id"))
    r = issue_membership_invoice(ctx.db(), audit::actor_of(ctx), m, in, ctx.now());
  if (!r) return web::error(ctx, r.status());
  auto inv = ctx.db().read([&](db::Conn& c) { return find_invoice(c, *r); });
  return web::json(201, to_json(*inv, today(ctx)));
}

Response api_invoice_pdf(Context& ctx) {
  auto inv = visible_invoice(ctx, ctx.id_param("id"));
  if (!inv) return web::not_found(ctx);
  return pdf_response(ctx, *inv);
}

Response api_credit_note(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  auto r = issue_credit_note(ctx.db(), audit::actor_of(ctx), ctx.id_param("id"), str(*j, "reason"),
                             str(*j, "issue_date"), ctx.now(), window(ctx));
  if (!r) return web::error(ctx, r.status());
  auto inv = ctx.db().read([&](db::Conn& c) { return find_invoice(c, *r); });
  return web::json(201, to_json(*inv, today(ctx)));
}

namespace {
nlohmann::json closure_json(const YearClosure& y) {
  return {{"fiscal_year", y.fiscal_year}, {"closed_at", y.closed_at},
          {"closed_by", y.closed_by ? nlohmann::json(y.closed_by) : nlohmann::json()},
          {"last_invoice_seq", y.last_invoice_seq}, {"last_credit_note_seq", y.last_credit_note_seq}};
}
}  // namespace

Response api_year_closures(Context& ctx) {
  auto years = ctx.db().read([](db::Conn& c) { return closed_years(c); });
  auto items = nlohmann::json::array();
  for (const auto& y : years) items.push_back(closure_json(y));
  return web::json(200, {{"items", items}});
}

// Irreversible, so the body must say so: {"fiscal_year": 2017, "confirm": true}.
Response api_year_close(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  auto fy = static_cast<int>(int_of(*j, "fiscal_year"));
  Status st;
  if (fy < 2000 || fy > 2100) st.field("fiscal_year", "validation.fiscal_year");
  if (!(j->contains("confirm") && (*j)["confirm"] == true)) st.field("confirm", "invoicing.close_confirm_required");
  if (st) st = close_fiscal_year(ctx.db(), audit::actor_of(ctx), fy, ctx.now());
  if (!st) return web::error(ctx, st);
  auto closure = ctx.db().read([&](db::Conn& c) { return year_closure(c, fy); });
  return web::json(201, closure_json(*closure));
}

Response api_payments(Context& ctx) {
  Status ignored;
  auto invoice_id = web::read_number(ctx.query.get("invoice_id"), "invoice_id", ignored).value_or(0);
  auto p = web::page_request(ctx);
  auto inv = visible_invoice(ctx, invoice_id);
  if (!inv) return web::error(ctx, Status::invalid().field("invoice_id", "validation.required"));
  auto payments = ctx.db().read([&](db::Conn& c) { return payments_of(c, inv->id); });
  auto items = nlohmann::json::array();
  for (const auto& pay : payments) items.push_back(to_json(pay));
  return web::json(200, web::paged(p, static_cast<long>(items.size()), items));
}

Response api_payment_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Payment p;
  p.paid_on = str(*j, "paid_on");
  p.amount = (*j).contains("amount") && (*j)["amount"].is_number_integer() ? (*j)["amount"].get<std::int64_t>() : 0;
  p.method = str(*j, "method");
  p.reference = str(*j, "reference");
  auto invoice_id = int_of(*j, "invoice_id");
  if (!visible_invoice(ctx, invoice_id)) return web::error(ctx, Status::invalid().field("invoice_id", "validation.required"));
  auto r = record_payment(ctx.db(), audit::actor_of(ctx), invoice_id, p, ctx.now());
  if (!r) return web::error(ctx, r.status());
  p.id = *r;
  p.invoice_id = invoice_id;
  return web::json(201, to_json(p));
}

}  // namespace mdsc::invoicing::handlers
