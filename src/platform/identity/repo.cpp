#include "platform/identity/repo.h"

#include <memory>

#include "core/clock.h"
#include "db/where.h"

namespace mdsc::identity::repo {

// Columns in the tables' order (model.cpp), the hashes last.
const char* const kInsertUser =
    "INSERT INTO users (email, family_name, given_name, family_name_kana, given_name_kana, romaji_name, "
    "preferred_lang, active, created_at, updated_at, password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const char* const kInsertSession =
    "INSERT INTO sessions (user_id, created_at, last_seen, expires_at, user_agent, token_hash, ip_hint) "
    "VALUES (?, ?, ?, ?, ?, ?, '')";
const char* const kInsertToken =
    "INSERT INTO api_tokens (user_id, name, prefix, created_at, last_used_at, revoked_at, token_hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";
const char* const kInsertReset =
    "INSERT INTO password_resets (user_id, created_at, expires_at, used_at, token_hash) VALUES (?, ?, ?, ?, ?)";

namespace {

const char* kUserColumns =
    "id, email, family_name, given_name, family_name_kana, given_name_kana, romaji_name, "
    "preferred_lang, active, created_at, updated_at, "
    "CASE WHEN password_hash IS NULL OR password_hash = '' THEN 0 ELSE 1 END AS has_password";
const char* kTokenColumns = "id, user_id, name, prefix, created_at, last_used_at, revoked_at";

std::string user_where(const UserQuery& q, db::Params& p) {
  db::Where w(p);
  if (!q.search.empty()) {
    std::string like = "%" + q.search + "%";
    w.add(
        "(LOWER(email) LIKE LOWER(?) OR family_name LIKE ? OR given_name LIKE ? OR family_name_kana LIKE ? OR "
        "given_name_kana LIKE ? OR LOWER(romaji_name) LIKE LOWER(?))",
        {like, like, like, like, like, like});
  }
  if (!q.role.empty()) w.add("id IN (SELECT user_id FROM roles WHERE role = ?)", {q.role});
  return w.sql();
}

std::optional<web::RoleGrant> grant_of(const db::Row& r) {
  auto role = web::role_from_name(r.str("role"));
  if (!role) return std::nullopt;
  return web::RoleGrant{*role, r.str("scope_type"), r.i64("scope_id")};
}

// The columns of a joined row named prefix + column, as a row of their own: an entity read from a
// join whose tables share column names (id, created_at).
db::Row prefixed(const db::Row& r, std::string_view prefix) {
  auto names = std::make_shared<std::vector<std::string>>();
  std::vector<db::Value> values;
  for (std::size_t i = 0; i < r.size(); ++i) {
    const auto& n = r.names()[i];
    if (n.size() > prefix.size() && n.compare(0, prefix.size(), prefix) == 0) {
      names->push_back(n.substr(prefix.size()));
      values.push_back(r.at(i));
    }
  }
  return db::Row(std::move(names), std::move(values));
}

std::optional<User> user_where_one(db::Conn& c, const char* where, const db::Param& value) {
  auto r = c.query_one(std::string("SELECT ") + kUserColumns + " FROM users WHERE " + where, {value});
  if (!r) return std::nullopt;
  User u = entity::from_row<User>(*r);
  u.roles = roles_of(c, u.id);
  return u;
}

}  // namespace

std::optional<User> user_by_id(db::Conn& c, std::int64_t id) { return user_where_one(c, "id = ?", id); }

std::optional<User> user_by_email(db::Conn& c, const std::string& email) {
  return user_where_one(c, "email = ?", email);
}

std::string password_hash_of(db::Conn& c, std::int64_t user_id) {
  auto r = c.query_one("SELECT password_hash FROM users WHERE id = ?", {user_id});
  return r ? r->str("password_hash") : std::string();
}

std::vector<web::RoleGrant> roles_of(db::Conn& c, std::int64_t user_id) {
  std::vector<web::RoleGrant> out;
  for (const auto& r : c.query(
           "SELECT role, scope_type, scope_id FROM roles WHERE user_id = ? ORDER BY role, scope_id", {user_id}))
    if (auto g = grant_of(r)) out.push_back(std::move(*g));
  return out;
}

std::vector<std::pair<std::int64_t, std::string>> user_choices(db::Conn& c, const std::string& sql,
                                                               const db::Params& p) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const auto& r : c.query(sql, p))
    out.emplace_back(r.i64("id"), r.str("family_name") + " " + r.str("given_name") + " <" + r.str("email") + ">");
  return out;
}

std::vector<User> list_users(db::Conn& c, const UserQuery& q) {
  db::Params p;
  std::string sql = std::string("SELECT ") + kUserColumns + " FROM users" + user_where(q, p) + " ORDER BY id";
  auto out = entity::select<User>(c, sql + db::page(p, q.limit, q.offset), p);
  for (auto& u : out) u.roles = roles_of(c, u.id);
  return out;
}

long count_users(db::Conn& c, const UserQuery& q) {
  db::Params p;
  std::string sql = "SELECT COUNT(*) FROM users" + user_where(q, p);
  return static_cast<long>(c.scalar_i64(sql, p));
}

std::int64_t insert_user(db::Conn& c, const User& u, const std::string& password_hash) {
  auto p = entity::params(u);
  p.push_back(password_hash.empty() ? db::Param(nullptr) : db::Param(password_hash));
  return c.insert(kInsertUser, p);
}

void update_user(db::Conn& c, const User& u) {
  auto p = entity::params(u);
  p.emplace_back(u.id);
  c.exec(
      "UPDATE users SET email = ?, family_name = ?, given_name = ?, family_name_kana = ?, given_name_kana = ?, "
      "romaji_name = ?, preferred_lang = ?, active = ?, created_at = ?, updated_at = ? WHERE id = ?",
      p);
}

void set_password_hash(db::Conn& c, std::int64_t user_id, const std::string& hash, std::int64_t now) {
  c.exec("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", {hash, to_iso_utc(now), user_id});
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

std::int64_t insert_session(db::Conn& c, const SessionInfo& s, const std::string& token_hash) {
  auto p = entity::params(s);
  p.emplace_back(token_hash);
  return c.insert(kInsertSession, p);
}

std::optional<std::pair<SessionInfo, User>> session_user_by_hash(db::Conn& c, const std::string& token_hash) {
  // One statement instead of three (session, user, roles): this runs on every request that
  // carries a session cookie. One row per role, the session and user columns repeated.
  auto rows = c.query(
      "SELECT s.id AS s_id, s.user_id AS s_user_id, s.created_at AS s_created_at, "
      "s.last_seen AS s_last_seen, s.expires_at AS s_expires_at, s.user_agent AS s_user_agent, "
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
  auto session = entity::from_row<SessionInfo>(prefixed(rows.front(), "s_"));
  auto u = entity::from_row<User>(rows.front());
  for (const auto& r : rows) {
    if (r.is_null("role")) continue;  // a user without roles: one row, no role
    if (auto g = grant_of(r)) u.roles.push_back(std::move(*g));
  }
  return std::make_pair(std::move(session), std::move(u));
}

void touch_session(db::Conn& c, std::int64_t id, std::int64_t now) {
  c.exec("UPDATE sessions SET last_seen = ? WHERE id = ? AND last_seen < ?", {now, id, now});
}

void delete_session(db::Conn& c, std::int64_t id) { c.exec("DELETE FROM sessions WHERE id = ?", {id}); }

bool delete_session_of(db::Conn& c, std::int64_t user_id, std::int64_t session_id) {
  return c.exec("DELETE FROM sessions WHERE id = ? AND user_id = ?", {session_id, user_id}) > 0;
}

std::int64_t delete_sessions_of(db::Conn& c, std::int64_t user_id, std::int64_t keep_id) {
  return c.exec("DELETE FROM sessions WHERE user_id = ? AND id <> ?", {user_id, keep_id});
}

std::vector<SessionInfo> sessions_of(db::Conn& c, std::int64_t user_id, std::int64_t now) {
  return entity::from_rows<SessionInfo>(
      c.query("SELECT id, user_id, created_at, last_seen, expires_at, user_agent FROM sessions "
              "WHERE user_id = ? AND expires_at > ? AND last_seen > ? ORDER BY last_seen DESC",
              {user_id, now, now - kSessionIdleSeconds}));
}

void delete_expired_sessions(db::Conn& c, std::int64_t now) {
  c.exec("DELETE FROM sessions WHERE expires_at <= ? OR last_seen <= ?", {now, now - kSessionIdleSeconds});
}

bool lock_user(db::Conn& c, std::int64_t user_id) {
  return c.exec("UPDATE users SET updated_at = updated_at WHERE id = ?", {user_id}) > 0;
}

std::int64_t insert_token(db::Conn& c, const ApiToken& t, const std::string& token_hash) {
  auto p = entity::params(t);
  p.emplace_back(token_hash);
  return c.insert(kInsertToken, p);
}

std::vector<ApiToken> tokens_of(db::Conn& c, std::int64_t user_id) {
  return entity::from_rows<ApiToken>(c.query(
      std::string("SELECT ") + kTokenColumns + " FROM api_tokens WHERE user_id = ? ORDER BY id DESC", {user_id}));
}

std::optional<ApiToken> token_of(db::Conn& c, std::int64_t user_id, std::int64_t token_id) {
  return entity::select_first<ApiToken>(
      c, std::string("SELECT ") + kTokenColumns + " FROM api_tokens WHERE user_id = ? AND id = ?", {user_id, token_id});
}

bool revoke_token(db::Conn& c, std::int64_t token_id, std::int64_t now) {
  return c.exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", {now, token_id}) > 0;
}

std::optional<ApiToken> active_token(db::Conn& c, const std::string& token_hash) {
  return entity::select_first<ApiToken>(
      c, std::string("SELECT ") + kTokenColumns + " FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
      {token_hash});
}

void touch_token(db::Conn& c, std::int64_t token_id, std::int64_t now) {
  c.exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND "
         "(last_used_at IS NULL OR last_used_at < ?)",
         {now, token_id, now - kTouchEverySeconds});
}

std::int64_t insert_reset(db::Conn& c, const PasswordReset& r, const std::string& token_hash) {
  auto p = entity::params(r);
  p.emplace_back(token_hash);
  return c.insert(kInsertReset, p);
}

std::optional<PasswordReset> reset_by_hash(db::Conn& c, const std::string& token_hash) {
  return entity::select_first<PasswordReset>(
      c, "SELECT id, user_id, created_at, expires_at, used_at FROM password_resets WHERE token_hash = ?", {token_hash});
}

bool use_reset(db::Conn& c, std::int64_t id, std::int64_t now) {
  return c.exec("UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL", {now, id}) == 1;
}

}  // namespace mdsc::identity::repo
