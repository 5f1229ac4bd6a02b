#include "platform/identity/repo.h"

#include "core/clock.h"

namespace mdsc::identity::repo {
namespace {

const char* kUserColumns =
    "id, email, family_name, given_name, family_name_kana, given_name_kana, romaji_name, "
    "preferred_lang, active, created_at, updated_at, "
    "CASE WHEN password_hash IS NULL OR password_hash = '' THEN 0 ELSE 1 END AS has_password";

User user_from(const db::Row& r) {
  User u;
  u.id = r.i64("id");
  u.email = r.str("email");
  u.family_name = r.str("family_name");
  u.given_name = r.str("given_name");
  u.family_name_kana = r.str("family_name_kana");
  u.given_name_kana = r.str("given_name_kana");
  u.romaji_name = r.str("romaji_name");
  u.preferred_lang = r.str("preferred_lang");
  u.active = r.boolean("active");
  u.created_at = r.str("created_at");
  u.updated_at = r.str("updated_at");
  u.has_password = r.boolean("has_password");
  return u;
}

std::string user_where(const UserQuery& q, db::Params& p) {
  std::string w = " WHERE 1=1";
  if (!q.search.empty()) {
    std::string like = "%" + q.search + "%";
    w += " AND (LOWER(email) LIKE LOWER(?) OR family_name LIKE ? OR given_name LIKE ? OR "
         "family_name_kana LIKE ? OR given_name_kana LIKE ? OR LOWER(romaji_name) LIKE LOWER(?))";
    for (int i = 0; i < 6; ++i) p.emplace_back(like);
  }
  if (!q.role.empty()) {
    w += " AND id IN (SELECT user_id FROM roles WHERE role = ?)";
    p.emplace_back(q.role);
  }
  return w;
}

}  // namespace

std::optional<User> user_by_id(db::Conn& c, std::int64_t id) {
  auto r = c.query_one(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?", {id});
  if (!r) return std::nullopt;
  User u = user_from(*r);
  u.roles = roles_of(c, u.id);
  return u;
}

std::optional<User> user_by_email(db::Conn& c, const std::string& email) {
  auto r = c.query_one(std::string("SELECT ") + kUserColumns + " FROM users WHERE email = ?", {email});
  if (!r) return std::nullopt;
  User u = user_from(*r);
  u.roles = roles_of(c, u.id);
  return u;
}

std::string password_hash_of(db::Conn& c, std::int64_t user_id) {
  auto r = c.query_one("SELECT password_hash FROM users WHERE id = ?", {user_id});
  return r ? r->str("password_hash") : std::string();
}

std::vector<web::RoleGrant> roles_of(db::Conn& c, std::int64_t user_id) {
  std::vector<web::RoleGrant> out;
  for (const auto& r : c.query(
           "SELECT role, scope_type, scope_id FROM roles WHERE user_id = ? ORDER BY role, scope_id",
           {user_id})) {
    auto role = web::role_from_name(r.str("role"));
    if (!role) continue;
    out.push_back({*role, r.str("scope_type"), r.i64("scope_id")});
  }
  return out;
}

std::vector<User> list_users(db::Conn& c, const UserQuery& q) {
  db::Params p;
  std::string sql = std::string("SELECT ") + kUserColumns + " FROM users" + user_where(q, p) +
                    " ORDER BY id LIMIT ? OFFSET ?";
  p.emplace_back(q.limit);
  p.emplace_back(q.offset);
  std::vector<User> out;
  for (const auto& r : c.query(sql, p)) {
    out.push_back(user_from(r));
    out.back().roles = roles_of(c, out.back().id);
  }
  return out;
}

long count_users(db::Conn& c, const UserQuery& q) {
  db::Params p;
  std::string sql = "SELECT COUNT(*) FROM users" + user_where(q, p);
  return static_cast<long>(c.scalar_i64(sql, p));
}

std::int64_t insert_user(db::Conn& c, const User& u, const std::string& password_hash, std::int64_t now) {
  std::string at = to_iso_utc(now);
  return c.insert(
      "INSERT INTO users (email, password_hash, family_name, given_name, family_name_kana, "
      "given_name_kana, romaji_name, preferred_lang, active, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {u.email, password_hash.empty() ? db::Param(nullptr) : db::Param(password_hash), u.family_name,
       u.given_name, u.family_name_kana, u.given_name_kana, u.romaji_name, u.preferred_lang,
       u.active, at, at});
}

void update_user(db::Conn& c, const User& u, std::int64_t now) {
  c.exec(
      "UPDATE users SET email = ?, family_name = ?, given_name = ?, family_name_kana = ?, "
      "given_name_kana = ?, romaji_name = ?, preferred_lang = ?, active = ?, updated_at = ? "
      "WHERE id = ?",
      {u.email, u.family_name, u.given_name, u.family_name_kana, u.given_name_kana, u.romaji_name,
       u.preferred_lang, u.active, to_iso_utc(now), u.id});
}

void set_password_hash(db::Conn& c, std::int64_t user_id, const std::string& hash, std::int64_t now) {
  c.exec("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?",
         {hash, to_iso_utc(now), user_id});
}

void replace_roles(db::Conn& c, std::int64_t user_id, const std::vector<web::RoleGrant>& roles) {
  c.exec("DELETE FROM roles WHERE user_id = ?", {user_id});
  for (const auto& g : roles) {
    c.exec("INSERT INTO roles (user_id, role, scope_type, scope_id) VALUES (?, ?, ?, ?)",
           {user_id, std::string(web::role_name(g.role)),
            g.scope_type.empty() ? db::Param(nullptr) : db::Param(g.scope_type),
            g.scope_type.empty() ? db::Param(nullptr) : db::Param(g.scope_id)});
  }
}

std::int64_t insert_session(db::Conn& c, std::int64_t user_id, const std::string& token_hash,
                            std::int64_t now, std::int64_t expires_at, const std::string& user_agent) {
  return c.insert(
      "INSERT INTO sessions (token_hash, user_id, created_at, last_seen, expires_at, user_agent, "
      "ip_hint) VALUES (?, ?, ?, ?, ?, ?, '')",
      {token_hash, user_id, now, now, expires_at, user_agent.substr(0, 200)});
}

std::optional<SessionRow> session_by_hash(db::Conn& c, const std::string& token_hash) {
  auto r = c.query_one(
      "SELECT id, user_id, created_at, last_seen, expires_at FROM sessions WHERE token_hash = ?",
      {token_hash});
  if (!r) return std::nullopt;
  return SessionRow{r->i64("id"), r->i64("user_id"), r->i64("created_at"), r->i64("last_seen"),
                    r->i64("expires_at")};
}

std::optional<std::pair<SessionRow, User>> session_user_by_hash(db::Conn& c,
                                                                const std::string& token_hash) {
  // One statement instead of three (session, user, roles): this runs on every request that
  // carries a session cookie. One row per role, the session and user columns repeated.
  auto rows = c.query(
      "SELECT s.id AS s_id, s.user_id AS s_user_id, s.created_at AS s_created_at, "
      "s.last_seen AS s_last_seen, s.expires_at AS s_expires_at, "
      "u.id AS id, u.email AS email, u.family_name AS family_name, u.given_name AS given_name, "
      "u.family_name_kana AS family_name_kana, u.given_name_kana AS given_name_kana, "
      "u.romaji_name AS romaji_name, u.preferred_lang AS preferred_lang, u.active AS active, "
      "u.created_at AS created_at, u.updated_at AS updated_at, "
      "CASE WHEN u.password_hash IS NULL OR u.password_hash = '' THEN 0 ELSE 1 END AS has_password, "
      "r.role AS role, r.scope_type AS scope_type, r.scope_id AS scope_id "
      "FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN roles r ON r.user_id = u.id "
      "WHERE s.token_hash = ? ORDER BY r.role, r.scope_id",
      {token_hash});
  if (rows.empty()) return std::nullopt;
  const db::Row& first = rows.front();
  SessionRow session{first.i64("s_id"), first.i64("s_user_id"), first.i64("s_created_at"),
                     first.i64("s_last_seen"), first.i64("s_expires_at")};
  User u = user_from(first);
  for (const auto& r : rows) {
    if (r.is_null("role")) continue;  // a user without roles: one row, no role
    auto role = web::role_from_name(r.str("role"));
    if (!role) continue;
    u.roles.push_back({*role, r.str("scope_type"), r.i64("scope_id")});
  }
  return std::make_pair(std::move(session), std::move(u));
}

void touch_session(db::Conn& c, std::int64_t id, std::int64_t now) {
  c.exec("UPDATE sessions SET last_seen = ? WHERE id = ? AND last_seen < ?", {now, id, now});
}

void delete_session(db::Conn& c, std::int64_t id) { c.exec("DELETE FROM sessions WHERE id = ?", {id}); }

std::int64_t delete_sessions_of(db::Conn& c, std::int64_t user_id, std::int64_t keep_id) {
  return c.exec("DELETE FROM sessions WHERE user_id = ? AND id <> ?", {user_id, keep_id});
}

std::vector<SessionInfo> sessions_of(db::Conn& c, std::int64_t user_id, std::int64_t now) {
  std::vector<SessionInfo> out;
  for (const auto& r : c.query(
           "SELECT id, created_at, last_seen, expires_at, user_agent FROM sessions "
           "WHERE user_id = ? AND expires_at > ? AND last_seen > ? ORDER BY last_seen DESC",
           {user_id, now, now - kSessionIdleSeconds})) {
    SessionInfo s;
    s.id = r.i64("id");
    s.created_at = r.i64("created_at");
    s.last_seen = r.i64("last_seen");
    s.expires_at = r.i64("expires_at");
    s.user_agent = r.str("user_agent");
    out.push_back(std::move(s));
  }
  return out;
}

void delete_expired_sessions(db::Conn& c, std::int64_t now) {
  c.exec("DELETE FROM sessions WHERE expires_at <= ? OR last_seen <= ?", {now, now - kSessionIdleSeconds});
}

bool lock_user(db::Conn& c, std::int64_t user_id) {
  return c.exec("UPDATE users SET updated_at = updated_at WHERE id = ?", {user_id}) > 0;
}

std::int64_t insert_token(db::Conn& c, std::int64_t user_id, const std::string& name,
                          const std::string& token_hash, const std::string& prefix, std::int64_t now) {
  return c.insert(
      "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?)",
      {user_id, name, token_hash, prefix, now});
}

namespace {
ApiToken token_from(const db::Row& r) {
  ApiToken t;
  t.id = r.i64("id");
  t.name = r.str("name");
  t.prefix = r.str("prefix");
  t.created_at = r.i64("created_at");
  t.last_used_at = r.i64("last_used_at");
  t.revoked_at = r.i64("revoked_at");
  return t;
}
}  // namespace

std::vector<ApiToken> tokens_of(db::Conn& c, std::int64_t user_id) {
  std::vector<ApiToken> out;
  for (const auto& r : c.query(
           "SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_tokens "
           "WHERE user_id = ? ORDER BY id DESC",
           {user_id}))
    out.push_back(token_from(r));
  return out;
}

std::optional<ApiToken> token_of(db::Conn& c, std::int64_t user_id, std::int64_t token_id) {
  auto r = c.query_one(
      "SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_tokens "
      "WHERE user_id = ? AND id = ?",
      {user_id, token_id});
  if (!r) return std::nullopt;
  return token_from(*r);
}

bool revoke_token(db::Conn& c, std::int64_t token_id, std::int64_t now) {
  return c.exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", {now, token_id}) > 0;
}

std::optional<TokenUse> token_user(db::Conn& c, const std::string& token_hash) {
  auto r = c.query_one(
      "SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
      {token_hash});
  if (!r) return std::nullopt;
  return TokenUse{r->i64("user_id"), r->i64("id"), r->i64("last_used_at")};
}

void touch_token(db::Conn& c, std::int64_t token_id, std::int64_t now) {
  c.exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND "
         "(last_used_at IS NULL OR last_used_at < ?)",
         {now, token_id, now - kTouchEverySeconds});
}

std::int64_t insert_reset(db::Conn& c, std::int64_t user_id, const std::string& token_hash,
                          std::int64_t now, std::int64_t expires_at) {
  return c.insert(
      "INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
      {user_id, token_hash, now, expires_at});
}

std::optional<ResetRow> reset_by_hash(db::Conn& c, const std::string& token_hash) {
  auto r = c.query_one(
      "SELECT id, user_id, expires_at, used_at FROM password_resets WHERE token_hash = ?", {token_hash});
  if (!r) return std::nullopt;
  return ResetRow{r->i64("id"), r->i64("user_id"), r->i64("expires_at"), r->i64("used_at")};
}

bool use_reset(db::Conn& c, std::int64_t id, std::int64_t now) {
  return c.exec("UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL", {now, id}) == 1;
}

}  // namespace mdsc::identity::repo
