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

void split_path_into(std::string_view path, std::vector<std::string_view>& out) {
  out.clear();
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
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  split_path_into(path, out);
  return out;
}

void Router::add(Route route) {
  Compiled c;
  for (auto seg : split_path(route.pattern)) {
    c.segments.emplace_back(seg);
    bool param = seg.size() >= 2 && seg.front() == '{' && seg.back() == '}';
    c.is_param.push_back(param);
    if (!param) ++c.literal_count;
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
  const auto index = static_cast<std::uint32_t>(routes_.size());
  if (!c.segments.empty() && c.is_param.front()) {
    param_first_.push_back(index);
    for (auto& [first, list] : by_first_)
      if (!first.empty()) list.push_back(index);
  } else {
    std::string first = c.segments.empty() ? std::string() : c.segments.front();
    auto [it, added] = by_first_.try_emplace(std::move(first));
    if (added && !it->first.empty()) it->second = param_first_;
    it->second.push_back(index);
  }
  routes_.push_back(std::move(route));
  compiled_.push_back(std::move(c));
}

const std::vector<std::uint32_t>& Router::candidates(std::string_view first) const {
  auto it = by_first_.find(first);
  return it != by_first_.end() ? it->second : param_first_;
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  // Reused by each call on this thread: no allocation per request.
  thread_local std::vector<std::string_view> segs;
  split_path_into(path, segs);
  // A trailing slash is a different URL only for the root.
  const auto& list = candidates(segs.empty() ? std::string_view() : segs.front());
  auto matches = [&](std::uint32_t i) {
    const auto& c = compiled_[i];
    if (c.segments.size() != segs.size()) return false;
    for (std::size_t k = 0; k < segs.size(); ++k)
      if (!c.is_param[k] && c.segments[k] != segs[k]) return false;
    return true;
  };
  Match best;
  int best_literals = -1;
  std::string_view effective = method == "HEAD" ? std::string_view("GET") : method;
  for (std::uint32_t i : list) {
    if (routes_[i].method != effective || compiled_[i].literal_count <= best_literals) continue;
    if (!matches(i)) continue;
    best_literals = compiled_[i].literal_count;
    best.route = &routes_[i];
  }
  if (best.route) {
    const auto& c = compiled_[static_cast<std::size_t>(best.route - routes_.data())];
    for (std::size_t k = 0; k < segs.size(); ++k)
      if (c.is_param[k])
        best.params.emplace(c.segments[k].substr(1, c.segments[k].size() - 2), std::string(segs[k]));
    return best;
  }
  // No route for this method: the methods the path allows, for 405 (none: 404).
  for (std::uint32_t i : list) {
    if (!matches(i)) continue;
    if (std::find(best.allowed.begin(), best.allowed.end(), routes_[i].method) == best.allowed.end())
      best.allowed.push_back(routes_[i].method);
  }
  return best;
}

}  // namespace mdsc::web
