#pragma once
// Users, their sessions, personal API tokens and password-reset links, each described once by its
// field table (model.cpp; decision 0017). A user's roles are rows of a table of their own (roles),
// read and written with the user.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nlohmann/json.hpp"
#include "platform/entity.h"
#include "web/principal.h"

namespace mdsc::identity {

struct User {
  std::int64_t id = 0;
  std::string email;  // stored lower-cased
  std::string family_name, given_name;            // kanji (or as written)
  std::string family_name_kana, given_name_kana;  // katakana/hiragana reading
  std::string romaji_name;                        // "Taro YAMADA"
  std::string preferred_lang = "ja";
  bool active = true;
  std::string created_at, updated_at;  // ISO UTC
  bool has_password = false;           // read from password_hash, which never leaves the repository
  std::vector<web::RoleGrant> roles;

  std::string display_name(std::string_view lang) const;

  static const entity::Table<User>& table();  // its fields, described once
};

// What create_user and update_user take (the user as typed: email, names, language, active, roles).
// To go: the modules not yet converted name it so.
using UserInput = User;

// The API's view of a user: the table's fields and the roles.
nlohmann::json to_json(const User& u);
// The audit log's: the audited fields and the roles.
nlohmann::json snapshot(const User& u);
nlohmann::json roles_json(const std::vector<web::RoleGrant>& roles);

struct SessionInfo {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::int64_t created_at = 0, last_seen = 0, expires_at = 0;
  std::string user_agent;
  bool current = false;  // the session of the request that lists them (not stored)

  static const entity::Table<SessionInfo>& table();  // its fields, described once
};

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name, prefix;  // the prefix is shown to recognise the token; only its hash is stored
  std::int64_t created_at = 0;
  std::int64_t last_used_at = 0;  // 0: never (NULL)
  std::int64_t revoked_at = 0;    // 0: active (NULL)

  static const entity::Table<ApiToken>& table();  // its fields, described once
};

// A one-time link to set a password (a reset, or a new account's invitation).
struct PasswordReset {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::int64_t created_at = 0, expires_at = 0;
  std::int64_t used_at = 0;  // 0: not used (NULL)

  static const entity::Table<PasswordReset>& table();  // its fields, described once
};

// Limits of the login and session rules.
inline constexpr std::int64_t kSessionIdleSeconds = 30 * 60;
inline constexpr std::int64_t kSessionAbsoluteSeconds = 12 * 3600;
inline constexpr std::int64_t kTouchEverySeconds = 60;
inline constexpr int kAccountFailureLimit = 10;
inline constexpr int kAddressFailureLimit = 100;
inline constexpr std::int64_t kThrottleWindowSeconds = 15 * 60;
inline constexpr std::int64_t kLockSeconds = 15 * 60;
// Password-reset mails: per client address and per address mailed (whether it has an account or not).
inline constexpr int kResetMailsPerAddress = 20;
inline constexpr int kResetMailsPerTarget = 3;
inline constexpr std::int64_t kResetMailWindowSeconds = 60 * 60;
inline constexpr std::int64_t kResetTokenSeconds = 60 * 60;
inline constexpr std::int64_t kInvitationSeconds = 14 * 24 * 3600;

}  // namespace mdsc::identity
