#include "modules/certificates/repo.h"

namespace mdsc::certificates::repo {
namespace {

const std::string kSelect =
    "SELECT id, number, completion_id, user_id, fiscal_year, name, name_en, issued_on, payload, signature, key_id, "
    "issued_by, issued_at, revoked_at, revoked_by, revoke_reason FROM certificates WHERE ";

}  // namespace

std::optional<Certificate> by_id(db::Conn& c, std::int64_t id) {
  return entity::select_first<Certificate>(c, kSelect + "id = ?", {id});
}

std::optional<Certificate> by_number(db::Conn& c, const std::string& number) {
  return entity::select_first<Certificate>(c, kSelect + "number = ?", {number});
}

std::vector<Certificate> of_year(db::Conn& c, std::int64_t fiscal_year) {
  return entity::select<Certificate>(c, kSelect + "fiscal_year = ? ORDER BY id DESC", {fiscal_year});
}

std::vector<Certificate> of_user(db::Conn& c, std::int64_t user_id) {
  return entity::select<Certificate>(c, kSelect + "user_id = ? ORDER BY id DESC", {user_id});
}

std::optional<std::int64_t> latest_year(db::Conn& c) {
  auto r = c.query_one("SELECT MAX(fiscal_year) AS fy FROM certificates");
  if (!r || r->is_null("fy")) return std::nullopt;
  return r->i64("fy");
}

std::optional<Certificate> valid_of_completion(db::Conn& c, std::int64_t completion_id) {
  return entity::select_first<Certificate>(c, kSelect + "completion_id = ? AND revoked_at IS NULL", {completion_id});
}

std::optional<std::int64_t> insert(db::Conn& c, const Certificate& k) {
  if (c.exec("INSERT INTO certificates (number, completion_id, user_id, fiscal_year, name, name_en, issued_on, "
             "payload, signature, key_id, issued_by, issued_at, revoked_at, revoked_by, revoke_reason) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
             entity::params(k)) == 0)
    return std::nullopt;
  return by_number(c, k.number)->id;
}

bool record_revocation(db::Conn& c, std::int64_t id, std::int64_t by, std::int64_t at, const std::string& reason) {
  return c.exec(
             "UPDATE certificates SET revoked_at = ?, revoked_by = ?, revoke_reason = ? "
             "WHERE id = ? AND revoked_at IS NULL",
             {at, db::null_if_zero(by), reason, id}) > 0;
}

}  // namespace mdsc::certificates::repo
