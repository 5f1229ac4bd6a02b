#pragma once
// Closing a fiscal year's invoice numbers. Once the secretariat has closed a year (after it has
// ended, when its books are final), no invoice or credit note can be dated in it any more: the
// statement that takes the next number refuses (operations.cpp next_seq). Closing is irreversible
// (docs/decisions/0013): a correction of a closed year's invoice is a credit note dated today.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "platform/audit.h"

namespace mdsc::invoicing {

struct YearClosure {
  int fiscal_year = 0;
  std::string closed_at;        // ISO 8601 UTC
  std::int64_t closed_by = 0;   // user id; 0 for the system
  std::string closed_by_name;   // display name, "" when unknown
  int last_invoice_seq = 0;     // the year's last numbers, as they stay for good
  int last_credit_note_seq = 0;
};

// Closes the numbers of fiscal year `fy`. invalid (field fiscal_year) "invoicing.year_not_ended"
// while the year has not ended (Asia/Tokyo); conflict "invoicing.year_already_closed" if it is.
// Audited. Waits for invoices being issued in that year to commit (they hold the counter row).
Status close_fiscal_year(db::Database& db, const audit::Actor& actor, int fy, std::int64_t now);

std::optional<YearClosure> year_closure(db::Conn& c, int fy);
std::vector<YearClosure> closed_years(db::Conn& c);  // newest first

}  // namespace mdsc::invoicing
