#pragma once
// Closing a fiscal year's invoice numbers. Once the secretariat has closed a year (after it has
// ended, when its books are final), no invoice or credit note can be dated in it any more: the
// statement that takes the next number refuses (repo::next_seq). Closing is irreversible
// (docs/decisions/0013): a correction of a closed year's invoice is a credit note dated today.
#include "core/result.h"
#include "modules/invoicing/model.h"
#include "platform/work.h"

namespace mdsc::invoicing {

// Closes the numbers of fiscal year `fy`. invalid (field fiscal_year) "invoicing.year_not_ended"
// while the year has not ended (Asia/Tokyo); conflict "invoicing.year_already_closed" if it is.
// Audited. Waits for invoices being issued in that year to commit (they hold the counter row).
Status close_fiscal_year(Work& w, int fy);

}  // namespace mdsc::invoicing
