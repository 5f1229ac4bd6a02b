#pragma once
// Data for the members module's templates, in the request's language.
#include "nlohmann/json.hpp"
#include "web/context.h"
#include "modules/members/model.h"

namespace mdsc::members {

int current_fiscal_year(std::int64_t now);
bool is_venture_now(const Organization& o, std::int64_t now);
// A fiscal year chosen with ?fy=, else the current one.
int requested_fiscal_year(const web::Context& ctx);

nlohmann::json organization_view(const web::Context& ctx, const Organization& o);
nlohmann::json membership_row(const web::Context& ctx, const Membership& m);
std::string membership_status_label(const web::Context& ctx, const std::string& status);
// Links to the neighbouring and listed fiscal years for a page at `path`.
// The new-membership form: the company, one select of "<fy>:<tier>" grouped by year, the status.
nlohmann::json membership_form_data(const web::Context& ctx, const Organization& company,
                                    const std::vector<FeeSchedule>& schedules, const nlohmann::json& form);
nlohmann::json fiscal_year_nav(const web::Context& ctx, const std::string& path, int fy);

}  // namespace mdsc::members
