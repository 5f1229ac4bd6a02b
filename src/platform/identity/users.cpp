#include "platform/identity/users.h"

#include <charconv>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/password_policy.h"
#include "platform/identity/auth.h"
#include "platform/identity/repo.h"
#include "platform/identity/validation.h"

namespace mdsc::identity {
namespace {

Status check_roles(const std::vector<web::RoleGrant>& roles, Status st) {
  for (const auto& g : roles) {
    const auto needed = web::role_scope_type(g.role);
    if (!needed.empty() && (g.scope_id <= 0 || g.scope_type != needed)) st.field("roles", "validation.role_scope");
    if (needed.empty() && !g.scope_type.empty()) st.field("roles", "validation.role_scope");
  }
  return st;
}

bool same_grant(const web::RoleGrant& a, const web::RoleGrant& b) {
  return a.role == b.role && a.scope_type == b.scope_type && a.scope_id == b.scope_id;
}

bool holds(const std::vector<web::RoleGrant>& roles, const web::RoleGrant& g) {
  for (const auto& o : roles)
    if (same_grant(o, g)) return true;
  return false;
}

std::vector<web::RoleGrant> dedupe(std::vector<web::RoleGrant> roles) {
  std::vector<web::RoleGrant> out;
  for (auto& g : roles)
    if (!holds(out, g)) out.push_back(std::move(g));
  return out;
}

bool same_roles(const std::vector<web::RoleGrant>& a, const std::vector<web::RoleGrant>& b) {
  if (a.size() != b.size()) return false;
  for (const auto& g : a)
    if (!holds(b, g)) return false;
  return true;
}

// What was typed, normalised (the address lower-cased, each role once) and checked: the table's
// checks and the roles' scopes, added to the errors `st` already holds.
Status checked(User& u, Status st = {}) {
  u.email = normalize_email(u.email);
  u.roles = dedupe(std::move(u.roles));
  return check_roles(u.roles, entity::validate(u, std::move(st)));
}

Status email_taken() { return Status(Code::conflict, "error.invalid_input").field("email", "validation.email_taken"); }

Result<std::int64_t> insert_new_user(Work& w, User u, const std::string& password_hash, bool invite) {
  if (repo::user_by_email(w.conn, u.email)) return email_taken();
  u.created_at = u.updated_at = to_iso_utc(w.now);
  u.id = repo::insert_user(w.conn, u, password_hash);
  repo::replace_roles(w.conn, u.id, u.roles);
  nlohmann::json after = snapshot(u);
  after["password"] = password_hash.empty() ? "" : "set";
  w.audit("create", "user", u.id, nlohmann::json::object(), after);
  if (invite) send_invitation_mail(w, u);
  return u.id;
}

// The password as it is under the user's lock must still be the one checked outside the
// transaction (checking is slow), or two changes would both succeed.
Status store_changed_password(Work& w, std::int64_t user_id, const std::string& checked_hash,
                              const std::string& new_hash, std::int64_t keep_session_id) {
  repo::lock_user(w.conn, user_id);
  if (repo::password_hash_of(w.conn, user_id) != checked_hash)
    return Status::invalid().field("password_current", "password.current_wrong");
  repo::set_password_hash(w.conn, user_id, new_hash, w.now);
  auto ended = repo::delete_sessions_of(w.conn, user_id, keep_session_id);
  w.audit("password_change", "user", user_id, {{"password", "old"}},
          {{"password", "new"}, {"other_sessions_ended", ended}});
  return Status::ok();
}

}  // namespace

Result<web::RoleGrant> parse_role(std::string_view spec) {
  std::string_view name = spec, scope;
  if (auto colon = spec.find(':'); colon != std::string_view::npos) {
    name = spec.substr(0, colon);
    scope = spec.substr(colon + 1);
  }
  auto role = web::role_from_name(name);
  if (!role) return Status(Code::invalid, "validation.unknown_role", {{"role", std::string(name)}});
  web::RoleGrant g{*role, "", 0};
  std::string_view needed = web::role_scope_type(*role);
  if (needed.empty()) {
    if (!scope.empty()) return Status(Code::invalid, "validation.role_scope");
    return g;
  }
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(scope.data(), scope.data() + scope.size(), id);
  if (scope.empty() || ec != std::errc() || p != scope.data() + scope.size() || id <= 0)
    return Status(Code::invalid, "validation.role_scope");
  g.scope_type = std::string(needed);
  g.scope_id = id;
  return g;
}

Result<std::int64_t> create_user(Work& w, User u, bool invite) {
  if (Status st = checked(u); !st) return st;
  return insert_new_user(w, std::move(u), "", invite);
}

Result<std::int64_t> create_user_with_password(db::Database& db, const Who& who, User u, const std::string& password) {
  Status st = checked(u);
  if (auto e = check_password(password, u.email); !e.empty()) st.field("password", e);
  if (!st) return st;
  const std::string hash = crypto::hash_password(password);
  return write_unit(db, who, [&](Work& w) { return insert_new_user(w, u, hash, false); });
}

Status update_user(Work& w, std::int64_t id, const UserEdit& edit) {
  if (!repo::lock_user(w.conn, id)) return Status::not_found();
  const auto before = repo::user_by_id(w.conn, id);
  User u = *before;
  Status st = edit(u);
  if (!st && st.fields().empty()) return st;
  u.id = before->id;  // who it is and since when are not the edit's to change
  u.created_at = before->created_at;
  if (st = checked(u, std::move(st)); !st) return st;
  if (u.email != before->email && repo::user_by_email(w.conn, u.email)) return email_taken();
  u.updated_at = to_iso_utc(w.now);
  repo::update_user(w.conn, u);
  if (!same_roles(u.roles, before->roles)) repo::replace_roles(w.conn, id, u.roles);
  // A deactivated user is signed out everywhere at once.
  if (!u.active) repo::delete_sessions_of(w.conn, id, 0);
  w.audit("update", "user", id, snapshot(*before), snapshot(u));
  return Status::ok();
}

Status update_profile(Work& w, std::int64_t id, const UserEdit& edit) {
  return update_user(w, id, [&](User& u) {
    const User kept = u;
    Status st = edit(u);
    u.email = kept.email;
    u.active = kept.active;
    u.roles = kept.roles;
    return st;
  });
}

Status grant_role(Work& w, std::int64_t user_id, const web::RoleGrant& grant) {
  // Roles are rewritten as a set: read them under the user's lock, which every role change takes.
  if (!repo::lock_user(w.conn, user_id)) return Status::not_found();
  const auto before = repo::user_by_id(w.conn, user_id);
  if (holds(before->roles, grant)) return Status::ok();
  User after = *before;
  after.roles.push_back(grant);
  repo::replace_roles(w.conn, user_id, after.roles);
  w.audit("update", "user", user_id, snapshot(*before), snapshot(after));
  return Status::ok();
}

Status change_password(db::Database& db, const Who& who, std::int64_t user_id, const std::string& current,
                       const std::string& next, std::int64_t keep_session_id) {
  auto [user, stored] = read_unit(db, who, [&](Work& w) {
    return std::make_pair(repo::user_by_id(w.conn, user_id), repo::password_hash_of(w.conn, user_id));
  });
  if (!user) return Status::not_found();
  if (stored.empty() || !crypto::verify_password(current, stored))
    return Status::invalid().field("password_current", "password.current_wrong");
  if (auto e = check_password(next, user->email); !e.empty()) return Status::invalid().field("password_new", e);
  const std::string hash = crypto::hash_password(next);
  return write_unit(db, who, [&](Work& w) { return store_changed_password(w, user_id, stored, hash, keep_session_id); });
}

std::optional<User> find_user(db::Conn& c, std::int64_t id) { return repo::user_by_id(c, id); }

std::optional<User> find_user_by_email(db::Conn& c, const std::string& email) {
  return repo::user_by_email(c, normalize_email(email));
}

}  // namespace mdsc::identity
