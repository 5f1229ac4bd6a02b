#include "core/i18n.h"
#include "modules/invoicing/fiscal_years.h"
#include "modules/invoicing/handlers.h"
#include "modules/invoicing/operations.h"
#include "modules/invoicing/repo.h"
#include "modules/invoicing/verification.h"
#include "modules/members.h"
#include "platform/entity.h"
#include "web/form_values.h"
#include "web/json_body.h"
#include "web/json_list.h"
#include "web/json_record.h"
#include "web/render.h"

namespace mdsc::invoicing::handlers {

namespace {
using web::body_json;
using web::bad_json;
std::string str(const nlohmann::json& j, const char* k) { return web::json_text(j, k); }
std::int64_t int_of(const nlohmann::json& j, const char* k) { return web::json_int(j, k); }
nlohmann::json stored_invoice(Context& ctx, std::int64_t id) {
  return to_json(*repo::invoice(ctx.work().conn, id), today(ctx));
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
  auto all = repo::invoices(ctx.work().conn, q);
  auto items = nlohmann::json::array();
  for (long i = p.offset(); i < static_cast<long>(all.size()) && static_cast<long>(items.size()) < p.per_page; ++i)
    items.push_back(to_json(all[static_cast<std::size_t>(i)], q.today));
  return web::json(200, web::paged(p, static_cast<long>(all.size()), items));
}

Response api_invoice(Context& ctx) {
  auto inv = visible_invoice(ctx, ctx.id_param("id"));
  if (!inv) return web::not_found(ctx);
  auto j = to_json(*inv, today(ctx));
  auto payments = repo::payments_of(ctx.work().conn, inv->id);
  auto token = verification_token(ctx.work().conn, inv->id);
  j["verify_url"] = token.empty() ? nlohmann::json() : nlohmann::json(verification_url(ctx.services.config.base_url, token));
  j["payments"] = web::json_array(payments, [](const auto& p) { return to_json(p); });
  return web::json(200, j);
}

Response api_invoice_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  IssueInput in{str(*j, "issue_date"), str(*j, "due_date"), str(*j, "notes"), window(ctx)};
  Result<std::int64_t> r = Status::invalid().field("membership_id", "validation.required");
  if (auto seat = int_of(*j, "seat_request_id"))
    r = issue_seat_invoice(ctx.work(), seat, in);
  else if (auto m = int_of(*j, "membership_id"))
    r = issue_membership_invoice(ctx.work(), m, in);
  return web::created(ctx, r, stored_invoice);
}

Response api_invoice_pdf(Context& ctx) {
  auto inv = visible_invoice(ctx, ctx.id_param("id"));
  if (!inv) return web::not_found(ctx);
  return pdf_response(ctx, *inv);
}

Response api_credit_note(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  return web::created(
      ctx, issue_credit_note(ctx.work(), ctx.id_param("id"), str(*j, "reason"), str(*j, "issue_date"), window(ctx)),
      stored_invoice);
}

Response api_year_closures(Context& ctx) {
  return web::json_items(repo::closed_years(ctx.work().conn), [](const auto& y) { return entity::to_json(y); });
}

// Irreversible, so the body must say so: {"fiscal_year": 2017, "confirm": true}.
Response api_year_close(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  auto fy = static_cast<int>(int_of(*j, "fiscal_year"));
  Status st;
  if (fy < 2000 || fy > 2100) st.field("fiscal_year", "validation.fiscal_year");
  if (!(j->contains("confirm") && (*j)["confirm"] == true)) st.field("confirm", "invoicing.close_confirm_required");
  if (st) st = close_fiscal_year(ctx.work(), fy);
  if (!st) return web::error(ctx, st);
  return web::json(201, entity::to_json(*repo::year_closure(ctx.work().conn, fy)));
}

Response api_payments(Context& ctx) {
  Status ignored;
  auto invoice_id = web::read_number(ctx.query.get("invoice_id"), "invoice_id", ignored).value_or(0);
  auto p = web::page_request(ctx);
  auto inv = visible_invoice(ctx, invoice_id);
  if (!inv) return web::error(ctx, Status::invalid().field("invoice_id", "validation.required"));
  auto items =
      web::json_array(repo::payments_of(ctx.work().conn, inv->id), [](const auto& pay) { return to_json(pay); });
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
  auto r = record_payment(ctx.work(), invoice_id, p);
  if (!r) return web::error(ctx, r.status());
  p.id = *r;
  p.invoice_id = invoice_id;
  return web::json(201, to_json(p));
}

}  // namespace mdsc::invoicing::handlers
