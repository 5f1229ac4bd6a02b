#pragma once
// Who sees what of the members module: the secretariat everything; a partner representative only
// their own company, its memberships and its invoices; nobody else sees fees.
#include <cstdint>
#include <optional>
#include <vector>

#include "web/principal.h"

namespace mdsc::members {

inline bool manages_members(const std::optional<web::Principal>& p) {
  return p && p->has(web::Role::secretariat);
}

inline bool can_view_company(const std::optional<web::Principal>& p, std::int64_t company_id) {
  if (!p) return false;
  if (p->has(web::Role::secretariat)) return true;
  return p->has_scoped(web::Role::partner_representative, "company", company_id);
}

// Companies a representative may see; empty for the secretariat, who sees all.
inline std::vector<std::int64_t> own_companies(const web::Principal& p) {
  if (p.has(web::Role::secretariat)) return {};
  auto ids = p.scope_ids(web::Role::partner_representative);
  if (ids.empty()) ids.push_back(-1);  // matches nothing
  return ids;
}

}  // namespace mdsc::members
