#pragma once
// Cookie header parsing and Set-Cookie building.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace mdsc::web {

std::map<std::string, std::string, std::less<>> parse_cookies(std::string_view header);

struct SetCookie {
  std::string name;
  std::string value;
  std::string path = "/";
  std::optional<long> max_age;  // seconds; 0 deletes; absent: until the browser closes
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Lax";
  std::string to_header() const;
};

}  // namespace mdsc::web
