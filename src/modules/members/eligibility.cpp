#include "modules/members/eligibility.h"

#include <cstdio>

namespace mdsc::members {
namespace {

bool parse_date(const std::string& s, int& y, int& m, int& d) {
  return s.size() == 10 && std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3;
}

}  // namespace

std::string fiscal_year_start(int fy) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-04-01", fy);
  return buf;
}

std::string fiscal_year_end(int fy) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-03-31", fy + 1);
  return buf;
}

bool is_venture(const Organization& c, int fiscal_year) {
  if (!c.employee_count || *c.employee_count > kVentureMaxEmployees) return false;
  int y, m, d;
  if (!parse_date(c.founded_on, y, m, d)) return false;
  // Founded on or after April 1, five years before the fiscal year's April 1 (and not after it).
  int founded = y * 10000 + m * 100 + d;
  int limit = (fiscal_year - kVentureMaxYears) * 10000 + 401;
  int start = fiscal_year * 10000 + 401;
  return founded >= limit && founded <= start;
}

Status check_eligibility(const Organization& c, const FeeTier& tier, int fiscal_year) {
  if (c.kind != "company") return Status::invalid().field("company_id", "members.not_a_company");
  std::map<std::string, std::string> args{
      {"employees", c.employee_count ? std::to_string(*c.employee_count) : "?"},
      {"founded", c.founded_on.empty() ? "?" : c.founded_on},
      {"fy", std::to_string(fiscal_year)}};
  bool venture = is_venture(c, fiscal_year);
  if (tier.eligibility == "venture" && !venture)
    return Status::invalid().field("tier", "members.tier_venture_only", args);
  if (tier.eligibility == "non_venture" && venture)
    return Status::invalid().field("tier", "members.tier_not_for_venture", args);
  return Status::ok();
}

}  // namespace mdsc::members
