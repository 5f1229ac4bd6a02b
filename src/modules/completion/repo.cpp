#include "modules/completion/repo.h"

namespace mdsc::completion::repo {

Rule rule_of(db::Conn& c, std::int64_t fiscal_year) {
  Rule absent;
  absent.fiscal_year = fiscal_year;
  return entity::select_first<Rule>(c,
                                    "SELECT fiscal_year, tracks_required, attendance_required, exams_required, "
                                    "updated_at FROM completion_rules "
                                    "WHERE fiscal_year = ?",
                                    {fiscal_year})
      .value_or(absent);
}

void save_rule(db::Conn& c, const Rule& r) {
  c.exec(
      "INSERT INTO completion_rules (fiscal_year, tracks_required, attendance_required, exams_required, updated_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (fiscal_year) DO UPDATE SET tracks_required = excluded.tracks_required, "
      "attendance_required = excluded.attendance_required, exams_required = excluded.exams_required, "
      "updated_at = excluded.updated_at",
      entity::params(r));
}

namespace {

const std::string kSelectConfirmations =
    "SELECT id, fiscal_year, user_id, confirmed_by, confirmed_at, society_signer, signed_off_by, signed_off_at "
    "FROM completions WHERE ";

}  // namespace

std::optional<Confirmation> confirmation(db::Conn& c, std::int64_t id) {
  return entity::select_first<Confirmation>(c, kSelectConfirmations + "id = ?", {id});
}

std::optional<Confirmation> confirmation_of(db::Conn& c, std::int64_t fiscal_year, std::int64_t user_id) {
  return entity::select_first<Confirmation>(c, kSelectConfirmations + "fiscal_year = ? AND user_id = ?",
                                            {fiscal_year, user_id});
}

std::vector<Confirmation> confirmations_of_year(db::Conn& c, std::int64_t fiscal_year) {
  return entity::select<Confirmation>(c, kSelectConfirmations + "fiscal_year = ? ORDER BY id", {fiscal_year});
}

bool insert_confirmation(db::Conn& c, const Confirmation& k) {
  return c.exec(
             "INSERT INTO completions (fiscal_year, user_id, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?) "
             "ON CONFLICT (fiscal_year, user_id) DO NOTHING",
             {k.fiscal_year, k.user_id, db::null_if_zero(k.confirmed_by), k.confirmed_at}) > 0;
}

bool record_sign_off(db::Conn& c, std::int64_t id, const std::string& signer, std::int64_t by, std::int64_t at) {
  return c.exec(
             "UPDATE completions SET society_signer = ?, signed_off_by = ?, signed_off_at = ? "
             "WHERE id = ? AND signed_off_at IS NULL",
             {signer, db::null_if_zero(by), at, id}) > 0;
}

}  // namespace mdsc::completion::repo
