#pragma once
// Who may hold which tier. The prospectus: a venture has fewer than 50 employees AND was founded
// within 5 years; B is for ventures only, A for companies that are not ventures.
// "Within 5 years" is counted on April 1 of the fiscal year and includes the fifth anniversary:
// founded 2013-04-01 is a venture in FY2018, founded 2013-03-31 is not.
#include <string>

#include "core/result.h"
#include "modules/members/model.h"

namespace mdsc::members {

inline constexpr int kVentureMaxEmployees = 49;
inline constexpr int kVentureMaxYears = 5;

// Unknown employee count or founding date: not a venture (the secretariat must fill them in).
bool is_venture(const Organization& company, int fiscal_year);

// OK, or a Status whose field "tier" says why not, e.g. validation.tier_venture_only with args
// {employees}, {founded}.
Status check_eligibility(const Organization& company, const FeeTier& tier, int fiscal_year);

// "2018-04-01", "2019-03-31"
std::string fiscal_year_start(int fy);
std::string fiscal_year_end(int fy);

}  // namespace mdsc::members
