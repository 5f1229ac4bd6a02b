// Signing in (decisions 0002 and 0011): the attempt is charged before the slow password check, in a
// unit of work of its own, and the session is opened in another, under the user's lock.
#include "core/crypto.h"
#include "platform/identity/auth.h"
#include "platform/identity/repo.h"
#include "platform/identity/validation.h"
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

std::string account_key(const std::string& email) { return "acct:" + email; }
std::string address_key(const LoginAttempt& a) { return "addr:" + a.remote_addr; }

struct Candidate {
  std::optional<User> user;
  std::string stored_hash;
  std::int64_t locked_until = 0;  // > 0: refused before any password was checked
};

// Charges the attempt to the account and to the client address, and reads the account, in one
// short unit of work before the (slow) password check: concurrent guesses each count, so no more
// than the limit of them are ever checked, whatever the database's isolation.
Candidate charge_attempt(Work& w, const std::string& email, const LoginAttempt& a) {
  Candidate out;
  auto acct = web::rate_limit::charge(w.conn, account_key(email), kAccountRule, w.now);
  auto addr = web::rate_limit::charge(w.conn, address_key(a), kAddressRule, w.now);
  if (!acct.allowed || !addr.allowed) {
    out.locked_until = std::max(acct.allowed ? 0 : acct.locked_until, addr.allowed ? 0 : addr.locked_until);
    return out;
  }
  out.user = repo::user_by_email(w.conn, email);
  if (out.user) out.stored_hash = repo::password_hash_of(w.conn, out.user->id);
  return out;
}

// The failure was counted when the attempt was charged; the last allowed one locks the account.
// Returns until when it is locked (0: not locked).
std::int64_t record_failure(Work& w, const std::optional<User>& user, const std::string& email) {
  w.audit("login_failed", "user", user ? std::to_string(user->id) : "", {}, {});
  return web::rate_limit::locked_until(w.conn, account_key(email));
}

// The password may have changed (and every session been ended) while it was being checked: decide
// on the row as it is now, under its lock, or the new session would outlive the change. Returns
// the new session's id, or nothing when the account changed meanwhile.
std::optional<std::int64_t> open_session(Work& w, const User& user, const std::string& checked_hash,
                                         const std::string& rehashed, const LoginAttempt& a,
                                         const std::string& email, const std::string& token) {
  if (!repo::lock_user(w.conn, user.id)) return std::nullopt;
  auto now_user = repo::user_by_id(w.conn, user.id);
  if (!now_user || !now_user->active || repo::password_hash_of(w.conn, user.id) != checked_hash) return std::nullopt;
  web::rate_limit::clear(w.conn, account_key(email));
  web::rate_limit::refund(w.conn, address_key(a), kAddressRule);
  if (!rehashed.empty()) repo::set_password_hash(w.conn, user.id, rehashed, w.now);
  SessionInfo s;
  s.user_id = user.id;
  s.created_at = s.last_seen = w.now;
  s.expires_at = w.now + kSessionAbsoluteSeconds;
  s.user_agent = a.user_agent.substr(0, 200);
  auto id = repo::insert_session(w.conn, s, crypto::token_hash(token));
  w.audit("login", "session", id, {}, {{"user_id", user.id}});
  return id;
}

}  // namespace

Result<LoginResult> login(db::Database& db, const LoginAttempt& a, std::int64_t now) {
  const std::string email = normalize_email(a.email);
  if (email.empty() || a.password.empty()) return Status(Code::invalid, "login.failed");
  Who system{audit::Actor::system("login"), now};
  system.actor.request_id = a.request_id;

  const auto cand = write_unit(db, system, [&](Work& w) { return charge_attempt(w, email, a); });
  if (cand.locked_until) return throttled(cand.locked_until);
  const std::string& stored = cand.stored_hash;
  const auto& user = cand.user;
  const bool ok = crypto::verify_password(a.password, stored.empty() ? dummy_hash() : stored) && user &&
                  user->active && !stored.empty();
  if (!ok) {
    const auto until = write_unit(db, system, [&](Work& w) { return record_failure(w, user, email); });
    if (until > now) return throttled(until);
    return Status(Code::invalid, "login.failed");
  }

  LoginResult r;
  r.token = crypto::random_token(32);
  r.user_id = user->id;
  const std::string rehashed = crypto::password_needs_rehash(stored) ? crypto::hash_password(a.password) : "";
  const Who self{audit::Actor{user->id, "user:" + std::to_string(user->id), a.request_id}, now};
  const auto session =
      write_unit(db, self, [&](Work& w) { return open_session(w, *user, stored, rehashed, a, email, r.token); });
  if (!session) return Status(Code::invalid, "login.failed");
  r.session_id = *session;
  return r;
}

void logout(Work& w, std::int64_t session_id) {
  repo::delete_session(w.conn, session_id);
  w.audit("logout", "session", session_id, {}, {});
}

}  // namespace mdsc::identity
