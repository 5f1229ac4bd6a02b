#pragma once
// SQL for users, roles, sessions, API tokens and password resets. Rows are read with the entities'
// tables (model.cpp) and bound in their column order; secrets (password and token hashes) are
// bound beside them and never read into an entity.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.h"
#include "platform/identity/model.h"

namespace mdsc::identity::repo {

std::optional<User> user_by_id(db::Conn& c, std::int64_t id);
std::optional<User> user_by_email(db::Conn& c, const std::string& email);
std::string password_hash_of(db::Conn& c, std::int64_t user_id);
std::vector<web::RoleGrant> roles_of(db::Conn& c, std::int64_t user_id);

struct UserQuery {
  std::string search;  // matches email, names, kana, romaji (substring)
  std::string role;    // role name or ""
  long limit = 50, offset = 0;
};
std::vector<User> list_users(db::Conn& c, const UserQuery& q);
// The users `sql` selects (id, family_name, given_name, email), each as (id, "姓 名 <email>"): the
// choices of a form's user list.
std::vector<std::pair<std::int64_t, std::string>> user_choices(db::Conn& c, const std::string& sql,
                                                               const db::Params& p = {});
long count_users(db::Conn& c, const UserQuery& q);

// u.created_at and u.updated_at are written as they are; password_hash "" stores NULL (no password).
std::int64_t insert_user(db::Conn& c, const User& u, const std::string& password_hash);
void update_user(db::Conn& c, const User& u);
void set_password_hash(db::Conn& c, std::int64_t user_id, const std::string& hash, std::int64_t now);
void replace_roles(db::Conn& c, std::int64_t user_id, const std::vector<web::RoleGrant>& roles);

std::int64_t insert_session(db::Conn& c, const SessionInfo& s, const std::string& token_hash);
// The session with this hash and its user with their roles, in one statement.
std::optional<std::pair<SessionInfo, User>> session_user_by_hash(db::Conn& c, const std::string& token_hash);
void touch_session(db::Conn& c, std::int64_t id, std::int64_t now);
void delete_session(db::Conn& c, std::int64_t id);
// The user's own session only: false when it is not theirs (or gone).
bool delete_session_of(db::Conn& c, std::int64_t user_id, std::int64_t session_id);
// Returns how many were deleted; keep_id 0 deletes all.
std::int64_t delete_sessions_of(db::Conn& c, std::int64_t user_id, std::int64_t keep_id);
std::vector<SessionInfo> sessions_of(db::Conn& c, std::int64_t user_id, std::int64_t now);
void delete_expired_sessions(db::Conn& c, std::int64_t now);

// Takes the user's row lock until the transaction ends: password changes, logins and role
// changes of one user are decided one after another.
bool lock_user(db::Conn& c, std::int64_t user_id);

std::int64_t insert_token(db::Conn& c, const ApiToken& t, const std::string& token_hash);
std::vector<ApiToken> tokens_of(db::Conn& c, std::int64_t user_id);
std::optional<ApiToken> token_of(db::Conn& c, std::int64_t user_id, std::int64_t token_id);
// False if it was already revoked.
bool revoke_token(db::Conn& c, std::int64_t token_id, std::int64_t now);
// The active (not revoked) token with this hash.
std::optional<ApiToken> active_token(db::Conn& c, const std::string& token_hash);
void touch_token(db::Conn& c, std::int64_t token_id, std::int64_t now);

std::int64_t insert_reset(db::Conn& c, const PasswordReset& r, const std::string& token_hash);
std::optional<PasswordReset> reset_by_hash(db::Conn& c, const std::string& token_hash);
// Marks it used if it was not; returns false when someone else used it first.
bool use_reset(db::Conn& c, std::int64_t id, std::int64_t now);

// The INSERT statements (identity_test holds their columns to the entities' tables).
extern const char* const kInsertUser;
extern const char* const kInsertSession;
extern const char* const kInsertToken;
extern const char* const kInsertReset;

}  // namespace mdsc::identity::repo
