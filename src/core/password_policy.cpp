// Password rules (see password_policy.h). The common-password list is data/common-passwords.txt:
// one lower-case password per line. It is used two ways:
//  1. exact match, case-insensitively: "Password1234" is refused;
//  2. a listed password of 6 or more characters padded at the end with ASCII digits and
//     punctuation only is refused too: strip trailing digits/punctuation from the lower-cased
//     password, and if something was stripped and what remains (>= 6 chars) is on the list, the
//     password is common ("password123456", "Sakura2020!!"). This is how people lengthen a
//     short favourite to pass a length rule, and it adds nothing an attacker would not try first.
// Entries shorter than 12 characters can never match exactly (the minimum length is 12); they are
// on the list for rule 2.
#include "core/password_policy.h"

#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/resources.h"

namespace mdsc {
namespace {

constexpr std::size_t kMinStem = 6;
constexpr std::size_t kMinEmailName = 4;  // shorter names ("ab@") match too much by chance

const std::unordered_set<std::string>& common_passwords() {
  static const std::unordered_set<std::string> list = [] {
    auto text = resources::read("data/common-passwords.txt");
    if (!text) throw std::runtime_error("data/common-passwords.txt is missing");
    std::unordered_set<std::string> out;
    std::size_t start = 0;
    while (start < text->size()) {
      auto end = text->find('\n', start);
      if (end == std::string::npos) end = text->size();
      std::string line = text->substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) out.insert(std::move(line));
      start = end + 1;
    }
    return out;
  }();
  return list;
}

// Code points of a UTF-8 string, each as its byte sequence (invalid bytes count as one each).
std::vector<std::string_view> code_points(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// ASCII only: the list is ASCII, and Unicode case folding would not make a password more common.
std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_digit_or_punct(char c) {
  return (c >= '0' && c <= '9') || (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
         (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool is_common(const std::string& lower) {
  const auto& list = common_passwords();
  if (list.count(lower)) return true;
  std::size_t end = lower.size();
  while (end > 0 && is_digit_or_punct(lower[end - 1])) --end;
  return end < lower.size() && end >= kMinStem && list.count(lower.substr(0, end));
}

bool contains_email_name(const std::string& lower_password, std::string_view email) {
  auto at = email.rfind('@');
  std::string name = lower_ascii(email.substr(0, at == std::string_view::npos ? 0 : at));
  // "taro+mdsc@" is taro's address too.
  std::string base = name.substr(0, name.find('+'));
  for (const auto& n : {name, base})
    if (n.size() >= kMinEmailName && lower_password.find(n) != std::string::npos) return true;
  return false;
}

}  // namespace

std::string check_password(std::string_view password, std::string_view email) {
  auto cps = code_points(password);
  if (cps.size() < kMinPasswordLength) return "password.too_short";
  bool repeated = true;
  for (auto cp : cps) repeated = repeated && cp == cps.front();
  std::string lower = lower_ascii(password);
  if (repeated || is_common(lower)) return "password.too_common";
  if (contains_email_name(lower, email)) return "password.contains_email";
  return "";
}

}  // namespace mdsc
