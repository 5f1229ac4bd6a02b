#pragma once
// What kind of video a file is and how long it lasts, read from its container without decoding:
// MP4 (the ftyp box first; the movie header's duration, wherever moov lies) and WebM (the EBML
// header's DocType; the segment's Info duration). Other files are not videos here.
#include <cstdint>
#include <optional>
#include <string>

namespace mdsc::media {

struct Video {
  std::string content_type;  // "video/mp4" or "video/webm"
  std::int64_t duration_ms = 0;
};

// nullopt: not an MP4 or WebM file, or one without a duration.
std::optional<Video> probe(const std::string& path);

}  // namespace mdsc::media
