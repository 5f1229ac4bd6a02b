// Password-reset and invitation links: one-time, stored hashed, mailed in the user's language.
#include "core/crypto.h"
#include "core/i18n.h"
#include "core/password_policy.h"
#include "platform/identity/auth.h"
#include "platform/identity/repo.h"
#include "platform/identity/validation.h"
#include "web/rate_limit.h"

namespace mdsc::identity {
namespace {

Status throttled_mail(std::int64_t until) {
  return Status(Code::too_many, "reset.throttled", {{"until", std::to_string(until)}});
}

struct Link {
  std::int64_t id = 0;
  std::string token;  // goes into the mail; only its hash is stored
};

// A new link for the user, valid `seconds`.
Link new_link(Work& w, std::int64_t user_id, std::int64_t seconds) {
  Link out{0, crypto::random_token(32)};
  PasswordReset r;
  r.user_id = user_id;
  r.created_at = w.now;
  r.expires_at = w.now + seconds;
  out.id = repo::insert_reset(w.conn, r, crypto::token_hash(out.token));
  return out;
}

void mail_reset_link(Work& w, const User& u, const std::string& token) {
  const std::string& lang = u.preferred_lang;
  mail::Message m;
  m.to = u.email;
  m.subject = i18n::t(lang, "mail.reset.subject");
  m.text_body = i18n::t(lang, "mail.reset.body",
                        {{"name", u.display_name(lang)},
                         {"link", w.base_url + "/password-reset/" + token},
                         {"minutes", std::to_string(kResetTokenSeconds / 60)}});
  w.mail(m);
}

// The link's user, the link itself valid now.
std::optional<PasswordReset> valid_link(db::Conn& c, const std::string& token, std::int64_t now) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  auto r = repo::reset_by_hash(c, crypto::token_hash(token));
  if (!r || r->used_at || r->expires_at <= now) return std::nullopt;
  return r;
}

// Uses the link up (if nobody did meanwhile) and sets the password checked and hashed outside.
Status store_reset_password(Work& w, const std::string& token, const User& user, const std::string& hash) {
  auto r = repo::reset_by_hash(w.conn, crypto::token_hash(token));
  if (!r || !repo::use_reset(w.conn, r->id, w.now)) return Status(Code::not_found, "reset.invalid_link");
  repo::set_password_hash(w.conn, user.id, hash, w.now);
  repo::delete_sessions_of(w.conn, user.id, 0);
  web::rate_limit::clear(w.conn, "acct:" + user.email);
  w.audit("password_reset", "user", user.id, {{"password", "old"}}, {{"password", "new"}});
  return Status::ok();
}

}  // namespace

Counted request_password_reset(Work& w, const std::string& email, const std::string& client_address) {
  const std::string e = normalize_email(email);
  if (!check_email(e).empty()) return {};
  const web::rate_limit::Rule per_address{kResetMailsPerAddress, kResetMailWindowSeconds, kResetMailWindowSeconds};
  const web::rate_limit::Rule per_target{kResetMailsPerTarget, kResetMailWindowSeconds, kResetMailWindowSeconds};
  // Charged before the account is looked up, so that a registered address and an unknown one run
  // out alike.
  auto from = web::rate_limit::charge(w.conn, "reset-from:" + client_address, per_address, w.now);
  auto to = web::rate_limit::charge(w.conn, "reset-to:" + e, per_target, w.now);
  if (!from.allowed || !to.allowed)
    return {throttled_mail(std::max(from.allowed ? 0 : from.locked_until, to.allowed ? 0 : to.locked_until))};
  auto u = repo::user_by_email(w.conn, e);
  if (!u || !u->active) return {};
  const auto link = new_link(w, u->id, kResetTokenSeconds);
  mail_reset_link(w, *u, link.token);
  // Recorded as the system's: whoever asked is not known.
  audit::record(w.conn, audit::Actor::system("password_reset"), "request", "password_reset", std::to_string(link.id),
                {}, {{"user_id", u->id}}, w.now);
  return {};
}

std::string create_invitation(Work& w, std::int64_t user_id) {
  return "/password-reset/" + new_link(w, user_id, kInvitationSeconds).token;
}

void send_invitation_mail(Work& w, const User& u) {
  const std::string path = create_invitation(w, u.id);
  const std::string& lang = u.preferred_lang;
  mail::Message m;
  m.to = u.email;
  m.subject = i18n::t(lang, "mail.invite.subject");
  m.text_body = i18n::t(lang, "mail.invite.body",
                        {{"name", u.display_name(lang)}, {"link", w.base_url + path},
                         {"days", std::to_string(kInvitationSeconds / 86400)}});
  w.mail(m);
}

std::optional<std::int64_t> reset_link_user(db::Conn& c, const std::string& token, std::int64_t now) {
  auto r = valid_link(c, token, now);
  if (!r) return std::nullopt;
  return r->user_id;
}

Status reset_password(db::Database& db, const std::string& token, const std::string& password, std::int64_t now) {
  const Who nobody{audit::Actor::system("password_reset"), now};
  auto user = read_unit(db, nobody, [&](Work& w) -> std::optional<User> {
    auto r = valid_link(w.conn, token, now);
    return r ? repo::user_by_id(w.conn, r->user_id) : std::nullopt;
  });
  if (!user) return Status(Code::not_found, "reset.invalid_link");
  if (auto e = check_password(password, user->email); !e.empty()) return Status::invalid().field("password", e);
  const std::string hash = crypto::hash_password(password);
  const Who self{audit::Actor{user->id, "user:" + std::to_string(user->id), ""}, now};
  return write_unit(db, self, [&](Work& w) { return store_reset_password(w, token, *user, hash); });
}

}  // namespace mdsc::identity
