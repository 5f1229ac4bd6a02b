#include "web/principal.h"

#include <array>

namespace mdsc::web {
namespace {
struct RoleInfo {
  Role role;
  std::string_view name;
  std::string_view scope;
};
constexpr std::array<RoleInfo, 9> kRoles{{
    {Role::secretariat, "secretariat", ""},
    {Role::steering_committee, "steering_committee", ""},
    {Role::promotion_office, "promotion_office", ""},
    {Role::career_office, "career_office", ""},
    {Role::instructor, "instructor", "course"},
    {Role::trainee, "trainee", ""},
    {Role::supervisor, "supervisor", ""},
    {Role::partner_representative, "partner_representative", "company"},
    {Role::institution_officer, "institution_officer", "institution"},
}};
}  // namespace

const std::vector<Role>& all_roles() {
  static const std::vector<Role> all = [] {
    std::vector<Role> v;
    for (const auto& r : kRoles) v.push_back(r.role);
    return v;
  }();
  return all;
}

std::string_view role_name(Role r) {
  for (const auto& info : kRoles)
    if (info.role == r) return info.name;
  return "";
}

std::optional<Role> role_from_name(std::string_view name) {
  for (const auto& info : kRoles)
    if (info.name == name) return info.role;
  return std::nullopt;
}

std::string_view role_scope_type(Role r) {
  for (const auto& info : kRoles)
    if (info.role == r) return info.scope;
  return "";
}

bool Principal::has(Role r) const {
  for (const auto& g : roles)
    if (g.role == r) return true;
  return false;
}

bool Principal::has_scoped(Role r, std::string_view scope_type, std::int64_t scope_id) const {
  for (const auto& g : roles)
    if (g.role == r && g.scope_type == scope_type && g.scope_id == scope_id) return true;
  return false;
}

std::vector<std::int64_t> Principal::scope_ids(Role r) const {
  std::vector<std::int64_t> out;
  for (const auto& g : roles)
    if (g.role == r && g.scope_id != 0) out.push_back(g.scope_id);
  return out;
}

}  // namespace mdsc::web
