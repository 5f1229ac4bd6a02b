#pragma once
// Issued invoices and credit notes, and payments against them.
#include <cstdint>
#include <string>
#include <vector>

#include "modules/invoicing/document.h"
#include "nlohmann/json.hpp"

namespace mdsc::invoicing {

struct Payment {
  std::int64_t id = 0;
  std::int64_t invoice_id = 0;
  std::string paid_on;  // YYYY-MM-DD
  std::int64_t amount = 0;
  std::string method;   // bank_transfer, cash, other
  std::string reference;
};

struct Invoice {
  std::int64_t id = 0;
  std::string number;
  std::string kind;  // invoice, credit_note
  int fiscal_year = 0;
  std::int64_t company_id = 0;
  std::int64_t membership_id = 0;
  std::int64_t seat_request_id = 0;
  std::int64_t references_invoice_id = 0;
  std::string issue_date, due_date;
  InvoiceDocument document;
  std::int64_t subtotal = 0, tax_total = 0, total = 0;
  std::int64_t paid = 0;                  // sum of payments
  std::string credited_by;                // number of the credit note that cancels it, if any
  std::string company_name;

  std::int64_t balance() const { return credited_by.empty() ? total - paid : 0; }
  // issued, partly_paid, paid, overdue, credited; "credit_note" for credit notes.
  std::string status(const std::string& today) const;
};

nlohmann::json to_json(const Payment& p);
nlohmann::json to_json(const Invoice& i, const std::string& today);

// The document as stored in invoices.document (a snapshot of everything printed).
nlohmann::json document_to_json(const InvoiceDocument& d);
InvoiceDocument document_from_json(const nlohmann::json& j);

const std::vector<std::string>& payment_methods();
const std::vector<std::string>& invoice_statuses();

}  // namespace mdsc::invoicing
