#pragma once
// Byte ranges of a representation (RFC 9110 §14), for media that players fetch in parts: one
// range per request ("bytes=0-", "bytes=100-199", "bytes=-500"), as browsers' <video> asks.
#include <cstdint>
#include <string>
#include <string_view>

namespace mdsc::http {

struct ByteRange {
  std::uint64_t first = 0, last = 0;  // inclusive
  std::uint64_t length() const { return last - first + 1; }
};

struct RangeRequest {
  enum class Kind {
    whole,          // no Range, several ranges, another unit or a malformed header: 200 with all of it
    part,           // 206 with `range`
    unsatisfiable,  // 416 with Content-Range: bytes */size
  } kind = Kind::whole;
  ByteRange range;
};

RangeRequest parse_range(std::string_view header, std::uint64_t size);

// If-Range: whether the validator the client holds is still the representation's, so that its
// Range applies. Only a strong entity tag or the exact Last-Modified date matches.
bool if_range_holds(std::string_view if_range, std::string_view etag, std::string_view last_modified);

// "bytes 0-99/1000" and "bytes */1000".
std::string content_range(const ByteRange& r, std::uint64_t size);
std::string unsatisfied_range(std::uint64_t size);

}  // namespace mdsc::http
