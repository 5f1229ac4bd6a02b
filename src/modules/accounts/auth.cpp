#include "modules/accounts/auth.h"

#include <spdlog/spdlog.h>

#include "core/crypto.h"
#include "core/i18n.h"
#include "core/password_policy.h"
#include "modules/accounts/repo.h"
#include "modules/accounts/validation.h"
#include "modules/mail/outbox.h"

namespace mdsc::accounts {
namespace {

// Verifying against a fixed hash when the account does not exist keeps the timing the same.
const std::string& dummy_hash() {
  static const std::string h = crypto::hash_password("dummy password for timing");
  return h;
}

Status throttled(std::int64_t until) {
  return Status(Code::too_many, "login.throttled", {{"until", std::to_string(until)}});
}

void note_failure(db::Conn& c, const std::string& key, int limit, std::int64_t now) {
  auto t = repo::throttle(c, key);
  if (now - t.window_start > kThrottleWindowSeconds) t = repo::Throttle{0, now, 0};
  t.failures += 1;
  if (t.failures >= limit) t.locked_until = now + kLockSeconds;
  repo::save_throttle(c, key, t);
}

audit::Actor user_actor(std::int64_t user_id, std::string request_id = "") {
  return audit::Actor{user_id, "user:" + std::to_string(user_id), std::move(request_id)};
}

}  // namespace

Result<LoginResult> login(db::Database& db, const LoginAttempt& a, std::int64_t now) {
  std::string email = normalize_email(a.email);
  if (email.empty() || a.password.empty()) return Status(Code::invalid, "login.failed");
  const std::string acct_key = "acct:" + email;
  const std::string addr_key = "addr:" + a.remote_addr;

  auto [acct, addr, user, stored] = db.read([&](db::Conn& c) {
    auto u = repo::user_by_email(c, email);
    std::string h = u ? repo::password_hash_of(c, u->id) : std::string();
    return std::make_tuple(repo::throttle(c, acct_key), repo::throttle(c, addr_key), u, h);
  });
  std::int64_t locked = std::max(acct.locked_until, addr.locked_until);
  if (locked > now) return throttled(locked);

  bool ok = crypto::verify_password(a.password, stored.empty() ? dummy_hash() : stored) && user &&
            user->active && !stored.empty();
  if (!ok) {
    auto until = db.write([&](db::Conn& c) {
      note_failure(c, acct_key, kAccountFailureLimit, now);
      note_failure(c, addr_key, kAddressFailureLimit, now);
      audit::Actor actor = audit::Actor::system("login");
      actor.request_id = a.request_id;
      audit::record(c, actor, "login_failed", "user", user ? std::to_string(user->id) : "", {}, {}, now);
      return std::max(repo::throttle(c, acct_key).locked_until, repo::throttle(c, addr_key).locked_until);
    });
    if (until > now) return throttled(until);
    return Status(Code::invalid, "login.failed");
  }

  LoginResult r;
  r.token = crypto::random_token(32);
  r.user_id = user->id;
  bool rehash = crypto::password_needs_rehash(stored);
  std::string new_hash = rehash ? crypto::hash_password(a.password) : std::string();
  r.session_id = db.write([&](db::Conn& c) {
    repo::clear_throttle(c, acct_key);
    if (rehash) repo::set_password_hash(c, user->id, new_hash, now);
    auto id = repo::insert_session(c, user->id, crypto::token_hash(r.token), now,
                                   now + kSessionAbsoluteSeconds, a.user_agent);
    audit::record(c, user_actor(user->id, a.request_id), "login", "session", std::to_string(id), {},
                  {{"user_id", user->id}}, now);
    return id;
  });
  return r;
}

void logout(db::Database& db, const audit::Actor& actor, std::int64_t session_id, std::int64_t now) {
  db.write([&](db::Conn& c) {
    repo::delete_session(c, session_id);
    audit::record(c, actor, "logout", "session", std::to_string(session_id), {}, {}, now);
  });
}

std::vector<SessionInfo> list_sessions(db::Database& db, std::int64_t user_id, std::int64_t current_session,
                                       std::int64_t now) {
  auto list = db.read([&](db::Conn& c) { return repo::sessions_of(c, user_id, now); });
  for (auto& s : list) s.current = s.id == current_session;
  return list;
}

Status end_session(db::Database& db, const audit::Actor& actor, std::int64_t user_id, std::int64_t session_id,
                   std::int64_t now) {
  return db.write([&](db::Conn& c) -> Status {
    // Only the owner's sessions: anyone else's id is simply not found.
    auto n = c.exec("DELETE FROM sessions WHERE id = ? AND user_id = ?", {session_id, user_id});
    if (n == 0) return Status::not_found();
    audit::record(c, actor, "end_session", "session", std::to_string(session_id), {}, {}, now);
    return Status::ok();
  });
}

Status end_other_sessions(db::Database& db, const audit::Actor& actor, std::int64_t user_id,
                          std::int64_t keep_session_id, std::int64_t now) {
  return db.write([&](db::Conn& c) -> Status {
    auto n = repo::delete_sessions_of(c, user_id, keep_session_id);
    audit::record(c, actor, "end_other_sessions", "user", std::to_string(user_id), {}, {{"ended", n}}, now);
    return Status::ok();
  });
}

Result<std::string> create_api_token(db::Database& db, const audit::Actor& actor, std::int64_t user_id,
                                     const std::string& raw_name, std::int64_t now) {
  std::string name = raw_name;
  if (name.empty()) return Status::invalid().field("name", "validation.required");
  if (name.size() > 100) return Status::invalid().field("name", "validation.too_long");
  std::string token = "mdsc_" + crypto::random_token(32);
  std::string prefix = token.substr(0, 12);
  db.write([&](db::Conn& c) {
    auto id = repo::insert_token(c, user_id, name, crypto::token_hash(token), prefix, now);
    audit::record(c, actor, "create", "api_token", std::to_string(id), {},
                  {{"name", name}, {"prefix", prefix}, {"user_id", user_id}}, now);
  });
  return token;
}

std::vector<ApiToken> list_api_tokens(db::Database& db, std::int64_t user_id) {
  return db.read([&](db::Conn& c) { return repo::tokens_of(c, user_id); });
}

Status revoke_api_token(db::Database& db, const audit::Actor& actor, std::int64_t user_id, std::int64_t token_id,
                        std::int64_t now) {
  return db.write([&](db::Conn& c) -> Status {
    auto t = repo::token_of(c, user_id, token_id);
    if (!t) return Status::not_found();
    if (t->revoked_at) return Status::ok();
    repo::revoke_token(c, token_id, now);
    audit::record(c, actor, "revoke", "api_token", std::to_string(token_id), {{"revoked", false}},
                  {{"revoked", true}}, now);
    return Status::ok();
  });
}

void request_password_reset(db::Database& db, const std::string& email, const std::string& base_url,
                            std::int64_t now) {
  std::string e = normalize_email(email);
  if (!check_email(e).empty()) return;
  db.write([&](db::Conn& c) {
    auto u = repo::user_by_email(c, e);
    if (!u || !u->active) return;
    std::string token = crypto::random_token(32);
    auto id = repo::insert_reset(c, u->id, crypto::token_hash(token), now, now + kResetTokenSeconds);
    std::string lang = u->preferred_lang;
    mail::Message m;
    m.to = u->email;
    m.subject = i18n::t(lang, "mail.reset.subject");
    m.text_body = i18n::t(lang, "mail.reset.body",
                          {{"name", u->display_name(lang)},
                           {"link", base_url + "/password-reset/" + token},
                           {"minutes", std::to_string(kResetTokenSeconds / 60)}});
    mail::enqueue(c, m, now);
    audit::record(c, audit::Actor::system("password_reset"), "request", "password_reset", std::to_string(id),
                  {}, {{"user_id", u->id}}, now);
  });
}

std::string create_invitation(db::Conn& c, std::int64_t user_id, std::int64_t now) {
  std::string token = crypto::random_token(32);
  repo::insert_reset(c, user_id, crypto::token_hash(token), now, now + kInvitationSeconds);
  return "/password-reset/" + token;
}

std::optional<std::int64_t> reset_link_user(db::Database& db, const std::string& token, std::int64_t now) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  auto r = db.read([&](db::Conn& c) { return repo::reset_by_hash(c, crypto::token_hash(token)); });
  if (!r || r->used_at || r->expires_at <= now) return std::nullopt;
  return r->user_id;
}

Status reset_password(db::Database& db, const std::string& token, const std::string& password,
                      std::int64_t now) {
  auto user_id = reset_link_user(db, token, now);
  if (!user_id) return Status(Code::not_found, "reset.invalid_link");
  auto user = db.read([&](db::Conn& c) { return repo::user_by_id(c, *user_id); });
  if (!user) return Status(Code::not_found, "reset.invalid_link");
  if (auto e = check_password(password, user->email); !e.empty())
    return Status::invalid().field("password", e);
  std::string hash = crypto::hash_password(password);
  return db.write([&](db::Conn& c) -> Status {
    auto r = repo::reset_by_hash(c, crypto::token_hash(token));
    if (!r || !repo::use_reset(c, r->id, now)) return Status(Code::not_found, "reset.invalid_link");
    repo::set_password_hash(c, *user_id, hash, now);
    repo::delete_sessions_of(c, *user_id, 0);
    repo::clear_throttle(c, "acct:" + user->email);
    audit::record(c, user_actor(*user_id), "password_reset", "user", std::to_string(*user_id),
                  {{"password", "old"}}, {{"password", "new"}}, now);
    return Status::ok();
  });
}

void delete_expired_sessions(db::Database& db, std::int64_t now) {
  db.write([&](db::Conn& c) { repo::delete_expired_sessions(c, now); });
}

}  // namespace mdsc::accounts
