#include "platform/identity/users.h"

#include <charconv>

#include "core/crypto.h"
#include "core/i18n.h"
#include "core/password_policy.h"
#include "platform/identity/auth.h"
#include "platform/identity/repo.h"
#include "platform/identity/validation.h"
#include "platform/outbox.h"

namespace mdsc::identity {
namespace {

Status validate(const UserInput& in, bool check_roles) {
  Status st;
  if (auto e = check_email(in.email); !e.empty()) st.field("email", e);
  if (auto e = check_name(in.family_name, true); !e.empty()) st.field("family_name", e);
  if (auto e = check_name(in.given_name, false); !e.empty()) st.field("given_name", e);
  if (auto e = check_kana(in.family_name_kana); !e.empty()) st.field("family_name_kana", e);
  if (auto e = check_kana(in.given_name_kana); !e.empty()) st.field("given_name_kana", e);
  if (auto e = check_romaji(in.romaji_name); !e.empty()) st.field("romaji_name", e);
  if (in.preferred_lang != "ja" && in.preferred_lang != "en") st.field("preferred_lang", "validation.choice");
  if (check_roles) {
    for (const auto& g : in.roles) {
      bool needs_scope = !web::role_scope_type(g.role).empty();
      if (needs_scope && (g.scope_id <= 0 || g.scope_type != web::role_scope_type(g.role)))
        st.field("roles", "validation.role_scope");
      if (!needs_scope && !g.scope_type.empty()) st.field("roles", "validation.role_scope");
    }
  }
  return st;
}

std::vector<web::RoleGrant> dedupe(std::vector<web::RoleGrant> roles) {
  std::vector<web::RoleGrant> out;
  for (auto& g : roles) {
    bool dup = false;
    for (const auto& o : out)
      if (o.role == g.role && o.scope_type == g.scope_type && o.scope_id == g.scope_id) dup = true;
    if (!dup) out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

static std::string user_id_str(std::int64_t id) { return std::to_string(id); }

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

namespace {
void queue_invitation(db::Conn& c, const User& u, const std::string& base_url, std::int64_t now) {
  std::string path = create_invitation(c, u.id, now);
  const std::string& lang = u.preferred_lang;
  mail::Message m;
  m.to = u.email;
  m.subject = i18n::t(lang, "mail.invite.subject");
  m.text_body = i18n::t(lang, "mail.invite.body",
                        {{"name", u.display_name(lang)}, {"link", base_url + path},
                         {"days", std::to_string(kInvitationSeconds / 86400)}});
  mail::enqueue(c, m, now);
}
}  // namespace

Status send_invitation(db::Database& db, const audit::Actor& actor, std::int64_t user_id,
                       const std::string& base_url, std::int64_t now) {
  return db.write([&](db::Conn& c) -> Status {
    auto u = repo::user_by_id(c, user_id);
    if (!u) return Status::not_found();
    queue_invitation(c, *u, base_url, now);
    audit::record(c, actor, "invite", "user", user_id_str(user_id), {}, {}, now);
    return Status::ok();
  });
}

namespace {
Result<std::int64_t> insert_new_user(db::Conn& c, const audit::Actor& actor, const UserInput& in,
                                     const std::string& hash, std::int64_t now, const std::string& invite_base_url) {
  if (repo::user_by_email(c, in.email)) {
    return Status(Code::conflict, "error.invalid_input").field("email", "validation.email_taken");
  }
  User u;
  u.email = in.email;
  u.family_name = in.family_name;
  u.given_name = in.given_name;
  u.family_name_kana = in.family_name_kana;
  u.given_name_kana = in.given_name_kana;
  u.romaji_name = in.romaji_name;
  u.preferred_lang = in.preferred_lang;
  u.active = in.active;
  u.roles = in.roles;
  u.id = repo::insert_user(c, u, hash, now);
  repo::replace_roles(c, u.id, u.roles);
  nlohmann::json after = to_json(u);
  after["password"] = hash.empty() ? "" : "set";
  audit::record(c, actor, "create", "user", user_id_str(u.id), nlohmann::json::object(), after, now);
  if (!invite_base_url.empty()) queue_invitation(c, u, invite_base_url, now);
  return u.id;
}
}  // namespace

Result<std::int64_t> create_user(db::Database& db, const audit::Actor& actor, const UserInput& raw,
                                 const std::optional<std::string>& password, std::int64_t now,
                                 const std::string& invite_base_url) {
  UserInput in = raw;
  in.email = normalize_email(in.email);
  in.roles = dedupe(in.roles);
  Status st = validate(in, true);
  if (password) {
    if (auto e = check_password(*password, in.email); !e.empty()) st.field("password", e);
  }
  if (!st) return st;
  std::string hash = password ? crypto::hash_password(*password) : std::string();
  return db.write([&](db::Conn& c) { return insert_new_user(c, actor, in, hash, now, invite_base_url); });
}

Result<std::int64_t> create_user_in(db::Conn& c, const audit::Actor& actor, const UserInput& raw, std::int64_t now,
                                    const std::string& invite_base_url) {
  UserInput in = raw;
  in.email = normalize_email(in.email);
  in.roles = dedupe(in.roles);
  if (Status st = validate(in, true); !st) return st;
  return insert_new_user(c, actor, in, "", now, invite_base_url);
}

Status grant_role_in(db::Conn& c, const audit::Actor& actor, std::int64_t user_id, const web::RoleGrant& grant,
                     std::int64_t now) {
  // Roles are rewritten as a set: read them under the user's lock, which every role change takes.
  if (!repo::lock_user(c, user_id)) return Status::not_found();
  auto before = repo::user_by_id(c, user_id);
  for (const auto& g : before->roles)
    if (g.role == grant.role && g.scope_type == grant.scope_type && g.scope_id == grant.scope_id) return Status::ok();
  User after = *before;
  after.roles.push_back(grant);
  repo::replace_roles(c, user_id, after.roles);
  audit::record(c, actor, "update", "user", user_id_str(user_id), to_json(*before), to_json(after), now);
  return Status::ok();
}

Status update_user(db::Database& db, const audit::Actor& actor, std::int64_t id, const UserInput& raw,
                   std::int64_t now) {
  UserInput in = raw;
  in.email = normalize_email(in.email);
  in.roles = dedupe(in.roles);
  Status st = validate(in, true);
  if (!st) return st;
  return db.write([&](db::Conn& c) -> Status {
    if (!repo::lock_user(c, id)) return Status::not_found();
    auto before = repo::user_by_id(c, id);
    if (in.email != before->email) {
      if (repo::user_by_email(c, in.email))
        return Status(Code::conflict, "error.invalid_input").field("email", "validation.email_taken");
    }
    User u = *before;
    u.email = in.email;
    u.family_name = in.family_name;
    u.given_name = in.given_name;
    u.family_name_kana = in.family_name_kana;
    u.given_name_kana = in.given_name_kana;
    u.romaji_name = in.romaji_name;
    u.preferred_lang = in.preferred_lang;
    u.active = in.active;
    if (!in.keep_roles) u.roles = in.roles;
    repo::update_user(c, u, now);
    if (!in.keep_roles) repo::replace_roles(c, u.id, u.roles);
    // A deactivated user is signed out everywhere at once.
    if (!u.active) repo::delete_sessions_of(c, u.id, 0);
    audit::record(c, actor, "update", "user", user_id_str(id), to_json(*before), to_json(u), now);
    return Status::ok();
  });
}

Status update_profile(db::Database& db, const audit::Actor& actor, std::int64_t id, const UserInput& raw,
                      std::int64_t now) {
  return db.write([&](db::Conn& c) -> Status {
    if (!repo::lock_user(c, id)) return Status::not_found();
    auto before = repo::user_by_id(c, id);
    UserInput in = raw;
    in.email = before->email;
    Status st = validate(in, false);
    if (!st) return st;
    User u = *before;
    u.family_name = in.family_name;
    u.given_name = in.given_name;
    u.family_name_kana = in.family_name_kana;
    u.given_name_kana = in.given_name_kana;
    u.romaji_name = in.romaji_name;
    u.preferred_lang = in.preferred_lang;
    repo::update_user(c, u, now);
    audit::record(c, actor, "update", "user", user_id_str(id), to_json(*before), to_json(u), now);
    return Status::ok();
  });
}

Status change_password(db::Database& db, const audit::Actor& actor, std::int64_t user_id,
                       const std::string& current, const std::string& next, std::int64_t keep_session_id,
                       std::int64_t now) {
  auto user = find_user(db, user_id);
  if (!user) return Status::not_found();
  std::string stored = db.read([&](db::Conn& c) { return repo::password_hash_of(c, user_id); });
  if (stored.empty() || !crypto::verify_password(current, stored))
    return Status::invalid().field("password_current", "password.current_wrong");
  if (auto e = check_password(next, user->email); !e.empty()) return Status::invalid().field("password_new", e);
  std::string hash = crypto::hash_password(next);
  return db.write([&](db::Conn& c) -> Status {
    // The current password was checked outside the transaction (it is slow): it must still be the
    // stored one now, under the user's lock, or two changes would both succeed.
    repo::lock_user(c, user_id);
    if (repo::password_hash_of(c, user_id) != stored)
      return Status::invalid().field("password_current", "password.current_wrong");
    repo::set_password_hash(c, user_id, hash, now);
    auto ended = repo::delete_sessions_of(c, user_id, keep_session_id);
    audit::record(c, actor, "password_change", "user", user_id_str(user_id), {{"password", "old"}},
                  {{"password", "new"}, {"other_sessions_ended", ended}}, now);
    return Status::ok();
  });
}

Status set_password(db::Database& db, const audit::Actor& actor, std::int64_t user_id,
                    const std::string& password, std::int64_t now) {
  auto user = find_user(db, user_id);
  if (!user) return Status::not_found();
  if (auto e = check_password(password, user->email); !e.empty())
    return Status::invalid().field("password", e);
  std::string hash = crypto::hash_password(password);
  return db.write([&](db::Conn& c) -> Status {
    repo::set_password_hash(c, user_id, hash, now);
    repo::delete_sessions_of(c, user_id, 0);
    audit::record(c, actor, "password_set", "user", user_id_str(user_id), {{"password", "old"}},
                  {{"password", "new"}}, now);
    return Status::ok();
  });
}

std::optional<User> find_user(db::Database& db, std::int64_t id) {
  return db.read([&](db::Conn& c) { return repo::user_by_id(c, id); });
}

std::optional<User> find_user_by_email(db::Database& db, const std::string& email) {
  return db.read([&](db::Conn& c) { return repo::user_by_email(c, normalize_email(email)); });
}

}  // namespace mdsc::identity
