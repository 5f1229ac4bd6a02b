#pragma once
// Every change to accounts: validated, written in one transaction, and audited there.
// Handlers and CLI commands call these; they never write SQL themselves.
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "platform/audit.h"
#include "platform/identity/model.h"

namespace mdsc::identity {

struct UserInput {
  std::string email;
  std::string family_name, given_name, family_name_kana, given_name_kana, romaji_name;
  std::string preferred_lang = "ja";
  bool active = true;
  std::vector<web::RoleGrant> roles;
  // update_user: leave the stored roles as they are (an API PATCH without "roles"), instead of
  // writing back a list read before a concurrent grant.
  bool keep_roles = false;
};

// Parses role specs such as "secretariat" or "instructor:12" (role:scope id).
Result<web::RoleGrant> parse_role(std::string_view spec);

// A password (when given) must pass the policy. Without one the user cannot log in until they
// set it through an invitation or reset link.
// With invite_base_url, the same transaction queues an invitation mail with a link to set a password.
Result<std::int64_t> create_user(db::Database& db, const audit::Actor& actor, const UserInput& in,
                                 const std::optional<std::string>& password, std::int64_t now,
                                 const std::string& invite_base_url = "");
// Inside the caller's transaction, without a password (invited); e.g. an accepted applicant.
Result<std::int64_t> create_user_in(db::Conn& c, const audit::Actor& actor, const UserInput& in, std::int64_t now,
                                    const std::string& invite_base_url);
// Adds one role to an existing user (no-op if they hold it), audited.
Status grant_role_in(db::Conn& c, const audit::Actor& actor, std::int64_t user_id, const web::RoleGrant& grant,
                     std::int64_t now);
// Sends a new invitation link (e.g. the first one expired).
Status send_invitation(db::Database& db, const audit::Actor& actor, std::int64_t user_id,
                       const std::string& base_url, std::int64_t now);
// Replaces the user's fields and roles (secretariat).
Status update_user(db::Database& db, const audit::Actor& actor, std::int64_t id, const UserInput& in,
                   std::int64_t now);
// Self-service: names and language only.
Status update_profile(db::Database& db, const audit::Actor& actor, std::int64_t id, const UserInput& in,
                      std::int64_t now);
// Needs the current password; ends the user's other sessions.
Status change_password(db::Database& db, const audit::Actor& actor, std::int64_t user_id,
                       const std::string& current, const std::string& next, std::int64_t keep_session_id,
                       std::int64_t now);
// Administrative (CLI): sets a password and ends every session.
Status set_password(db::Database& db, const audit::Actor& actor, std::int64_t user_id,
                    const std::string& password, std::int64_t now);

std::optional<User> find_user(db::Database& db, std::int64_t id);
std::optional<User> find_user_by_email(db::Database& db, const std::string& email);

}  // namespace mdsc::identity
