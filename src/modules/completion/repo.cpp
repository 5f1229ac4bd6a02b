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

}  // namespace mdsc::completion::repo
