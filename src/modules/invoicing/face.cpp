#include "modules/invoicing.h"

#include "modules/invoicing/repo.h"

namespace mdsc::invoicing {

std::vector<members::BilledInvoice> billed_invoices(db::Conn& c, const members::BillingQuery& q) {
  std::vector<Invoice> invoices;
  if (q.membership_id) {
    invoices = repo::invoices_of_membership(c, q.membership_id);
  } else if (q.company_id) {
    InvoiceQuery iq;
    iq.company_ids = {q.company_id};
    iq.limit = 1000000;
    invoices = repo::invoices(c, iq);
  }
  std::vector<members::BilledInvoice> out;
  out.reserve(invoices.size());
  for (const auto& i : invoices)
    out.push_back({i.id, i.seat_request_id, i.number, i.kind, i.issue_date, i.status(q.today), i.total, i.paid,
                   i.balance(), !i.credited_by.empty()});
  return out;
}

}  // namespace mdsc::invoicing
