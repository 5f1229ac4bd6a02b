#pragma once
// Matches a method and path against the registered routes. Patterns are split into segments;
// "{name}" matches one non-empty segment. Literal segments win over parameters.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "web/route.h"

namespace mdsc::web {

using PathParams = std::map<std::string, std::string, std::less<>>;

class Router {
 public:
  void add(Route route);

  struct Match {
    const Route* route = nullptr;      // null: no route for this method
    PathParams params;
    std::vector<std::string> allowed;  // methods allowed on the path (for 405), empty: 404
  };
  Match match(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Compiled {
    std::vector<std::string> segments;  // "{x}" marks a parameter
    std::vector<bool> is_param;
    int literal_count = 0;
  };
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // The routes a path may match, by its first segment ("" for the root), in the order they
  // were added: those whose pattern starts with that literal, and those that start with a
  // parameter. A first segment not in the index can match only the latter.
  const std::vector<std::uint32_t>& candidates(std::string_view first) const;

  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
  std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>> by_first_;
  std::vector<std::uint32_t> param_first_;
};

std::vector<std::string_view> split_path(std::string_view path);
// The same into `out` (cleared first), whose capacity a caller keeps from one path to the next.
void split_path_into(std::string_view path, std::vector<std::string_view>& out);

}  // namespace mdsc::web
