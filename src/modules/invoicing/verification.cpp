#include "modules/invoicing/verification.h"

#include "core/crypto.h"
#include "modules/invoicing/repo.h"

namespace mdsc::invoicing {
namespace {

// New tokens are base64url of 16 bytes (22 characters); those the migration gave to earlier
// invoices are 32 hex digits. Anything else is not looked up.
bool plausible(const std::string& t) {
  if (t.size() < 22 || t.size() > 64) return false;
  for (char ch : t)
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_'))
      return false;
  return true;
}

}  // namespace

void add_verification_token(db::Conn& c, std::int64_t invoice_id) {
  repo::insert_verification_token(c, invoice_id, crypto::random_token(16));
}

std::string verification_token(db::Conn& c, std::int64_t invoice_id) { return repo::verification_token(c, invoice_id); }

std::optional<std::int64_t> invoice_of_token(db::Conn& c, const std::string& token) {
  if (!plausible(token)) return std::nullopt;
  return repo::invoice_of_token(c, token);
}

std::string verification_url(const std::string& base_url, const std::string& token) {
  return base_url + "/invoices/verify/" + token;
}

}  // namespace mdsc::invoicing
