#pragma once
// Signing in and out, sessions, personal API tokens and password resets.
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "platform/audit.h"
#include "platform/identity/model.h"

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
Result<LoginResult> login(db::Database& db, const LoginAttempt& a, std::int64_t now);
void logout(db::Database& db, const audit::Actor& actor, std::int64_t session_id, std::int64_t now);

std::vector<SessionInfo> list_sessions(db::Database& db, std::int64_t user_id, std::int64_t current_session,
                                       std::int64_t now);
// Ends one of the user's own sessions; not_found for anybody else's.
Status end_session(db::Database& db, const audit::Actor& actor, std::int64_t user_id, std::int64_t session_id,
                   std::int64_t now);
Status end_other_sessions(db::Database& db, const audit::Actor& actor, std::int64_t user_id,
                          std::int64_t keep_session_id, std::int64_t now);

// Returns the token text, shown once ("mdsc_" + 43 characters).
Result<std::string> create_api_token(db::Database& db, const audit::Actor& actor, std::int64_t user_id,
                                     const std::string& name, std::int64_t now);
std::vector<ApiToken> list_api_tokens(db::Database& db, std::int64_t user_id);
Status revoke_api_token(db::Database& db, const audit::Actor& actor, std::int64_t user_id, std::int64_t token_id,
                        std::int64_t now);

// Queues a mail with a one-time link valid for an hour when the address belongs to an active
// account. The answer does not tell whether it does: requests are limited per client address and
// per address asked for, registered or not (Code::too_many with the arg "until", unix time).
Status request_password_reset(db::Database& db, const std::string& email, const std::string& client_address,
                              const std::string& base_url, std::int64_t now);
// A one-time link for a new account to set its first password (valid 14 days), inside the caller's
// transaction; returns the URL path "/password-reset/<token>".
std::string create_invitation(db::Conn& c, std::int64_t user_id, std::int64_t now);
// The user the link belongs to, if it is valid now.
std::optional<std::int64_t> reset_link_user(db::Database& db, const std::string& token, std::int64_t now);
// Sets the password, uses up the link and ends every session of the user.
Status reset_password(db::Database& db, const std::string& token, const std::string& password,
                      std::int64_t now);

void delete_expired_sessions(db::Database& db, std::int64_t now);

}  // namespace mdsc::identity
