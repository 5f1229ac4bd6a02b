#pragma once
// FY2017 demo data of the members module: the consortium as issuer, the FY2017 (monitor period)
// and FY2018 fee schedules, the participating institutions the prospectus names, a dozen fictional
// partner companies of every type, their memberships, seats and invoices in several states.
#include <cstdint>

#include "core/clock.h"
#include "db/database.h"

namespace mdsc::app {

struct DemoOrganizations {
  std::int64_t first_company = 0;            // the partner the demo representative belongs to
  std::int64_t representative_institution = 0;
};

DemoOrganizations load_demo_organizations(db::Database& db, std::int64_t now);
// After the users exist: memberships (entered at `now`), invoices and payments (each on its own date,
// from November 2017) and the FY2018 renewals applied for in January 2018; names the representative.
void load_demo_memberships(db::Database& db, const DemoOrganizations& orgs, std::int64_t representative_user_id,
                           std::int64_t now);

}  // namespace mdsc::app
