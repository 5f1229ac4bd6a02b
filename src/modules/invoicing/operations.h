#pragma once
// Issuing qualified invoices and credit notes, recording payments, reminding of overdue ones.
// An issued invoice never changes; a correction is a credit note that cancels it, after which a
// corrected invoice may be issued.
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/result.h"
#include "db/database.h"
#include "modules/invoicing/model.h"
#include "platform/work.h"

namespace mdsc::invoicing {

// The dates an invoice or a credit note may carry: today (Asia/Tokyo) unless another date is given,
// which must lie within [today - backdate_days, today + forward_days] and never in a fiscal year
// the secretariat has closed (fiscal_years.h). Pages and the API take the window from Config.
struct DateWindow {
  int backdate_days = kInvoiceBackdateDays;
  int forward_days = kInvoiceForwardDays;
};
DateWindow date_window(const Config& config);

struct IssueInput {
  std::string issue_date;  // YYYY-MM-DD; "" = today (Asia/Tokyo)
  std::string due_date;    // "" = issue date + the issuer's payment days
  std::string notes;
  DateWindow window;
};

// The annual fee of a membership. Refused while an invoice for it stands uncancelled.
Result<std::int64_t> issue_membership_invoice(Work& w, std::int64_t membership_id, const IssueInput& in);
// The extra fee agreed for a seat granted in a consultation.
Result<std::int64_t> issue_seat_invoice(Work& w, std::int64_t seat_request_id, const IssueInput& in);
// Cancels an invoice in full with a credit note (not for invoices with payments recorded). Takes the
// lock record_payment takes, so a payment and a credit note of one invoice never both succeed.
Result<std::int64_t> issue_credit_note(Work& w, std::int64_t invoice_id, const std::string& reason,
                                       const std::string& issue_date, const DateWindow& window = {});

// amount: 1 ≤ amount ≤ the balance (and ≤ money::kMaxAmount).
Result<std::int64_t> record_payment(Work& w, std::int64_t invoice_id, const Payment& p);

// Mails the company about each overdue invoice, at most once a day per invoice. Returns how many.
int send_overdue_reminders(Work& w);
// The daily job: the reminders in a unit of its own.
int send_overdue_reminders(db::Database& db, std::int64_t now, const std::string& base_url);

}  // namespace mdsc::invoicing
