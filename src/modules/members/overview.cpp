#include "modules/members/overview.h"

#include "modules/members.h"
#include "modules/members/repo.h"

namespace mdsc::members {

std::vector<MemberRow> member_rows(db::Conn& c, int fy, const std::string& today) {
  std::vector<MemberRow> rows;
  for (const auto& m : repo::memberships_in_year(c, fy)) {
    MemberRow r;
    r.membership = m;
    r.company = repo::organization(c, m.company_id).value_or(Organization{});
    if (auto t = repo::tier(c, m.tier_id)) {
      r.tier_name_ja = t->name_ja;
      r.tier_name_en = t->name_en;
    }
    if (r.company.representative_user_id) {
      if (auto u = c.query_one("SELECT family_name, given_name FROM users WHERE id = ?", {r.company.representative_user_id}))
        r.representative = u->str("family_name") + " " + u->str("given_name");
    }
    for (const auto& inv : billed(c, {.membership_id = m.id, .today = today})) {
      if (inv.kind != "invoice" || inv.credited) continue;
      r.invoiced += inv.total;
      r.paid += inv.paid;
      if (inv.seat_request_id == 0) {
        r.invoice_number = inv.number;
        r.invoice_status = inv.status;
      }
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

YearFigures year_figures(db::Conn& c, int fy, const std::string& today) {
  YearFigures f;
  f.fiscal_year = fy;
  for (const auto& r : member_rows(c, fy, today)) {
    if (r.membership.status == "cancelled") continue;
    ++f.members;
    ++f.by_tier[r.membership.tier_code];
    ++f.by_type[r.company.company_type];
    f.invoiced += r.invoiced;
    f.paid += r.paid;
  }
  f.outstanding = f.invoiced - f.paid;
  f.consultations = static_cast<int>(c.scalar_i64(
      "SELECT COUNT(*) FROM seat_requests s JOIN memberships m ON m.id = s.membership_id "
      "WHERE m.fiscal_year = ? AND s.status = 'consultation'",
      {fy}));
  return f;
}

}  // namespace mdsc::members
