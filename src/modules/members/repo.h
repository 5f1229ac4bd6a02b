#pragma once
// SQL of the members module. Only operations and handlers' read paths call this.
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

std::optional<Membership> membership(db::Conn& c, std::int64_t id);
std::optional<Membership> membership_of(db::Conn& c, std::int64_t company_id, int fiscal_year);
std::vector<Membership> memberships_of_company(db::Conn& c, std::int64_t company_id);
std::vector<Membership> memberships_in_year(db::Conn& c, int fiscal_year);
std::int64_t insert_membership(db::Conn& c, const Membership& m, const std::string& now_iso);
void update_membership(db::Conn& c, const Membership& m, const std::string& now_iso);
// Takes the row lock on PostgreSQL (SQLite's write transaction already serialises writers), so that
// two seat requests for one company are decided one after the other.
// Membership id → its company's type, for the year's memberships.
std::map<std::int64_t, std::string> company_types_of_year(db::Conn& c, int fiscal_year);
void lock_membership(db::Conn& c, std::int64_t id);
// Takes the organisation's row lock until the transaction ends; false if there is none.
bool lock_organization(db::Conn& c, std::int64_t id);

std::vector<SeatRequest> seat_requests(db::Conn& c, std::int64_t membership_id);
std::optional<SeatRequest> seat_request(db::Conn& c, std::int64_t id);
std::int64_t insert_seat_request(db::Conn& c, const SeatRequest& r, const std::string& now_iso);
void update_seat_request(db::Conn& c, const SeatRequest& r, std::int64_t decided_by, const std::string& now_iso);
int count_seats(db::Conn& c, std::int64_t membership_id, const std::string& status);

}  // namespace mdsc::members::repo
