#pragma once
// The members of one fiscal year with their seats, representative and invoice state; the figures
// of the members dashboard; shared by the page, its CSV export and the API.
#include <map>
#include <string>
#include <vector>

#include "db/database.h"
#include "modules/members/model.h"

namespace mdsc::members {

struct MemberRow {
  Membership membership;
  Organization company;
  std::string tier_name_ja, tier_name_en;
  std::string representative;   // display name, "" when none
  std::string invoice_number;   // the annual-fee invoice in force, "" when none
  std::string invoice_status;   // its status on `today`, "" when none
  std::int64_t invoiced = 0, paid = 0;
};

struct YearFigures {
  int fiscal_year = 0;
  int members = 0;  // memberships not cancelled
  std::map<std::string, int> by_tier;
  std::map<std::string, int> by_type;
  std::int64_t invoiced = 0, paid = 0, outstanding = 0;
  int consultations = 0;  // seat requests waiting for a decision
};

inline constexpr int kPartnerTargetLow = 35;
inline constexpr int kPartnerTargetHigh = 40;

std::vector<MemberRow> member_rows(db::Conn& c, int fiscal_year, const std::string& today);
YearFigures year_figures(db::Conn& c, int fiscal_year, const std::string& today);

}  // namespace mdsc::members
