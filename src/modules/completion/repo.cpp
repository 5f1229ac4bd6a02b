#include "modules/completion/repo.h"

namespace mdsc::completion::repo {

Rule rule_of(db::Conn& c, std::int64_t fiscal_year) {
  auto r = c.query_one(
      "SELECT fiscal_year, tracks_required, attendance_required, exams_required, updated_at FROM completion_rules "
      "WHERE fiscal_year = ?",
      {fiscal_year});
  if (r) return entity::from_row<Rule>(*r);
  Rule def;
  def.fiscal_year = fiscal_year;
  return def;
}

// Bound one by one: entity::params<Rule> trips GCC 12's maybe-uninitialized false positive on
// db::Param's variant here (-Werror), as it does in exams/repo.cpp.
void save_rule(db::Conn& c, const Rule& r) {
  db::Params p;
  p.emplace_back(r.fiscal_year);
  p.emplace_back(r.tracks_required);
  p.emplace_back(std::int64_t{r.attendance_required});
  p.emplace_back(std::int64_t{r.exams_required});
  p.emplace_back(r.updated_at);
  c.exec(
      "INSERT INTO completion_rules (fiscal_year, tracks_required, attendance_required, exams_required, updated_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (fiscal_year) DO UPDATE SET tracks_required = excluded.tracks_required, "
      "attendance_required = excluded.attendance_required, exams_required = excluded.exams_required, "
      "updated_at = excluded.updated_at",
      p);
}

namespace {

constexpr const char* kConfirmationColumns =
    "id, fiscal_year, user_id, confirmed_by, confirmed_at, society_signer, signed_off_by, signed_off_at";

std::vector<Confirmation> confirmations(db::Conn& c, const std::string& where, const db::Params& p) {
  std::vector<Confirmation> out;
  for (const auto& r : c.query(std::string("SELECT ") + kConfirmationColumns + " FROM completions WHERE " + where, p))
    out.push_back(entity::from_row<Confirmation>(r));
  return out;
}

std::optional<Confirmation> first(std::vector<Confirmation> v) {
  return v.empty() ? std::nullopt : std::optional<Confirmation>(std::move(v.front()));
}

}  // namespace

std::optional<Confirmation> confirmation(db::Conn& c, std::int64_t id) {
  return first(confirmations(c, "id = ?", {id}));
}

std::optional<Confirmation> confirmation_of(db::Conn& c, std::int64_t fiscal_year, std::int64_t user_id) {
  return first(confirmations(c, "fiscal_year = ? AND user_id = ?", {fiscal_year, user_id}));
}

std::vector<Confirmation> confirmations_of_year(db::Conn& c, std::int64_t fiscal_year) {
  return confirmations(c, "fiscal_year = ? ORDER BY id", {fiscal_year});
}

bool insert_confirmation(db::Conn& c, const Confirmation& k) {
  db::Params p;
  p.emplace_back(k.fiscal_year);
  p.emplace_back(k.user_id);
  p.push_back(k.confirmed_by ? db::Param(k.confirmed_by) : db::Param(nullptr));
  p.emplace_back(k.confirmed_at);
  return c.exec(
             "INSERT INTO completions (fiscal_year, user_id, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?) "
             "ON CONFLICT (fiscal_year, user_id) DO NOTHING",
             p) > 0;
}

bool record_sign_off(db::Conn& c, std::int64_t id, const std::string& signer, std::int64_t by, std::int64_t at) {
  db::Params p;
  p.emplace_back(signer);
  p.push_back(by ? db::Param(by) : db::Param(nullptr));
  p.emplace_back(at);
  p.emplace_back(id);
  return c.exec(
             "UPDATE completions SET society_signer = ?, signed_off_by = ?, signed_off_at = ? "
             "WHERE id = ? AND signed_off_at IS NULL",
             p) > 0;
}

}  // namespace mdsc::completion::repo
