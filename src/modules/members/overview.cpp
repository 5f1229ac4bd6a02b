#include "modules/members/overview.h"

#include <set>

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
    if (r.company.representative_user_id) r.representative = repo::user_name(c, r.company.representative_user_id);
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
  // A few statements whatever the number of members: the dashboard shows these on every visit.
  const auto types = repo::company_types_of_year(c, fy);
  std::set<std::int64_t> counted;
  for (const auto& m : repo::memberships_in_year(c, fy)) {
    if (m.status == MembershipStatus::cancelled) continue;
    counted.insert(m.id);
    ++f.members;
    ++f.by_tier[m.tier_code];
    auto type = types.find(m.id);
    ++f.by_type[type == types.end() ? std::string() : type->second];
  }
  for (const auto& inv : billed(c, {.fiscal_year = fy, .today = today})) {
    if (inv.kind != "invoice" || inv.credited || !counted.count(inv.membership_id)) continue;
    f.invoiced += inv.total;
    f.paid += inv.paid;
  }
  f.outstanding = f.invoiced - f.paid;
  f.consultations = repo::count_consultations(c, fy);
  return f;
}

}  // namespace mdsc::members
