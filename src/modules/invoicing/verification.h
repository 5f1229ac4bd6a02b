#pragma once
// Public verification of an issued invoice or credit note: /invoices/verify/<token>, printed on the
// PDF as an address and a QR code. The token is 128 random bits stored per document (a row of its
// own: invoices never change), not the sequential id, so the addresses cannot be enumerated; and
// not a MAC under the server secret, so a printed address stays valid for the years an invoice is
// kept even if that secret is replaced. What the page shows is in docs/decisions/0013.
#include <cstdint>
#include <optional>
#include <string>

#include "db/database.h"

namespace mdsc::invoicing {

// Gives a new invoice its token, inside the issuing transaction.
void add_verification_token(db::Conn& c, std::int64_t invoice_id);
// "" when the invoice has none (it does not exist).
std::string verification_token(db::Conn& c, std::int64_t invoice_id);
// The invoice id a token verifies; nullopt for anything else, including malformed tokens.
std::optional<std::int64_t> invoice_of_token(db::Conn& c, const std::string& token);
// <base_url>/invoices/verify/<token>
std::string verification_url(const std::string& base_url, const std::string& token);

}  // namespace mdsc::invoicing
