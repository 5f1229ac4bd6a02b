#include "http/target.h"

#include "core/hex.h"

namespace mdsc::http {
namespace {

bool starts_with_scheme(std::string_view t) {
  auto ieq = [&](std::string_view prefix) {
    if (t.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if (static_cast<char>(t[i] | 0x20) != prefix[i] && t[i] != prefix[i]) return false;
    return true;
  };
  return ieq("http://") || ieq("https://");
}

}  // namespace

bool split_target(std::string_view target, std::string& path, std::string& query) {
  path.clear();
  query.clear();
  if (target == "*") {  // OPTIONS * HTTP/1.1
    path = "*";
    return true;
  }
  // Absolute form is what proxies send; RFC 9112 requires servers to accept it.
  if (starts_with_scheme(target)) {
    auto authority = target.find("//") + 2;
    auto slash = target.find_first_of("/?", authority);
    target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
    if (target.front() == '?') {
      query.assign(target.substr(1));
      path = "/";
      return true;
    }
  }
  if (target.empty() || target.front() != '/') return false;

  auto q = target.find('?');
  std::string_view raw = target.substr(0, q);
  if (q != std::string_view::npos) query.assign(target.substr(q + 1));

  path.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '%') {
      if (i + 2 >= raw.size()) return false;
      int hi = hex_value(raw[i + 1]);
      int lo = hex_value(raw[i + 2]);
      if (hi < 0 || lo < 0) return false;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (c == '\0') return false;  // NUL would truncate paths in C APIs and file names
    path.push_back(c);
  }
  return true;
}

}  // namespace mdsc::http
