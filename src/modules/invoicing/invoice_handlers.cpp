#include "core/clock.h"
#include "core/i18n.h"
#include "modules/invoicing/fiscal_years.h"
#include "modules/invoicing/handlers.h"
#include "modules/invoicing/operations.h"
#include "modules/invoicing/pdf.h"
#include "modules/invoicing/repo.h"
#include "modules/invoicing/verification.h"
#include "modules/members.h"
#include "web/fields.h"
#include "web/fiscal_years.h"
#include "web/flash_redirect.h"
#include "web/form_values.h"
#include "web/json_body.h"
#include "web/record_page.h"
#include "web/render.h"

namespace mdsc::invoicing::handlers {

std::string today(const Context& ctx) { return i18n::tokyo_date_iso(ctx.now()); }

DateWindow window(const Context& ctx) { return date_window(ctx.services.config); }

namespace {

// "Today by default; from <date> to <date>": what the date fields accept, said before it is refused.
std::string date_hint(const Context& ctx) {
  auto w = window(ctx);
  return ctx.t("invoices.date_window_hint", {{"back", std::to_string(w.backdate_days)},
                                             {"forward", std::to_string(w.forward_days)}});
}

}  // namespace

std::optional<Invoice> visible_invoice(Context& ctx, std::int64_t id) {
  auto inv = repo::invoice(ctx.work().conn, id);
  if (!inv || !members::can_view_company(ctx.user, inv->company_id)) return std::nullopt;
  return inv;
}

namespace {

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
  auto payments = repo::payments_of(ctx.work().conn, inv.id);
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

}  // namespace

// The verification address (and so the QR code) is added when the PDF is made, from the public
// base URL of the configuration: it is not part of the stored snapshot, which stays what was issued.
Response pdf_response(Context& ctx, const Invoice& inv) {
  InvoiceDocument doc = inv.document;
  auto token = verification_token(ctx.work().conn, inv.id);
  if (!token.empty()) doc.verify_url = verification_url(ctx.services.config.base_url, token);
  http::Response r;
  r.body = render_pdf(doc, ctx.lang == "en" ? "en" : "ja");
  r.set_header("Content-Type", "application/pdf");
  r.set_header("Content-Disposition", "inline; filename=\"" + inv.number + ".pdf\"");
  r.set_header("Cache-Control", "private, no-store");
  return r;
}

namespace {

IssueInput issue_input(const Context& ctx) {
  return IssueInput{ctx.form.trimmed("issue_date"), ctx.form.trimmed("due_date"), ctx.form.trimmed("notes"), window(ctx)};
}

// The membership invoice form again, with what was typed and why it was refused.
Response issue_form(Context& ctx, std::int64_t membership_id, const Status& st, int status) {
  auto subject = [&](db::Conn& c) -> std::optional<nlohmann::json> {
    auto m = members::find_membership(c, membership_id);
    if (!m) return std::nullopt;
    auto company = members::find_organization(c, m->company_id);
    return nlohmann::json{{"company", company ? company->name : ""},
                          {"fy", i18n::fiscal_year_display(ctx.lang, m->fiscal_year)},
                          {"href", "/memberships/" + std::to_string(m->id)},
                          {"action", "/memberships/" + std::to_string(m->id) + "/invoice"}};
  }(ctx.work().conn);
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
                   {{"m", *subject},
                    {"action", (*subject)["action"]},
                    {"submit", ctx.t("invoices.issue_submit")},
                    {"fields", fields},
                    {"form", form}},
                   status);
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
  q.with_document = false;
  auto list = repo::invoices(ctx.work().conn, q);
  auto closure = repo::year_closure(ctx.work().conn, fy);
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
  if (st) st = close_fiscal_year(ctx.work(), static_cast<int>(fy));
  if (!st) return list_page(ctx, static_cast<int>(fy), st, http_status(st.code()));
  return web::redirect_with_success(ctx, "invoices.year_closed_done", "/invoices?fy=" + std::to_string(fy));
}

Response invoice_show(Context& ctx) { return web::record_page(ctx, visible_invoice, show); }

Response invoice_pdf(Context& ctx) {
  auto inv = visible_invoice(ctx, ctx.id_param("id"));
  if (!inv) return web::not_found(ctx);
  return pdf_response(ctx, *inv);
}

Response issue_for_membership(Context& ctx) {
  std::int64_t m = ctx.id_param("id");
  auto r = issue_membership_invoice(ctx.work(), m, issue_input(ctx));
  if (!r) {
    if (r.status().code() == Code::not_found) return web::not_found(ctx);
    return issue_form(ctx, m, r.status(), http_status(r.status().code()));
  }
  return web::redirect_with_success(ctx, "invoices.issued", "/invoices/" + std::to_string(*r));
}

Response issue_for_seat(Context& ctx) {
  auto r = issue_seat_invoice(ctx.work(), ctx.id_param("id"), issue_input(ctx));
  if (!r) {
    if (r.status().code() == Code::not_found) return web::not_found(ctx);
    return web::error(ctx, r.status());
  }
  return web::redirect_with_success(ctx, "invoices.issued", "/invoices/" + std::to_string(*r));
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
    auto r = record_payment(ctx.work(), inv->id, p);
    if (r) {
      return web::redirect_with_success(ctx, "payments.recorded", "/invoices/" + std::to_string(inv->id));
    }
    st = r.status();
  }
  return show(ctx, *inv, st, http_status(st.code()));
}

Response credit_note_create(Context& ctx) {
  auto inv = visible_invoice(ctx, ctx.id_param("id"));
  if (!inv) return web::not_found(ctx);
  auto r = issue_credit_note(ctx.work(), inv->id, ctx.form.trimmed("reason"), ctx.form.trimmed("issue_date"),
                             window(ctx));
  if (!r) return show(ctx, *inv, r.status(), http_status(r.status().code()));
  return web::redirect_with_success(ctx, "invoices.credited", "/invoices/" + std::to_string(*r));
}

}  // namespace mdsc::invoicing::handlers
