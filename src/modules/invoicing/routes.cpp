#include "modules/invoicing/handlers.h"
#include "modules/invoicing/module.h"
#include "modules/invoicing/operations.h"
#include "modules/invoicing/repo.h"
#include "web/access.h"

namespace mdsc::invoicing {

void register_module(web::Registry& reg) {
  using web::Access;
  using web::RouteKind;
  namespace h = handlers;
  const Access secretariat = web::access::secretariat();
  const Access viewers = web::access::secretariat_and_representatives();
  reg.html("GET", "/invoices", viewers, h::invoices_list);
  reg.html("GET", "/invoices/{id}", viewers, h::invoice_show);
  reg.route({"GET", "/invoices/{id}/pdf", RouteKind::html, viewers, h::invoice_pdf});
  reg.html("POST", "/memberships/{id}/invoice", secretariat, h::issue_for_membership);
  reg.html("POST", "/seat-requests/{id}/invoice", secretariat, h::issue_for_seat);
  reg.html("POST", "/invoices/{id}/payments", secretariat, h::payment_create);
  reg.html("POST", "/invoices/{id}/credit-note", secretariat, h::credit_note_create);
  reg.html("POST", "/invoices/close-year", secretariat, h::close_year);
  // Anyone holding the printed invoice: the token in the address is the permission.
  reg.html("GET", "/invoices/verify/{token}", web::Access::anyone(), h::invoice_verify);

  reg.api("GET", "/api/v1/invoices", viewers, h::api_invoices);
  reg.api("POST", "/api/v1/invoices", secretariat, h::api_invoice_create);
  reg.api("GET", "/api/v1/invoices/{id}", viewers, h::api_invoice);
  reg.api("GET", "/api/v1/invoices/{id}/pdf", viewers, h::api_invoice_pdf);
  reg.api("POST", "/api/v1/invoices/{id}/credit-note", secretariat, h::api_credit_note);
  reg.api("GET", "/api/v1/payments", viewers, h::api_payments);
  reg.api("POST", "/api/v1/payments", secretariat, h::api_payment_create);
  reg.api("GET", "/api/v1/invoice-year-closures", secretariat, h::api_year_closures);
  reg.api("POST", "/api/v1/invoice-year-closures", secretariat, h::api_year_close);

  reg.nav({"nav.invoices", "/invoices", viewers, 140});
  reg.daily({"overdue-invoice-reminders", [](db::Database& db, std::int64_t now) {
               // Links in reminders need the public URL; the job has no request, so it reads it from settings.
               send_overdue_reminders(db, now, db.read([](db::Conn& c) { return repo::setting(c, "base_url"); }));
             }});
}

}  // namespace mdsc::invoicing
