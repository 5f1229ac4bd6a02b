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
using Response = http::Response;

// Shared by the pages and the API.
std::string today(const Context& ctx);
DateWindow window(const Context& ctx);
// The invoice if this user may see it; a representative of another company gets nothing (404).
std::optional<Invoice> visible_invoice(Context& ctx, std::int64_t id);
Response pdf_response(Context& ctx, const Invoice& inv);

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
