#pragma once
// The invoicing pages (invoice_handlers.cpp, verify_handlers.cpp) and API (api.cpp).
#include <optional>
#include <string>

#include "http/message.h"
#include "modules/invoicing/model.h"
#include "modules/invoicing/operations.h"
#include "web/context.h"

namespace mdsc::invoicing::handlers {

using web::Context;
using web::Handler;
using Response = http::Response;

// Shared by the pages and the API.
std::string today(const Context& ctx);
DateWindow window(const Context& ctx);
// The invoice if this user may see it; a representative of another company gets nothing (404).
std::optional<Invoice> visible_invoice(Context& ctx, std::int64_t id);
Response pdf_response(Context& ctx, const Invoice& inv);

Handler invoices_list, invoice_show, invoice_pdf, issue_for_membership, issue_for_seat, payment_create,
    credit_note_create, close_year;
Response invoice_verify(Context& ctx);  // public (verify_handlers.cpp)

Handler api_invoices, api_invoice, api_invoice_create, api_invoice_pdf, api_credit_note, api_payments,
    api_payment_create, api_year_closures, api_year_close;

}  // namespace mdsc::invoicing::handlers
