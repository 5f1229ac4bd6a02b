#pragma once
// What a password must be: at least 12 characters (counted as Unicode code points), not on the
// list of common passwords (data/common-passwords.txt, compared case-insensitively), not made of
// one repeated character, and not containing the user's e-mail name.
#include <string>
#include <string_view>

namespace mdsc {

// Returns "" when acceptable, otherwise the message id saying why not:
// "password.too_short", "password.too_common", "password.contains_email".
std::string check_password(std::string_view password, std::string_view email);

inline constexpr std::size_t kMinPasswordLength = 12;

}  // namespace mdsc
