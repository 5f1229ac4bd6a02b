#pragma once
// What other modules may use of invoicing (its face, decision 0018).
#include "db/database.h"
#include "modules/members.h"

namespace mdsc::invoicing {

// Members' pages' view of the invoices (members::provide_billing; wired in app/modules.cpp).
std::vector<members::BilledInvoice> billed_invoices(db::Conn& c, const members::BillingQuery& q);

}  // namespace mdsc::invoicing
