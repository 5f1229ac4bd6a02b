#pragma once
// Who is making a request: the user and their roles, some scoped to one object
// (an instructor of a course, the representative of a company, an officer of an institution).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsc::web {

enum class Role {
  secretariat,
  steering_committee,
  promotion_office,
  career_office,
  instructor,              // scope: course
  trainee,
  supervisor,
  partner_representative,  // scope: company
  institution_officer,     // scope: institution
};

const std::vector<Role>& all_roles();
std::string_view role_name(Role r);  // "secretariat", ... (stored in the database and the CLI)
std::optional<Role> role_from_name(std::string_view name);
// The scope type a role needs ("course", "company", "institution"), or "" when unscoped.
std::string_view role_scope_type(Role r);

struct RoleGrant {
  Role role;
  std::string scope_type;  // "" when unscoped
  std::int64_t scope_id = 0;
};

struct Principal {
  std::int64_t user_id = 0;
  std::string email;
  std::string display_name;
  std::string preferred_lang;
  std::vector<RoleGrant> roles;
  std::int64_t session_id = 0;     // 0 when authenticated by API token
  std::string session_token_hash;  // for CSRF tokens bound to the session
  bool via_api_token = false;

  bool has(Role r) const;
  bool has_scoped(Role r, std::string_view scope_type, std::int64_t scope_id) const;
  std::vector<std::int64_t> scope_ids(Role r) const;
};

}  // namespace mdsc::web
