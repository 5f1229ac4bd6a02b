#include "platform/identity/authenticator.h"

#include "core/crypto.h"
#include "platform/identity/model.h"
#include "platform/identity/repo.h"

namespace mdsc::identity {
namespace {

web::Principal principal_of(User u) {
  web::Principal p;
  p.user_id = u.id;
  p.display_name = u.display_name(u.preferred_lang);
  p.email = std::move(u.email);
  p.preferred_lang = std::move(u.preferred_lang);
  p.roles = std::move(u.roles);
  return p;
}

}  // namespace

std::optional<web::Principal> DbAuthenticator::from_session(std::string_view token) {
  if (token.size() < 20 || token.size() > 100) return std::nullopt;
  std::string hash = crypto::token_hash(token);
  std::int64_t now = clock_.now_unix();
  auto found = db_.read([&](db::Conn& c) { return repo::session_user_by_hash(c, hash); });
  if (!found) return std::nullopt;
  auto& [s, u] = *found;
  if (!u.active || s.expires_at <= now || s.last_seen + kSessionIdleSeconds <= now) return std::nullopt;
  // Idle time is tracked to the minute: one write a minute per session, not one per request.
  if (now - s.last_seen >= kTouchEverySeconds)
    db_.write([&](db::Conn& c) { repo::touch_session(c, s.id, now); });
  web::Principal p = principal_of(std::move(u));
  p.session_id = s.id;
  p.session_token_hash = hash;
  return p;
}

std::optional<web::Principal> DbAuthenticator::from_api_token(std::string_view token) {
  if (token.size() < 20 || token.size() > 100) return std::nullopt;
  std::string hash = crypto::token_hash(token);
  std::int64_t now = clock_.now_unix();
  auto found = db_.read([&](db::Conn& c) -> std::optional<std::pair<ApiToken, User>> {
    auto t = repo::active_token(c, hash);
    if (!t) return std::nullopt;
    auto u = repo::user_by_id(c, t->user_id);
    if (!u || !u->active) return std::nullopt;
    return std::make_pair(*t, *u);
  });
  if (!found) return std::nullopt;
  if (now - found->first.last_used_at >= kTouchEverySeconds)
    db_.write([&](db::Conn& c) { repo::touch_token(c, found->first.id, now); });
  web::Principal p = principal_of(found->second);
  p.via_api_token = true;
  return p;
}

}  // namespace mdsc::identity
