#include "http/range.h"

#include <charconv>
#include <optional>

#include "core/blanks.h"

namespace mdsc::http {
namespace {

std::optional<std::uint64_t> number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return n;
}

}  // namespace

RangeRequest parse_range(std::string_view header, std::uint64_t size) {
  RangeRequest out;
  header = trim_blanks(header);
  constexpr std::string_view kUnit = "bytes=";
  if (header.size() <= kUnit.size() || header.substr(0, kUnit.size()) != kUnit) return out;
  const std::string_view spec = trim_blanks(header.substr(kUnit.size()));
  if (spec.find(',') != std::string_view::npos) return out;
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) return out;
  const std::string_view a = trim_blanks(spec.substr(0, dash)), b = trim_blanks(spec.substr(dash + 1));
  if (a.empty()) {  // a suffix: the last n bytes
    const auto n = number(b);
    if (!n) return out;
    if (*n == 0 || size == 0) {
      out.kind = RangeRequest::Kind::unsatisfiable;
      return out;
    }
    out.kind = RangeRequest::Kind::part;
    out.range = {*n >= size ? 0 : size - *n, size - 1};
    return out;
  }
  const auto first = number(a);
  const auto last = b.empty() ? std::optional<std::uint64_t>(UINT64_MAX) : number(b);
  if (!first || !last || *last < *first) return out;
  if (*first >= size) {
    out.kind = RangeRequest::Kind::unsatisfiable;
    return out;
  }
  out.kind = RangeRequest::Kind::part;
  out.range = {*first, *last >= size ? size - 1 : *last};
  return out;
}

bool if_range_holds(std::string_view if_range, std::string_view etag, std::string_view last_modified) {
  if_range = trim_blanks(if_range);
  if (if_range.empty()) return true;
  if (if_range.front() == '"') return !etag.empty() && etag.front() == '"' && if_range == etag;
  if (if_range.substr(0, 2) == "W/") return false;
  return !last_modified.empty() && if_range == last_modified;
}

std::string content_range(const ByteRange& r, std::uint64_t size) {
  return "bytes " + std::to_string(r.first) + "-" + std::to_string(r.last) + "/" + std::to_string(size);
}

std::string unsatisfied_range(std::uint64_t size) { return "bytes */" + std::to_string(size); }

}  // namespace mdsc::http
