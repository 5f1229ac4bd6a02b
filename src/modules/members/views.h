#pragma once
// Data for the members module's templates, in the request's language.
#include "modules/members/model.h"
#include "nlohmann/json.hpp"
#include "web/context.h"
#include "web/fiscal_years.h"

namespace mdsc::members {

bool is_venture_now(const Organization& o, std::int64_t now);

nlohmann::json organization_view(const web::Context& ctx, const Organization& o);
nlohmann::json membership_row(const web::Context& ctx, const Membership& m);
std::string membership_status_label(const web::Context& ctx, MembershipStatus status);
// The new-membership form: the company, one select of "<fy>:<tier>" grouped by year, the status.
nlohmann::json membership_form_data(const web::Context& ctx, const Organization& company,
                                    const std::vector<FeeSchedule>& schedules, const nlohmann::json& form);

}  // namespace mdsc::members
