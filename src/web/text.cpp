#include "web/text.h"

namespace mdsc::web {
namespace {

// Length of the valid UTF-8 sequence at s[i] (rejecting overlongs and surrogates), 0 if invalid.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return 1;
  std::size_t len = (b >= 0xC2 && b <= 0xDF) ? 2 : (b >= 0xE0 && b <= 0xEF) ? 3 : (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  auto b1 = static_cast<unsigned char>(s[i + 1]);
  if ((b1 & 0xC0) != 0x80) return 0;
  if (b == 0xE0 && b1 < 0xA0) return 0;  // overlong
  if (b == 0xED && b1 > 0x9F) return 0;  // surrogate
  if (b == 0xF0 && b1 < 0x90) return 0;  // overlong
  if (b == 0xF4 && b1 > 0x8F) return 0;  // beyond U+10FFFF
  for (std::size_t k = 2; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return len;
}

bool bad_control(unsigned char c) { return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F; }

}  // namespace

bool is_clean_text(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = sequence_length(s, i);
    if (n == 0 || (n == 1 && bad_control(static_cast<unsigned char>(s[i])))) return false;
    i += n;
  }
  return true;
}

std::string sanitize_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = sequence_length(s, i);
    if (n == 0 || (n == 1 && bad_control(static_cast<unsigned char>(s[i])))) {
      out += "\xEF\xBF\xBD";
      i += n == 0 ? 1 : n;
      continue;
    }
    out.append(s, i, n);
    i += n;
  }
  return out;
}

}  // namespace mdsc::web
