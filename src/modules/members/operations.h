#pragma once
// Every change to organisations, fee schedules, memberships, seats and the issuer profile:
// validated, written in one transaction, audited there.
#include <functional>
#include <optional>
#include <string>

#include "core/result.h"
#include "db/database.h"
#include "modules/members/model.h"
#include "platform/audit.h"

namespace mdsc::members {

// Organisations --------------------------------------------------------------------------------
Status validate_organization(const Organization& o, const std::string& today);
Result<std::int64_t> create_organization(db::Database& db, const audit::Actor& actor, Organization o,
                                         std::int64_t now);
// Inside the caller's transaction (CSV import creates many at once).
Result<std::int64_t> create_organization_in(db::Conn& c, const audit::Actor& actor, Organization o, std::int64_t now);
// Applies `edit` to the organisation as it is under its row lock, then validates and writes it
// (representatives included: both must hold the partner-representative role for the company).
using OrganizationEdit = std::function<Status(Organization&)>;
Status edit_organization(db::Database& db, const audit::Actor& actor, std::int64_t id, const OrganizationEdit& edit,
                         std::int64_t now);
Status update_organization(db::Database& db, const audit::Actor& actor, std::int64_t id, Organization o,
                           std::int64_t now);
// Both must hold the partner-representative role for this company; 0 clears.
Status set_representatives(db::Database& db, const audit::Actor& actor, std::int64_t company_id,
                           std::int64_t representative_user_id, std::int64_t substitute_user_id, std::int64_t now);

// Issuer profile --------------------------------------------------------------------------------
struct IssuerProfile {
  std::string name, postal_code, address, department, phone, email;
  std::string registration_number;  // T + 13 digits
  std::string bank_details;
  std::string number_prefix = "MDSC";
  std::string rounding = "floor";
  int payment_days = 30;
};
std::optional<IssuerProfile> issuer_profile(db::Conn& c);
Status save_issuer_profile(db::Database& db, const audit::Actor& actor, IssuerProfile p, std::int64_t now);

// Fee schedules ---------------------------------------------------------------------------------
Result<std::int64_t> create_fee_schedule(db::Database& db, const audit::Actor& actor, const FeeSchedule& s,
                                         std::int64_t now);
// Replaces notes and tier values (tiers matched by code; new codes are added).
Status update_fee_schedule(db::Database& db, const audit::Actor& actor, const FeeSchedule& s, std::int64_t now);

// Memberships -----------------------------------------------------------------------------------
Result<std::int64_t> create_membership(db::Database& db, const audit::Actor& actor, std::int64_t company_id,
                                       int fiscal_year, const std::string& tier_code, const std::string& status,
                                       std::int64_t now);
// applied → active | cancelled; active → ended | cancelled.
Status change_membership_status(db::Database& db, const audit::Actor& actor, std::int64_t id,
                                const std::string& status, std::int64_t now);
// Prepares next year's membership (status applied) from next year's schedule, keeping the tier
// code when it exists there and the company is still eligible; `tier_code` overrides.
Result<std::int64_t> renew_membership(db::Database& db, const audit::Actor& actor, std::int64_t id,
                                      const std::string& tier_code, std::int64_t now);

// Seats -----------------------------------------------------------------------------------------
// A trainee from the company: accepted while the company has a free seat and fewer than two
// trainees; otherwise held as "consultation" for the secretariat — never accepted automatically,
// also when requests race (the membership row is locked first).
Result<SeatRequest> request_seat(db::Database& db, const audit::Actor& actor, std::int64_t membership_id,
                                 const std::string& trainee_name, const std::string& source, std::int64_t now);
Result<SeatRequest> request_seat_in(db::Conn& c, const audit::Actor& actor, std::int64_t membership_id,
                                    const std::string& trainee_name, const std::string& source, std::int64_t now);
// Accept (with the agreed extra fee, tax excluded, invoiced separately; 0 allowed) or decline.
Status decide_consultation(db::Database& db, const audit::Actor& actor, std::int64_t request_id, bool accept,
                           std::int64_t extra_fee, const std::string& reason, std::int64_t now);
Status withdraw_seat(db::Database& db, const audit::Actor& actor, std::int64_t request_id, std::int64_t now);

}  // namespace mdsc::members
