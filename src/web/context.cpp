#include "web/context.h"

#include <charconv>

namespace mdsc::web {

std::int64_t Context::id_param(std::string_view name) const {
  auto it = params.find(name);
  if (it == params.end()) return 0;
  const std::string& s = it->second;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) return 0;
  return v;
}

std::string Context::param(std::string_view name) const {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

SetCookie Context::cookie(std::string name, std::string value) const {
  SetCookie c;
  c.name = std::move(name);
  c.value = std::move(value);
  c.secure = services.config.behind_tls;
  return c;
}

void Context::flash_next(std::string kind, std::string message_id) {
  auto c = cookie("mdsc_flash", kind + ":" + message_id);
  c.max_age = 120;
  set_cookie(c);
}

}  // namespace mdsc::web
