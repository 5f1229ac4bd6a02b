#pragma once
// Which seconds of a recording a trainee has watched, and how much a heartbeat may claim. Pure:
// the progress operation calls it with what it read under the view's lock.
//
// The page reports, every few seconds, the stretch it played without a jump since its last report
// (a seek starts a new stretch). The server believes a stretch only as long as the time that
// passed on its own clock allows (at most double speed, plus a little for the network): a report
// cannot claim a whole lecture at once, and seeking to the end watches nothing in between.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mdsc::videos {

class Coverage {
 public:
  // duration_ms: the recording's; stored: what stored() gave before ("" for nothing watched).
  Coverage(std::int64_t duration_ms, std::string_view stored);

  // Marks [from_ms, to_ms) watched (clipped to the video); a second is watched when any of it is.
  void add(std::int64_t from_ms, std::int64_t to_ms);
  int watched_seconds() const;
  int total_seconds() const { return static_cast<int>(seconds_.size()); }
  // Watched seconds in whole percent of the video, rounded down.
  int percent() const;
  // Hex, four seconds per digit.
  std::string stored() const;

 private:
  std::vector<bool> seconds_;
};

// The part of a reported stretch [from_ms, to_ms) the server believes, `elapsed_ms` after the last
// report it accepted: its end clipped to from + 2 × (elapsed + 2 s), and at most 60 s of video.
// to_ms <= from_ms (nothing played) stays empty.
std::int64_t believable_end(std::int64_t from_ms, std::int64_t to_ms, std::int64_t elapsed_ms);

}  // namespace mdsc::videos
