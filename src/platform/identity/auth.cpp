#include "platform/identity/auth.h"

#include <spdlog/spdlog.h>

#include "core/crypto.h"
#include "core/i18n.h"
#include "core/password_policy.h"
#include "platform/identity/repo.h"
#include "platform/identity/validation.h"
#include "platform/outbox.h"
#include "web/rate_limit.h"

namespace mdsc::identity {
namespace {

// Verifying against a fixed hash when the account does not exist keeps the timing the same.
const std::string& dummy_hash() {
  static const std::string h = crypto::hash_password("dummy password for timing");
  return h;
}

Status throttled(std::int64_t until) {
  return Status(Code::too_many, "login.throttled", {{"until", std::to_string(until)}});
}

const web::rate_limit::Rule kAccountRule{kAccountFailureLimit, kThrottleWindowSeconds, kLockSeconds};
const web::rate_limit::Rule kAddressRule{kAddressFailureLimit, kThrottleWindowSeconds, kLockSeconds};

Status throttled_mail(std::int64_t until) {
  return Status(Code::too_many, "reset.throttled", {{"until", std::to_string(until)}});
}

audit::Actor user_actor(std::int64_t user_id, std::string request_id = "") {
  return audit::Actor{user_id, "user:" + std::to_string(user_id), std::move(request_id)};
}

struct Candidate {
  std::optional<User> user;
  std::string stored_hash;
  std::int64_t locked_until = 0;  // > 0: refused before any password was checked
};

// Charges the attempt to the account and to the client address, and reads the account, in one
// short transaction before the (slow) password check: concurrent guesses each count, so no more
// than the limit of them are ever checked, whatever the database's isolation.
Candidate charge_attempt(db::Database& db, const std::string& email, const LoginAttempt& a, std::int64_t now) {
  return db.write([&](db::Conn& c) {
    Candidate out;
    auto acct = web::rate_limit::charge(c, "acct:" + email, kAccountRule, now);
    auto addr = web::rate_limit::charge(c, "addr:" + a.remote_addr, kAddressRule, now);
    if (!acct.allowed || !addr.allowed) {
      out.locked_until = std::max(acct.allowed ? 0 : acct.locked_until, addr.allowed ? 0 : addr.locked_until);
      return out;
    }
    out.user = repo::user_by_email(c, email);
    if (out.user) out.stored_hash = repo::password_hash_of(c, out.user->id);
    return out;
  });
}

}  // namespace

Result<LoginResult> login(db::Database& db, const LoginAttempt& a, std::int64_t now) {
  std::string email = normalize_email(a.email);
  if (email.empty() || a.password.empty()) return Status(Code::invalid, "login.failed");
  const std::string acct_key = "acct:" + email;
  const std::string addr_key = "addr:" + a.remote_addr;

  auto cand = charge_attempt(db, email, a, now);
  if (cand.locked_until) return throttled(cand.locked_until);
  const std::string& stored = cand.stored_hash;
  const auto& user = cand.user;
  bool ok = crypto::verify_password(a.password, stored.empty() ? dummy_hash() : stored) && user &&
            user->active && !stored.empty();
  if (!ok) {
    auto until = db.write([&](db::Conn& c) {
      audit::Actor actor = audit::Actor::system("login");
      actor.request_id = a.request_id;
      audit::record(c, actor, "login_failed", "user", user ? std::to_string(user->id) : "", {}, {}, now);
      // The failure was counted when the attempt was charged; the last allowed one locks the account.
      auto r = c.query_one("SELECT locked_until FROM throttles WHERE key = ?", {acct_key});
      return r ? r->i64("locked_until") : std::int64_t{0};
    });
    if (until > now) return throttled(until);
    return Status(Code::invalid, "login.failed");
  }

  LoginResult r;
  r.token = crypto::random_token(32);
  r.user_id = user->id;
  bool rehash = crypto::password_needs_rehash(stored);
  std::string new_hash = rehash ? crypto::hash_password(a.password) : std::string();
  auto session = db.write([&](db::Conn& c) -> std::optional<std::int64_t> {
    // The password may have changed (and every session been ended) while it was being checked:
    // decide on the row as it is now, under its lock, or the new session would outlive the change.
    if (!repo::lock_user(c, user->id)) return std::nullopt;
    auto now_user = repo::user_by_id(c, user->id);
    if (!now_user || !now_user->active || repo::password_hash_of(c, user->id) != stored) return std::nullopt;
    web::rate_limit::clear(c, acct_key);
    web::rate_limit::refund(c, addr_key, kAddressRule);
    if (rehash) repo::set_password_hash(c, user->id, new_hash, now);
    auto id = repo::insert_session(c, user->id, crypto::token_hash(r.token), now,
                                   now + kSessionAbsoluteSeconds, a.user_agent);
    audit::record(c, user_actor(user->id, a.request_id), "login", "session", std::to_string(id), {},
                  {{"user_id", user->id}}, now);
    return id;
  });
  if (!session) return Status(Code::invalid, "login.failed");
  r.session_id = *session;
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
    if (!repo::revoke_token(c, token_id, now)) return Status::ok();  // revoked meanwhile, and recorded there
    audit::record(c, actor, "revoke", "api_token", std::to_string(token_id), {{"revoked", false}},
                  {{"revoked", true}}, now);
    return Status::ok();
  });
}

Status request_password_reset(db::Database& db, const std::string& email, const std::string& client_address,
                              const std::string& base_url, std::int64_t now) {
  std::string e = normalize_email(email);
  if (!check_email(e).empty()) return Status::ok();
  const web::rate_limit::Rule per_address{kResetMailsPerAddress, kResetMailWindowSeconds, kResetMailWindowSeconds};
  const web::rate_limit::Rule per_target{kResetMailsPerTarget, kResetMailWindowSeconds, kResetMailWindowSeconds};
  return db.write([&](db::Conn& c) -> Status {
    // Charged before the account is looked up, so that a registered address and an unknown one
    // run out alike.
    auto from = web::rate_limit::charge(c, "reset-from:" + client_address, per_address, now);
    auto to = web::rate_limit::charge(c, "reset-to:" + e, per_target, now);
    if (!from.allowed || !to.allowed)
      return throttled_mail(std::max(from.allowed ? 0 : from.locked_until, to.allowed ? 0 : to.locked_until));
    auto u = repo::user_by_email(c, e);
    if (!u || !u->active) return Status::ok();
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
    return Status::ok();
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
    web::rate_limit::clear(c, "acct:" + user->email);
    audit::record(c, user_actor(*user_id), "password_reset", "user", std::to_string(*user_id),
                  {{"password", "old"}}, {{"password", "new"}}, now);
    return Status::ok();
  });
}

void delete_expired_sessions(db::Database& db, std::int64_t now) {
  db.write([&](db::Conn& c) { repo::delete_expired_sessions(c, now); });
}

}  // namespace mdsc::identity
