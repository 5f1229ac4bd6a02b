#pragma once
// Every change to users: validated, written in the caller's unit of work, and audited there.
// Handlers, other modules and commands call these; they never write SQL themselves.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "platform/identity/model.h"
#include "platform/work.h"

namespace mdsc::identity {

// Parses role specs such as "secretariat" or "instructor:12" (role:scope id).
Result<web::RoleGrant> parse_role(std::string_view spec);

// A new user without a password: they set it through the invitation link (queued as a mail in the
// same unit of work when `invite`), or a reset link, before they can log in.
Result<std::int64_t> create_user(Work& w, User u, bool invite = false);
// A new user with a password (commands, the demo). The password is checked and hashed before a
// unit of work of its own opens: hashing is slow, and on SQLite a write transaction holds every
// other writer.
Result<std::int64_t> create_user_with_password(db::Database& db, const Who& who, User u, const std::string& password);

// Changes the user as it is under their lock: `edit` sets what changes (an API PATCH only what it
// names, whatever changed meanwhile) and may refuse with field errors. Email, names, language and
// roles are checked again afterwards; a deactivated user is signed out everywhere at once.
using UserEdit = std::function<Status(User&)>;
Status update_user(Work& w, std::int64_t id, const UserEdit& edit);
// Self-service: `edit` changes the user's names and language; their address, whether they are
// active and their roles stay as they are.
Status update_profile(Work& w, std::int64_t id, const UserEdit& edit);
// Adds one role to an existing user (no-op if they hold it), audited.
Status grant_role(Work& w, std::int64_t user_id, const web::RoleGrant& grant);

// Needs the current password; ends the user's other sessions. Opens its own units of work around
// the two password checks (a route with Tx::none).
Status change_password(db::Database& db, const Who& who, std::int64_t user_id, const std::string& current,
                       const std::string& next, std::int64_t keep_session_id);

std::optional<User> find_user(db::Conn& c, std::int64_t id);
std::optional<User> find_user_by_email(db::Conn& c, const std::string& email);

}  // namespace mdsc::identity
