#include "web/router.h"

#include <algorithm>
#include <stdexcept>

namespace mdsc::web {

bool Access::allows(const std::optional<Principal>& who) const {
  switch (level) {
    case Level::anyone: return true;
    case Level::signed_in: return who.has_value();
    case Level::roles:
      if (!who) return false;
      for (Role r : any_of)
        if (who->has(r)) return true;
      return false;
  }
  return false;
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < path.size()) {
    if (path[pos] == '/') {
      ++pos;
      continue;
    }
    std::size_t next = path.find('/', pos);
    if (next == std::string_view::npos) next = path.size();
    out.push_back(path.substr(pos, next - pos));
    pos = next;
  }
  return out;
}

void Router::add(Route route) {
  Compiled c;
  for (auto seg : split_path(route.pattern)) {
    c.segments.emplace_back(seg);
    if (!(seg.size() >= 2 && seg.front() == '{' && seg.back() == '}')) ++c.literal_count;
  }
  auto shape = [](const std::vector<std::string>& segs) {
    std::vector<std::string> out;
    for (const auto& s : segs) out.push_back(!s.empty() && s.front() == '{' ? "{}" : s);
    return out;
  };
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (routes_[i].method == route.method && shape(compiled_[i].segments) == shape(c.segments))
      throw std::logic_error("duplicate route " + route.method + " " + route.pattern);
  }
  routes_.push_back(std::move(route));
  compiled_.push_back(std::move(c));
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  auto segs = split_path(path);
  // A trailing slash is a different URL only for the root.
  Match best;
  int best_literals = -1;
  std::vector<std::string> allowed;
  std::string_view effective = method == "HEAD" ? std::string_view("GET") : method;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const auto& c = compiled_[i];
    if (c.segments.size() != segs.size()) continue;
    bool ok = true;
    for (std::size_t k = 0; k < segs.size() && ok; ++k) {
      const auto& p = c.segments[k];
      bool param = p.size() >= 2 && p.front() == '{' && p.back() == '}';
      if (!param && p != segs[k]) ok = false;
    }
    if (!ok) continue;
    if (std::find(allowed.begin(), allowed.end(), routes_[i].method) == allowed.end())
      allowed.push_back(routes_[i].method);
    if (routes_[i].method != effective) continue;
    if (c.literal_count > best_literals) {
      best_literals = c.literal_count;
      best.route = &routes_[i];
      best.params.clear();
      for (std::size_t k = 0; k < segs.size(); ++k) {
        const auto& p = c.segments[k];
        if (p.size() >= 2 && p.front() == '{' && p.back() == '}')
          best.params.emplace(p.substr(1, p.size() - 2), std::string(segs[k]));
      }
    }
  }
  if (!best.route) best.allowed = std::move(allowed);
  return best;
}

}  // namespace mdsc::web
