#pragma once
// What an issued invoice or credit note shows, independent of how it is stored: the input of the
// PDF renderer (pdf.h) and of the HTML page. Amounts are whole yen.
#include <cstdint>
#include <string>
#include <vector>

namespace mdsc::invoicing {

// Consumption-tax category of a line: standard 10 %, reduced 8 %, or outside tax (不課税) —
// membership dues may be outside consumption tax; the secretariat decides per fee line.
enum class TaxCategory { standard10, reduced8, not_taxable };

int rate_percent(TaxCategory c);          // 10, 8, 0
std::string category_code(TaxCategory c);  // "10", "8", "none"

struct Party {
  std::string name;         // 株式会社〇〇 / consortium name
  std::string postal_code;  // "980-8575"
  std::string address;
  std::string department;   // 経理部 (recipient) or 事務局 (issuer)
  std::string contact;      // person
  std::string phone;
  std::string email;
};

struct DocumentLine {
  std::string description;     // "2018年度 B会員 年会費"
  std::int64_t quantity = 1;
  std::int64_t unit_price = 0;  // tax excluded; negative on a credit note
  std::int64_t amount = 0;      // quantity × unit_price
  TaxCategory tax = TaxCategory::standard10;
};

// One line per tax rate present: the qualified-invoice rules want the total per rate and the tax
// per rate, rounded once per invoice per rate.
struct TaxSummary {
  TaxCategory tax = TaxCategory::standard10;
  std::int64_t taxable = 0;  // sum of amounts at this rate (tax excluded)
  std::int64_t tax_amount = 0;
};

struct InvoiceDocument {
  bool credit_note = false;       // 適格返還請求書 (a correction of an issued invoice)
  std::string number;             // "MDSC-FY2018-0001"
  std::string references_number;  // credit note: the invoice it corrects
  std::string issue_date;         // "2018-04-02" (Asia/Tokyo civil date)
  std::string due_date;           // "2018-05-31"; empty on a credit note
  std::string fiscal_year_label;  // "2018年度 (FY2018)"
  Party issuer;
  std::string registration_number;  // "T1234567890123"
  Party recipient;
  std::vector<DocumentLine> lines;
  std::vector<TaxSummary> summaries;
  std::int64_t subtotal = 0;   // tax excluded
  std::int64_t tax_total = 0;
  std::int64_t total = 0;      // tax included
  std::string payment_terms;   // bank account text etc.
  std::string notes;
  std::string verify_url;      // optional: a link printed (and as a QR code) to check the document
};

}  // namespace mdsc::invoicing
