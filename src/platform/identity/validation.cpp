#include "platform/identity/validation.h"

#include <cctype>

#include "web/form.h"

namespace mdsc::identity {
namespace {

// Decodes one UTF-8 code point; returns false on malformed input.
bool next_code_point(std::string_view s, std::size_t& i, char32_t& cp) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return false;
  cp = len == 1 ? b : len == 2 ? (b & 0x1f) : len == 3 ? (b & 0x0f) : (b & 0x07);
  for (int k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c >> 6) != 2) return false;
    cp = (cp << 6) | (c & 0x3f);
  }
  i += len;
  return true;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0, i = 0;
  char32_t cp;
  while (i < s.size() && next_code_point(s, i, cp)) ++n;
  return n;
}

}  // namespace

std::string normalize_email(std::string_view email) {
  std::string e = web::trim(email);
  for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

std::string check_email(std::string_view e) {
  if (e.empty()) return "validation.required";
  if (e.size() > 254) return "validation.email";
  auto at = e.find('@');
  if (at == std::string_view::npos || at == 0 || e.find('@', at + 1) != std::string_view::npos)
    return "validation.email";
  std::string_view local = e.substr(0, at), domain = e.substr(at + 1);
  if (local.size() > 64 || domain.size() < 3) return "validation.email";
  auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos)
    return "validation.email";
  for (char c : local) {
    auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos))
      return "validation.email";
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
    return "validation.email";
  for (char c : domain) {
    auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '-' || c == '.')) return "validation.email";
  }
  return "";
}

std::string check_kana(std::string_view s) {
  std::size_t i = 0;
  char32_t cp;
  while (i < s.size()) {
    if (!next_code_point(s, i, cp)) return "validation.kana";
    bool hiragana = cp >= 0x3041 && cp <= 0x309F;
    bool katakana = cp >= 0x30A0 && cp <= 0x30FF;
    bool space = cp == U' ' || cp == 0x3000;
    if (!(hiragana || katakana || space)) return "validation.kana";
  }
  return code_points(s) > 100 ? "validation.too_long" : "";
}

std::string check_romaji(std::string_view s) {
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (!(std::isalpha(u) || c == ' ' || c == '-' || c == '\'' || c == '.')) return "validation.romaji";
  }
  return s.size() > 100 ? "validation.too_long" : "";
}

std::string check_name(std::string_view s, bool required) {
  if (s.empty()) return required ? "validation.required" : "";
  std::size_t i = 0;
  char32_t cp;
  while (i < s.size()) {
    if (!next_code_point(s, i, cp)) return "validation.invalid_text";
    if (cp < 0x20 || cp == 0x7f) return "validation.invalid_text";
  }
  return code_points(s) > 100 ? "validation.too_long" : "";
}

}  // namespace mdsc::identity
