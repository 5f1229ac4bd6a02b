// Sessions and personal API tokens.
#include "platform/identity/auth.h"

#include "core/crypto.h"
#include "platform/identity/repo.h"

namespace mdsc::identity {

std::vector<SessionInfo> list_sessions(db::Conn& c, std::int64_t user_id, std::int64_t current_session,
                                       std::int64_t now) {
  auto list = repo::sessions_of(c, user_id, now);
  for (auto& s : list) s.current = s.id == current_session;
  return list;
}

Status end_session(Work& w, std::int64_t user_id, std::int64_t session_id) {
  // Only the owner's sessions: anyone else's id is simply not found.
  if (!repo::delete_session_of(w.conn, user_id, session_id)) return Status::not_found();
  w.audit("end_session", "session", session_id, {}, {});
  return Status::ok();
}

void end_other_sessions(Work& w, std::int64_t user_id, std::int64_t keep_session_id) {
  auto n = repo::delete_sessions_of(w.conn, user_id, keep_session_id);
  w.audit("end_other_sessions", "user", user_id, {}, {{"ended", n}});
}

void delete_expired_sessions(Work& w) { repo::delete_expired_sessions(w.conn, w.now); }

Result<std::string> create_api_token(Work& w, std::int64_t user_id, const std::string& name) {
  if (name.empty()) return Status::invalid().field("name", "validation.required");
  if (name.size() > 100) return Status::invalid().field("name", "validation.too_long");
  std::string token = "mdsc_" + crypto::random_token(32);
  ApiToken t;
  t.user_id = user_id;
  t.name = name;
  t.prefix = token.substr(0, 12);
  t.created_at = w.now;
  t.id = repo::insert_token(w.conn, t, crypto::token_hash(token));
  w.audit("create", "api_token", t.id, {}, entity::snapshot(t));
  return token;
}

std::vector<ApiToken> list_api_tokens(db::Conn& c, std::int64_t user_id) { return repo::tokens_of(c, user_id); }

Status revoke_api_token(Work& w, std::int64_t user_id, std::int64_t token_id) {
  auto t = repo::token_of(w.conn, user_id, token_id);
  if (!t) return Status::not_found();
  if (t->revoked_at) return Status::ok();
  if (!repo::revoke_token(w.conn, token_id, w.now)) return Status::ok();  // revoked meanwhile, and recorded there
  w.audit("revoke", "api_token", token_id, {{"revoked", false}}, {{"revoked", true}});
  return Status::ok();
}

}  // namespace mdsc::identity
