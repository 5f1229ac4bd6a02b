#include "web/cookies.h"

namespace mdsc::web {

std::map<std::string, std::string, std::less<>> parse_cookies(std::string_view h) {
  std::map<std::string, std::string, std::less<>> out;
  std::size_t pos = 0;
  while (pos < h.size()) {
    std::size_t semi = h.find(';', pos);
    if (semi == std::string_view::npos) semi = h.size();
    std::string_view part = h.substr(pos, semi - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    std::size_t eq = part.find('=');
    if (eq != std::string_view::npos && eq > 0) {
      std::string_view value = part.substr(eq + 1);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
      // The first occurrence wins: browsers send the most specific path first.
      out.emplace(std::string(part.substr(0, eq)), std::string(value));
    }
    pos = semi + 1;
  }
  return out;
}

std::string SetCookie::to_header() const {
  std::string s = name + "=" + value + "; Path=" + path;
  if (max_age) s += "; Max-Age=" + std::to_string(*max_age);
  if (http_only) s += "; HttpOnly";
  if (secure) s += "; Secure";
  if (!same_site.empty()) s += "; SameSite=" + same_site;
  return s;
}

}  // namespace mdsc::web
