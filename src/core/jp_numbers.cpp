// Corporate and invoice registration numbers (see jp_numbers.h).
#include "core/jp_numbers.h"

#include <charconv>

#include <algorithm>

namespace mdsc {
namespace {

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes come back as themselves
// (one byte), which is enough here: they are kept and fail the format check.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = b < 0x80           ? 1
                    : (b >> 5) == 0x6  ? 2
                    : (b >> 4) == 0xE  ? 3
                    : (b >> 3) == 0x1E ? 4
                                       : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return b;
  }
  char32_t cp = len == 1 ? b : b & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return b;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += len;
  return cp;
}

// Spaces (incl. NBSP and full-width), hyphens, dashes and minus signs, and the ー ｰ that the
// IME produces when a hyphen is typed in kana mode.
constexpr std::u32string_view kSeparators =
    U" \t\u00A0\u3000-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFF0D\u30FC\uFF70";

bool is_separator(char32_t c) { return kSeparators.find(c) != std::u32string_view::npos; }

std::string normalize(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    char32_t c = next_code_point(s, i);
    if (is_separator(c)) continue;
    if (c >= U'０' && c <= U'９') {
      out += static_cast<char>('0' + (c - U'０'));
    } else if (c == U't' || c == U'Ｔ' || c == U'ｔ') {
      out += 'T';
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

enum class Problem { none, format, check };

Problem check_13(std::string_view digits) {
  if (digits.size() != 13 || !all_digits(digits)) return Problem::format;
  return corporate_number_check_digit(digits.substr(1)) == digits[0] - '0' ? Problem::none
                                                                           : Problem::check;
}

}  // namespace

int corporate_number_check_digit(std::string_view base12) {
  if (base12.size() != 12 || !all_digits(base12)) return -1;
  int sum = 0;
  for (int n = 1; n <= 12; ++n) {  // n counts from the lowest (rightmost) digit
    int p = base12[12 - n] - '0';
    sum += p * (n % 2 == 1 ? 1 : 2);
  }
  return 9 - sum % 9;
}

std::string normalize_registration_number(std::string_view s) { return normalize(s); }
std::string normalize_corporate_number(std::string_view s) { return normalize(s); }

std::string check_corporate_number(std::string_view s) {
  switch (check_13(normalize(s))) {
    case Problem::none:
      return "";
    case Problem::format:
      return "validation.corporate_number_format";
    case Problem::check:
      return "validation.corporate_number_check";
  }
  return "";
}

std::string check_registration_number(std::string_view s) {
  const std::string n = normalize(s);
  if (n.size() != 14 || n[0] != 'T') return "validation.registration_number_format";
  switch (check_13(std::string_view(n).substr(1))) {
    case Problem::none:
      return "";
    case Problem::format:
      return "validation.registration_number_format";
    case Problem::check:
      return "validation.registration_number_check";
  }
  return "";
}

std::optional<std::int64_t> parse_whole_number(std::string_view s) {
  // Full-width digits (U+FF10–FF19) and the yen and comma marks people paste from documents.
  std::string ascii;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
        static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99) {
      ascii += static_cast<char>('0' + static_cast<unsigned char>(s[i + 2]) - 0x90);
      i += 2;
    } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
               static_cast<unsigned char>(s[i + 2]) == 0x8C) {
      i += 2;  // full-width comma
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA5) {
      ++i;  // ¥
    } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
               static_cast<unsigned char>(s[i + 2]) == 0xA5) {
      i += 2;  // full-width ￥
    } else if (c == ',' || c == ' ' || c == '\\') {
      continue;
    } else {
      ascii += static_cast<char>(c);
    }
  }
  if (ascii.empty()) return std::nullopt;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(ascii.data(), ascii.data() + ascii.size(), v);
  if (ec != std::errc() || p != ascii.data() + ascii.size()) return std::nullopt;
  return v;
}

}  // namespace mdsc
