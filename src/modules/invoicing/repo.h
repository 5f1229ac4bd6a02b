#pragma once
// The invoicing module's SQL: invoices and credit notes (rows that never change once issued),
// payments, the yearly number counters and their closing, reminders sent, verification tokens.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "modules/invoicing/model.h"

namespace mdsc::invoicing::repo {

std::optional<Invoice> invoice(db::Conn& c, std::int64_t id);
std::vector<Invoice> invoices(db::Conn& c, const InvoiceQuery& q);
std::vector<Invoice> invoices_of_membership(db::Conn& c, std::int64_t membership_id);
std::optional<Invoice> credit_note_of(db::Conn& c, std::int64_t invoice_id);
std::int64_t insert_invoice(db::Conn& c, const Invoice& inv);

std::vector<Payment> payments_of(db::Conn& c, std::int64_t invoice_id);
std::int64_t insert_payment(db::Conn& c, const Payment& p);

// Next number in the year's sequence, inside the caller's transaction: the increment commits or
// rolls back with the invoice, so numbers have no gaps. Concurrent issuers wait on the row.
// nullopt when the year is closed: the conditional UPDATE is both the check and the row lock, so a
// close committed before is seen, and a close that comes after waits for this issue to commit.
// Nothing is incremented then, so returning the refusal leaves no gap.
std::optional<int> next_seq(db::Conn& c, int fy, const std::string& kind);
// Closes both counters of the year in one conditional statement; false when already closed.
bool close_year(db::Conn& c, int fy, const std::string& at, std::int64_t by);
std::optional<YearClosure> year_closure(db::Conn& c, int fy);
std::vector<YearClosure> closed_years(db::Conn& c);  // newest first

// Records that the invoice's reminder went out on `day`; false if it already had one that day.
bool mark_reminded(db::Conn& c, std::int64_t invoice_id, const std::string& day);

void insert_verification_token(db::Conn& c, std::int64_t invoice_id, const std::string& token);
std::string verification_token(db::Conn& c, std::int64_t invoice_id);  // "" when none
std::optional<std::int64_t> invoice_of_token(db::Conn& c, const std::string& token);

// A site setting ("" when unset): the daily job's public address.
std::string setting(db::Conn& c, const std::string& key);

}  // namespace mdsc::invoicing::repo
