#pragma once
// SQL of the members module (all of it). Operations, handlers' reads and the face call this.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "modules/members/model.h"

namespace mdsc::members::repo {

std::optional<Organization> organization(db::Conn& c, std::int64_t id);
std::optional<Organization> organization_by_corporate_number(db::Conn& c, const std::string& number);
struct OrgQuery {
  std::string kind;          // "" = all; "institution" = universities and research institutes
  std::string company_type;  // "" = all
  std::string search;
  std::vector<std::int64_t> only_ids;  // non-empty: restrict (a representative's own company)
  long limit = 100, offset = 0;
};
std::vector<Organization> organizations(db::Conn& c, const OrgQuery& q);
long count_organizations(db::Conn& c, const OrgQuery& q);
std::int64_t insert_organization(db::Conn& c, const Organization& o, const std::string& now_iso);
void update_organization(db::Conn& c, const Organization& o, const std::string& now_iso);

std::optional<FeeSchedule> schedule(db::Conn& c, int fiscal_year);
std::vector<FeeSchedule> schedules(db::Conn& c);
std::int64_t insert_schedule(db::Conn& c, const FeeSchedule& s, const std::string& now_iso);
void update_schedule(db::Conn& c, const FeeSchedule& s, const std::string& now_iso);
std::optional<FeeTier> tier(db::Conn& c, std::int64_t tier_id);

std::optional<IssuerProfile> issuer_profile(db::Conn& c);
void save_issuer_profile(db::Conn& c, const IssuerProfile& p, const std::string& now_iso);

std::optional<Membership> membership(db::Conn& c, std::int64_t id);
std::optional<Membership> membership_of(db::Conn& c, std::int64_t company_id, int fiscal_year);
std::vector<Membership> memberships_of_company(db::Conn& c, std::int64_t company_id);
std::vector<Membership> memberships_in_year(db::Conn& c, int fiscal_year);
// The fiscal years that have memberships, oldest first.
std::vector<int> membership_years(db::Conn& c);
std::int64_t insert_membership(db::Conn& c, const Membership& m, const std::string& now_iso);
void update_membership(db::Conn& c, const Membership& m, const std::string& now_iso);
// Membership id → its company's type, for the year's memberships.
std::map<std::int64_t, std::string> company_types_of_year(db::Conn& c, int fiscal_year);
// Seat requests waiting for the secretariat's decision, in the year's memberships.
int count_consultations(db::Conn& c, int fiscal_year);
// Takes the row lock on PostgreSQL (SQLite's write transaction already serialises writers), so that
// two seat requests for one company are decided one after the other.
void lock_membership(db::Conn& c, std::int64_t id);
// Takes the organisation's row lock until the transaction ends; false if there is none.
bool lock_organization(db::Conn& c, std::int64_t id);

std::vector<SeatRequest> seat_requests(db::Conn& c, std::int64_t membership_id);
std::optional<SeatRequest> seat_request(db::Conn& c, std::int64_t id);
// The membership a seat request belongs to (it never changes), 0 if there is no such request.
std::int64_t membership_of_seat_request(db::Conn& c, std::int64_t id);
std::int64_t insert_seat_request(db::Conn& c, const SeatRequest& r, const std::string& now_iso);
void update_seat_request(db::Conn& c, const SeatRequest& r, std::int64_t decided_by, const std::string& now_iso);
int count_seats(db::Conn& c, std::int64_t membership_id, SeatStatus status);

// Accounts -----------------------------------------------------------------------------------------
// "family given", "" if there is no such user.
std::string user_name(db::Conn& c, std::int64_t user_id);
// Active accounts holding the partner-representative role for the company, as (id, "name <e-mail>").
std::vector<std::pair<std::int64_t, std::string>> representative_candidates(db::Conn& c, std::int64_t company_id);
bool is_active_representative(db::Conn& c, std::int64_t user_id, std::int64_t company_id);

// CSV imports waiting for their confirmation ---------------------------------------------------------
// Drops those created before `expired_before`, then keeps this one; its id.
std::int64_t keep_pending_import(db::Conn& c, std::int64_t user_id, const std::string& content, std::int64_t now,
                                 std::int64_t expired_before);
// Takes the user's pending import out (at most once: a second confirmation finds nothing).
std::optional<std::string> take_pending_import(db::Conn& c, std::int64_t id, std::int64_t user_id,
                                               std::int64_t created_since);

}  // namespace mdsc::members::repo
