#pragma once
#include "http/message.h"
#include "web/context.h"

namespace mdsc::invoicing::handlers {

using web::Context;
using Response = http::Response;

Response invoices_list(Context& ctx);
Response invoice_show(Context& ctx);
Response invoice_pdf(Context& ctx);
Response issue_for_membership(Context& ctx);
Response issue_for_seat(Context& ctx);
Response payment_create(Context& ctx);
Response credit_note_create(Context& ctx);
Response close_year(Context& ctx);
Response invoice_verify(Context& ctx);  // public (verify_handlers.cpp)

Response api_invoices(Context& ctx);
Response api_invoice(Context& ctx);
Response api_invoice_create(Context& ctx);
Response api_invoice_pdf(Context& ctx);
Response api_credit_note(Context& ctx);
Response api_payments(Context& ctx);
Response api_payment_create(Context& ctx);
Response api_year_closures(Context& ctx);
Response api_year_close(Context& ctx);

}  // namespace mdsc::invoicing::handlers
