#pragma once
// What other modules may use of members (its face, decision 0018). It grows as the modules that
// still reach members' internals (ALLOW lists in CMakeLists.txt) are converted.
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.h"

namespace mdsc::members {

// An invoice as members' pages show it beside a membership or a company. Invoicing provides them
// (app/modules.cpp wires it at start-up), so that members does not depend on invoicing: invoicing
// depends on members, never the other way round.
struct BilledInvoice {
  std::int64_t id = 0;
  std::int64_t seat_request_id = 0;  // 0: the annual fee
  std::string number, kind, issue_date;
  std::string status;                // on the day asked (invoice.status.<status>)
  std::int64_t total = 0, paid = 0, balance = 0;
  bool credited = false;             // cancelled by a credit note
};
struct BillingQuery {
  std::int64_t membership_id = 0;  // its invoices, oldest first; or else
  std::int64_t company_id = 0;     // the company's, newest first
  std::string today;               // YYYY-MM-DD (Asia/Tokyo)
};
using Billing = std::vector<BilledInvoice> (*)(db::Conn& c, const BillingQuery& q);

// Once, at start-up. Without it (members on its own), nothing is billed.
void provide_billing(Billing billing);
std::vector<BilledInvoice> billed(db::Conn& c, const BillingQuery& q);

}  // namespace mdsc::members
