#include "modules/invoicing.h"

#include "modules/invoicing/repo.h"

namespace mdsc::invoicing {

std::vector<members::BilledInvoice> billed_invoices(db::Conn& c, const members::BillingQuery& q) {
  std::vector<Invoice> invoices;
  if (q.membership_id) {
    invoices = repo::invoices_of_membership(c, q.membership_id);
  } else if (q.company_id || q.fiscal_year) {
    InvoiceQuery iq;
    if (q.company_id) iq.company_ids = {q.company_id};
    else iq.membership_year = q.fiscal_year;
    iq.limit = 1000000;
    iq.with_document = false;
    invoices = repo::invoices(c, iq);
  }
  std::vector<members::BilledInvoice> out;
  out.reserve(invoices.size());
  for (const auto& i : invoices)
    out.push_back({i.id, i.membership_id, i.seat_request_id, i.number, i.kind, i.issue_date, i.status(q.today), i.total, i.paid,
                   i.balance(), !i.credited_by.empty()});
  return out;
}

}  // namespace mdsc::invoicing
