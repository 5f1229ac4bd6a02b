#include "modules/certificates/repo.h"

namespace mdsc::certificates::repo {
namespace {

constexpr const char* kColumns =
    "id, number, completion_id, user_id, fiscal_year, name, name_en, issued_on, payload, signature, key_id, "
    "issued_by, issued_at, revoked_at, revoked_by, revoke_reason";

std::vector<Certificate> select(db::Conn& c, const std::string& where, const db::Params& p) {
  std::vector<Certificate> out;
  for (const auto& r : c.query(std::string("SELECT ") + kColumns + " FROM certificates WHERE " + where, p))
    out.push_back(entity::from_row<Certificate>(r));
  return out;
}

std::optional<Certificate> first(std::vector<Certificate> v) {
  return v.empty() ? std::nullopt : std::optional<Certificate>(std::move(v.front()));
}

db::Param id_or_null(std::int64_t id) { return id ? db::Param(id) : db::Param(nullptr); }

}  // namespace

std::optional<Certificate> by_id(db::Conn& c, std::int64_t id) { return first(select(c, "id = ?", {id})); }

std::optional<Certificate> by_number(db::Conn& c, const std::string& number) {
  return first(select(c, "number = ?", {number}));
}

std::vector<Certificate> of_year(db::Conn& c, std::int64_t fiscal_year) {
  return select(c, "fiscal_year = ? ORDER BY id DESC", {fiscal_year});
}

std::vector<Certificate> of_user(db::Conn& c, std::int64_t user_id) {
  return select(c, "user_id = ? ORDER BY id DESC", {user_id});
}

std::optional<std::int64_t> latest_year(db::Conn& c) {
  auto r = c.query_one("SELECT MAX(fiscal_year) AS fy FROM certificates");
  if (!r || r->is_null("fy")) return std::nullopt;
  return r->i64("fy");
}

std::optional<Certificate> valid_of_completion(db::Conn& c, std::int64_t completion_id) {
  return first(select(c, "completion_id = ? AND revoked_at IS NULL", {completion_id}));
}

// Bound one by one: entity::params trips GCC 12's maybe-uninitialized false positive (-Werror),
// as in exams/repo.cpp.
std::optional<std::int64_t> insert(db::Conn& c, const Certificate& k) {
  db::Params p;
  p.emplace_back(k.number);
  p.emplace_back(k.completion_id);
  p.emplace_back(k.user_id);
  p.emplace_back(k.fiscal_year);
  p.emplace_back(k.name);
  p.emplace_back(k.name_en);
  p.emplace_back(k.issued_on);
  p.emplace_back(k.payload);
  p.emplace_back(k.signature);
  p.emplace_back(k.key_id);
  p.push_back(id_or_null(k.issued_by));
  p.emplace_back(k.issued_at);
  if (c.exec("INSERT INTO certificates (number, completion_id, user_id, fiscal_year, name, name_en, issued_on, "
             "payload, signature, key_id, issued_by, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
             "ON CONFLICT DO NOTHING",
             p) == 0)
    return std::nullopt;
  return by_number(c, k.number)->id;
}

bool record_revocation(db::Conn& c, std::int64_t id, std::int64_t by, std::int64_t at, const std::string& reason) {
  db::Params p;
  p.emplace_back(at);
  p.push_back(id_or_null(by));
  p.emplace_back(reason);
  p.emplace_back(id);
  return c.exec(
             "UPDATE certificates SET revoked_at = ?, revoked_by = ?, revoke_reason = ? "
             "WHERE id = ? AND revoked_at IS NULL",
             p) > 0;
}

}  // namespace mdsc::certificates::repo
