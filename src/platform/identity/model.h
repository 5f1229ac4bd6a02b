#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
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
  bool has_password = false;
  std::string created_at, updated_at;
  std::vector<web::RoleGrant> roles;

  std::string display_name(std::string_view lang) const;
};

// Auditable fields (no secrets).
nlohmann::json to_json(const User& u);

struct SessionInfo {
  std::int64_t id = 0;
  std::int64_t created_at = 0, last_seen = 0, expires_at = 0;
  std::string user_agent;
  bool current = false;
};

struct ApiToken {
  std::int64_t id = 0;
  std::string name, prefix;
  std::int64_t created_at = 0;
  std::int64_t last_used_at = 0;
  std::int64_t revoked_at = 0;
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
