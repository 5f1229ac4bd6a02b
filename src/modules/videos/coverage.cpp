#include "modules/videos/coverage.h"

#include <algorithm>

namespace mdsc::videos {

Coverage::Coverage(std::int64_t duration_ms, std::string_view stored)
    : seconds_(static_cast<std::size_t>(std::max<std::int64_t>(0, (duration_ms + 999) / 1000)), false) {
  for (std::size_t d = 0; d < stored.size(); ++d) {
    const char ch = stored[d];
    const int v = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : 0;
    for (int b = 0; b < 4; ++b) {
      const std::size_t i = d * 4 + static_cast<std::size_t>(b);
      if (i < seconds_.size() && (v & (8 >> b))) seconds_[i] = true;
    }
  }
}

void Coverage::add(std::int64_t from_ms, std::int64_t to_ms) {
  if (to_ms <= from_ms || seconds_.empty()) return;
  const std::int64_t last = static_cast<std::int64_t>(seconds_.size()) - 1;
  const std::int64_t first_s = std::clamp<std::int64_t>(from_ms / 1000, 0, last);
  const std::int64_t last_s = std::clamp<std::int64_t>((to_ms - 1) / 1000, 0, last);
  if (from_ms / 1000 > last) return;
  for (std::int64_t s = first_s; s <= last_s; ++s) seconds_[static_cast<std::size_t>(s)] = true;
}

int Coverage::watched_seconds() const { return static_cast<int>(std::count(seconds_.begin(), seconds_.end(), true)); }

int Coverage::percent() const {
  return seconds_.empty() ? 0 : static_cast<int>(watched_seconds() * 100L / static_cast<long>(seconds_.size()));
}

std::string Coverage::stored() const {
  std::string out((seconds_.size() + 3) / 4, '0');
  for (std::size_t d = 0; d < out.size(); ++d) {
    int v = 0;
    for (int b = 0; b < 4; ++b) {
      const std::size_t i = d * 4 + static_cast<std::size_t>(b);
      if (i < seconds_.size() && seconds_[i]) v |= 8 >> b;
    }
    out[d] = "0123456789abcdef"[v];
  }
  return out;
}

std::int64_t believable_end(std::int64_t from_ms, std::int64_t to_ms, std::int64_t elapsed_ms) {
  if (to_ms <= from_ms) return from_ms;
  const std::int64_t allowed = std::min<std::int64_t>(2 * (std::max<std::int64_t>(0, elapsed_ms) + 2000), 60000);
  return std::min(to_ms, from_ms + allowed);
}

}  // namespace mdsc::videos
