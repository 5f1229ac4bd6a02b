#pragma once
// Matches a method and path against the registered routes. Patterns are split into segments;
// "{name}" matches one non-empty segment. Literal segments win over parameters.
#include <map>
#include <string>
#include <string_view>
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
    int literal_count = 0;
  };
  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
};

std::vector<std::string_view> split_path(std::string_view path);

}  // namespace mdsc::web
