#pragma once
// Every change to organisations, fee schedules, memberships, seats and the issuer profile, in the
// caller's unit of work: validated, locked where a decision depends on a state (decision 0011),
// written and audited. Refusals are message ids with their arguments; the pages translate them.
// (create_organization, save_issuer_profile, create_fee_schedule, create_membership,
// request_seat, decide_consultation and release_seat are declared in the face, modules/members.h.)
#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "modules/members/model.h"
#include "platform/work.h"

namespace mdsc::members {

// Organisations --------------------------------------------------------------------------------
Status validate_organization(const Organization& o, const std::string& today);
// Applies `edit` to the organisation as it is under its row lock, then validates and writes it
// (representatives included: both must hold the partner-representative role for the company).
using OrganizationEdit = std::function<Status(Organization&)>;
Status edit_organization(Work& w, std::int64_t id, const OrganizationEdit& edit);
// Replaces the fields of a form (the representatives stay).
Status update_organization(Work& w, std::int64_t id, Organization o);
// Both must hold the partner-representative role for this company; 0 clears.
Status set_representatives(Work& w, std::int64_t company_id, std::int64_t representative_user_id,
                           std::int64_t substitute_user_id);

// Fee schedules ---------------------------------------------------------------------------------
// Replaces notes and tier values (tiers matched by code; new codes are added).
Status update_fee_schedule(Work& w, const FeeSchedule& s);

// Memberships -----------------------------------------------------------------------------------
// To one of the next states of states<MembershipStatus>() (its name, as a page or the API sends it).
Status change_membership_status(Work& w, std::int64_t id, std::string_view status);
// Prepares next year's membership (status applied) from next year's schedule, keeping the tier
// code when it exists there and the company is still eligible; `tier_code` overrides.
Result<std::int64_t> renew_membership(Work& w, std::int64_t id, const std::string& tier_code);

// Seats -----------------------------------------------------------------------------------------
Status withdraw_seat(Work& w, std::int64_t request_id);

}  // namespace mdsc::members
