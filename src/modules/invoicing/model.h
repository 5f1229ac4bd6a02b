#pragma once
// Issued invoices and credit notes, and payments against them.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "modules/invoicing/document.h"
#include "nlohmann/json.hpp"
#include "platform/entity_fwd.h"

namespace mdsc::invoicing {

struct Payment {
  std::int64_t id = 0;
  std::int64_t invoice_id = 0;
  std::string paid_on;  // YYYY-MM-DD
  std::int64_t amount = 0;
  std::string method;   // bank_transfer, cash, other
  std::string reference;
  std::int64_t created_by = 0;  // user id; 0 for the system
  std::string created_at;       // ISO 8601 UTC

  static const entity::Table<Payment>& table();  // its fields, described once
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
  int seq = 0;  // the number's place in its year and kind
  std::string issue_date, due_date;
  InvoiceDocument document;
  std::int64_t subtotal = 0, tax_total = 0, total = 0;
  std::int64_t created_by = 0;  // user id; 0 for the system
  std::string created_at;       // ISO 8601 UTC
  // From other tables (read with the invoice, never written with it):
  std::int64_t paid = 0;                  // sum of payments
  std::string credited_by;                // number of the credit note that cancels it, if any
  std::string company_name;

  std::int64_t balance() const { return credited_by.empty() ? total - paid : 0; }
  // issued, partly_paid, paid, overdue, credited; "credit_note" for credit notes.
  std::string status(const std::string& today) const;

  static const entity::Table<Invoice>& table();  // its fields, described once
};

// Which invoices a list shows (repo::invoices).
struct InvoiceQuery {
  int fiscal_year = 0;                   // 0 = all (fiscal year of the issue date)
  std::vector<std::int64_t> company_ids;  // empty = all
  std::int64_t membership_id = 0;        // 0 = all
  int membership_year = 0;               // 0 = all; else the invoices of that year's memberships
  std::string status;                    // "" = all; computed statuses need `today`
  std::string today;
  long limit = 200, offset = 0;
  bool with_document = true;  // false: a list that shows no document skips reading it (the costly part)
};

// A fiscal year whose invoice numbers the secretariat has closed (fiscal_years.h).
struct YearClosure {
  int fiscal_year = 0;
  std::string closed_at;        // ISO 8601 UTC
  std::int64_t closed_by = 0;   // user id; 0 for the system
  std::string closed_by_name;   // display name, "" when unknown
  int last_invoice_seq = 0;     // the year's last numbers, as they stay for good
  int last_credit_note_seq = 0;

  static const entity::Table<YearClosure>& table();  // its fields, described once
};

nlohmann::json to_json(const Payment& p);
nlohmann::json to_json(const Invoice& i, const std::string& today);

// The document as stored in invoices.document (a snapshot of everything printed).
nlohmann::json document_to_json(const InvoiceDocument& d);
InvoiceDocument document_from_json(const nlohmann::json& j);
// The same, as the text of the column.
std::string document_text(const InvoiceDocument& d);
bool read_document(std::string_view text, InvoiceDocument& out);

const std::vector<std::string>& payment_methods();
const std::vector<std::string>& invoice_statuses();

}  // namespace mdsc::invoicing
