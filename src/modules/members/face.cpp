// What the face (modules/members.h) offers other modules: reads in their transaction, the locks
// they take on members' rows, the rules of who may see what, and the billing port. (Its changes
// are in operations.cpp.)
#include <atomic>

#include "modules/members.h"
#include "modules/members/repo.h"

namespace mdsc::members {

std::optional<Organization> find_organization(db::Conn& c, std::int64_t id) { return repo::organization(c, id); }

std::optional<Membership> find_membership(db::Conn& c, std::int64_t id) { return repo::membership(c, id); }

std::optional<Membership> membership_of(db::Conn& c, std::int64_t company_id, int fiscal_year) {
  return repo::membership_of(c, company_id, fiscal_year);
}

std::vector<Membership> memberships_in_year(db::Conn& c, int fiscal_year) {
  return repo::memberships_in_year(c, fiscal_year);
}

std::optional<FeeTier> find_tier(db::Conn& c, std::int64_t tier_id) { return repo::tier(c, tier_id); }

std::optional<IssuerProfile> issuer_profile(db::Conn& c) { return repo::issuer_profile(c); }

void lock_membership(db::Conn& c, std::int64_t membership_id) { repo::lock_membership(c, membership_id); }

std::optional<SeatRequest> lock_seat_request(db::Conn& c, std::int64_t seat_request_id) {
  const auto membership_id = repo::membership_of_seat_request(c, seat_request_id);
  if (!membership_id) return std::nullopt;
  repo::lock_membership(c, membership_id);
  return repo::seat_request(c, seat_request_id);
}

bool manages_members(const std::optional<web::Principal>& p) { return p && p->has(web::Role::secretariat); }

bool can_view_company(const std::optional<web::Principal>& p, std::int64_t company_id) {
  if (!p) return false;
  if (p->has(web::Role::secretariat)) return true;
  return p->has_scoped(web::Role::partner_representative, "company", company_id);
}

std::vector<std::int64_t> own_companies(const web::Principal& p) {
  if (p.has(web::Role::secretariat)) return {};
  auto ids = p.scope_ids(web::Role::partner_representative);
  if (ids.empty()) ids.push_back(-1);  // matches nothing
  return ids;
}

namespace {
std::atomic<Billing> provider{nullptr};
}  // namespace

void provide_billing(Billing billing) { provider.store(billing); }

std::vector<BilledInvoice> billed(db::Conn& c, const BillingQuery& q) {
  auto fn = provider.load();
  return fn ? fn(c, q) : std::vector<BilledInvoice>{};
}

}  // namespace mdsc::members
