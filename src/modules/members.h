#pragma once
// What other modules may use of members (its face, decision 0018): organisations, fee tiers,
// memberships and seat requests as plain structs; reads in the caller's transaction (w.conn,
// ctx.work().conn); the locks others take on members' rows (decision 0011); who may see what; and
// the changes other modules, their tests and the demo make, in the caller's unit of work.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "platform/entity_fwd.h"
#include "platform/states.h"
#include "web/principal.h"

namespace mdsc {
struct Work;
}

namespace mdsc::members {

// A partner company or a participating institution.
struct Organization {
  std::int64_t id = 0;
  std::string kind;          // company, university, research_institute
  std::string company_type;  // pharma, medical_it, medical_devices, cro, other ("" for institutions)
  std::string name, name_kana, name_en;
  std::string corporate_number;  // "" when unknown
  std::optional<std::int64_t> employee_count;
  std::string founded_on;  // YYYY-MM-DD or ""
  std::string postal_code, address, phone, email, contact_name, contact_department;
  bool is_representative = false;  // the representative institution of the consortium
  std::int64_t representative_user_id = 0, substitute_user_id = 0;
  bool active = true;

  static const entity::Table<Organization>& table();  // its fields, described once
};

// A tier of a year's fee schedule.
struct FeeTier {
  std::int64_t id = 0;
  std::int64_t schedule_id = 0;
  std::string code;  // A, B, C, M
  std::string name_ja, name_en;
  std::int64_t annual_fee = 0;
  int seats = 0;
  bool includes_lectures = false, includes_liaison = true, includes_research = true;
  std::string tax_category = "10";  // "10", "8", "none"
  std::string eligibility = "any";  // any, venture, non_venture
  const std::string& name(std::string_view lang) const { return lang == "en" ? name_en : name_ja; }

  static const entity::Table<FeeTier>& table();  // its fields, described once
};

struct FeeSchedule {
  std::int64_t id = 0;
  int fiscal_year = 0;
  bool monitor_period = false;
  std::string notes;
  std::vector<FeeTier> tiers;
  const FeeTier* tier(std::string_view code) const;
  const FeeTier* tier_by_id(std::int64_t id) const;

  static const entity::Table<FeeSchedule>& table();  // its fields, described once
};

// applied → active | cancelled; active → ended | cancelled (states<MembershipStatus>(), model.cpp).
enum class MembershipStatus { applied, active, ended, cancelled };
const States<MembershipStatus>& states_of(MembershipStatus);  // its names and moves (model.cpp)

// A company's membership of one fiscal year.
struct Membership {
  std::int64_t id = 0;
  std::int64_t company_id = 0;
  int fiscal_year = 0;
  std::int64_t tier_id = 0;
  std::string tier_code;
  MembershipStatus status = MembershipStatus::applied;
  std::string starts_on, ends_on;
  int seats_included = 0;  // the tier's seats
  int extra_seats = 0;     // granted in consultations
  int seats_used = 0;      // accepted seat requests
  std::string notes;
  int seats_total() const { return seats_included + extra_seats; }
  // Applied or active: trainees may be sent on it.
  bool current() const { return status == MembershipStatus::applied || status == MembershipStatus::active; }

  static const entity::Table<Membership>& table();  // its fields, described once
};

// A trainee the company sends on its membership.
// A seat request's life: consultation → accepted | declined; accepted | consultation → withdrawn
// (states<SeatStatus>(), model.cpp). A request that needs no consultation starts accepted.
enum class SeatStatus { consultation, accepted, declined, withdrawn };
const States<SeatStatus>& states_of(SeatStatus);  // its names and moves (model.cpp)

struct SeatRequest {
  std::int64_t id = 0;
  std::int64_t membership_id = 0;
  std::string trainee_name;
  std::string source;
  SeatStatus status = SeatStatus::consultation;
  std::optional<std::int64_t> extra_fee;
  std::string reason;
  std::string created_at;

  static const entity::Table<SeatRequest>& table();  // its fields, described once
};

// Who issues the consortium's invoices.
struct IssuerProfile {
  std::string name, postal_code, address, department, phone, email;
  std::string registration_number;  // T + 13 digits
  std::string bank_details;
  std::string number_prefix = "MDSC";
  std::string rounding = "floor";
  int payment_days = 30;

  static const entity::Table<IssuerProfile>& table();  // its fields, described once
};

// Reads ------------------------------------------------------------------------------------------

std::optional<Organization> find_organization(db::Conn& c, std::int64_t id);
std::optional<Membership> find_membership(db::Conn& c, std::int64_t id);
// The company's membership of the year that is not cancelled.
std::optional<Membership> membership_of(db::Conn& c, std::int64_t company_id, int fiscal_year);
// The year's memberships (cancelled ones too), by id.
std::vector<Membership> memberships_in_year(db::Conn& c, int fiscal_year);
std::optional<FeeTier> find_tier(db::Conn& c, std::int64_t tier_id);
std::optional<IssuerProfile> issuer_profile(db::Conn& c);

// Locks (decision 0011) --------------------------------------------------------------------------

// The membership's row lock, which every change of its seats, invoices and payments takes.
void lock_membership(db::Conn& c, std::int64_t membership_id);
// Locks the membership the seat request belongs to, then reads the request under that lock.
std::optional<SeatRequest> lock_seat_request(db::Conn& c, std::int64_t seat_request_id);

// Who may see what: the secretariat everything; a partner representative only their own company,
// its memberships and its invoices; nobody else sees fees. -----------------------------------------

bool manages_members(const std::optional<web::Principal>& p);
bool can_view_company(const std::optional<web::Principal>& p, std::int64_t company_id);
// Companies a representative may see; empty for the secretariat, who sees all.
std::vector<std::int64_t> own_companies(const web::Principal& p);

// Changes (validated and audited as the module's own pages do) -----------------------------------

Result<std::int64_t> create_organization(Work& w, Organization o);
Status save_issuer_profile(Work& w, IssuerProfile p);
Result<std::int64_t> create_fee_schedule(Work& w, const FeeSchedule& s);
// Status applied or active.
Result<std::int64_t> create_membership(Work& w, std::int64_t company_id, int fiscal_year, const std::string& tier_code,
                                       MembershipStatus status);
// A trainee from the company: accepted while the company has a free seat and fewer than two
// trainees; otherwise held as "consultation" for the secretariat — never accepted automatically,
// also when requests race (the membership row is locked first).
Result<SeatRequest> request_seat(Work& w, std::int64_t membership_id, const std::string& trainee_name,
                                 const std::string& source);
// Accept (with the agreed extra fee, tax excluded, invoiced separately; 0 allowed) or decline.
Status decide_consultation(Work& w, std::int64_t request_id, bool accept, std::int64_t extra_fee,
                           const std::string& reason);
// Gives a seat back (its applicant was declined): withdrawn if it is still accepted or waiting,
// else left as it is.
void release_seat(Work& w, std::int64_t seat_request_id);

// Members' view of invoicing --------------------------------------------------------------------

// An invoice as members' pages show it beside a membership or a company. Invoicing provides them
// (app/modules.cpp wires it at start-up), so that members does not depend on invoicing: invoicing
// depends on members, never the other way round.
struct BilledInvoice {
  std::int64_t id = 0;
  std::int64_t membership_id = 0;
  std::int64_t seat_request_id = 0;  // 0: the annual fee
  std::string number, kind, issue_date;
  std::string status;                // on the day asked (invoice.status.<status>)
  std::int64_t total = 0, paid = 0, balance = 0;
  bool credited = false;             // cancelled by a credit note
};
struct BillingQuery {
  std::int64_t membership_id = 0;  // its invoices, oldest first; or else
  std::int64_t company_id = 0;     // the company's, newest first; or else
  int fiscal_year = 0;             // those of the year's memberships
  std::string today;               // YYYY-MM-DD (Asia/Tokyo)
};
using Billing = std::vector<BilledInvoice> (*)(db::Conn& c, const BillingQuery& q);

// Once, at start-up. Without it (members on its own), nothing is billed.
void provide_billing(Billing billing);
std::vector<BilledInvoice> billed(db::Conn& c, const BillingQuery& q);

}  // namespace mdsc::members
