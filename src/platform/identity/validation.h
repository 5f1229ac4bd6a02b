#pragma once
// Checks on what people type for accounts. Each returns "" or the message id of the problem.
#include <string>
#include <string_view>

namespace mdsc::identity {

std::string normalize_email(std::string_view email);  // trimmed, lower-cased
std::string check_email(std::string_view normalized);
// Katakana or hiragana (and the long-vowel mark, middle dot and spaces).
std::string check_kana(std::string_view s);
// Latin letters, spaces, hyphens, apostrophes and periods.
std::string check_romaji(std::string_view s);
// Required names: non-empty, at most 100 characters, no control characters.
std::string check_name(std::string_view s, bool required);

}  // namespace mdsc::identity
