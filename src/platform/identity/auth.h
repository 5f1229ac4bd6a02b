#pragma once
// Signing in and out, sessions, personal API tokens and password resets.
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "platform/identity/model.h"
#include "platform/work.h"

namespace mdsc::identity {

struct LoginAttempt {
  std::string email;
  std::string password;
  std::string remote_addr;
  std::string user_agent;
  std::string request_id;
};

struct LoginResult {
  std::string token;  // goes into the session cookie; only its hash is stored
  std::int64_t session_id = 0;
  std::int64_t user_id = 0;
};

// Throttled per account (10 failures in 15 minutes lock it for 15 minutes) and per address
// (100 failures). A throttled attempt fails with Code::too_many and the arg "until" (unix time).
// Opens its own units of work around the password check (decisions 0002 and 0011): the attempt is
// charged in one, the password checked outside any, and the session opened (or the failure
// recorded) in another, where the password is compared again under the user's lock.
Result<LoginResult> login(db::Database& db, const LoginAttempt& a, std::int64_t now);
void logout(Work& w, std::int64_t session_id);

std::vector<SessionInfo> list_sessions(db::Conn& c, std::int64_t user_id, std::int64_t current_session,
                                       std::int64_t now);
// Ends one of the user's own sessions; not_found for anybody else's.
Status end_session(Work& w, std::int64_t user_id, std::int64_t session_id);
void end_other_sessions(Work& w, std::int64_t user_id, std::int64_t keep_session_id);
void delete_expired_sessions(Work& w);

// Returns the token text, shown once ("mdsc_" + 43 characters).
Result<std::string> create_api_token(Work& w, std::int64_t user_id, const std::string& name);
std::vector<ApiToken> list_api_tokens(db::Conn& c, std::int64_t user_id);
Status revoke_api_token(Work& w, std::int64_t user_id, std::int64_t token_id);

// The answer of an attempt that is counted even when it is refused: the refusal comes back in
// `status` (Code::too_many, the arg "until"), not as a refused unit of work, which would roll the
// count back.
struct Counted {
  Status status;
};
// Queues a mail with a one-time link (to w.base_url) valid for an hour when the address belongs to
// an active account. The answer does not tell whether it does: requests are limited per client
// address and per address asked for, registered or not.
Counted request_password_reset(Work& w, const std::string& email, const std::string& client_address);
// A one-time link for a new account to set its first password (valid 14 days); returns the URL
// path "/password-reset/<token>".
std::string create_invitation(Work& w, std::int64_t user_id);
// Queues the invitation mail with such a link, in the user's language.
void send_invitation_mail(Work& w, const User& u);
// The user the link belongs to, if it is valid now.
std::optional<std::int64_t> reset_link_user(db::Conn& c, const std::string& token, std::int64_t now);
// Sets the password, uses up the link and ends every session of the user. Opens its own units of
// work around hashing the new password.
Status reset_password(db::Database& db, const std::string& token, const std::string& password, std::int64_t now);

}  // namespace mdsc::identity
