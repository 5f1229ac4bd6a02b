#include "core/media_probe.h"

#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <string_view>
#include <vector>

namespace mdsc::media {
namespace {

struct File {
  int fd = -1;
  std::uint64_t size = 0;
  explicit File(const std::string& path) : fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd >= 0) {
      const off_t end = ::lseek(fd, 0, SEEK_END);
      size = end > 0 ? static_cast<std::uint64_t>(end) : 0;
    }
  }
  ~File() {
    if (fd >= 0) ::close(fd);
  }
  // Up to n bytes at offset (fewer at the end of the file).
  std::string read(std::uint64_t offset, std::size_t n) const {
    std::string out(n, '\0');
    std::size_t got = 0;
    while (got < n) {
      const ssize_t r = ::pread(fd, out.data() + got, n - got, static_cast<off_t>(offset + got));
      if (r <= 0) break;
      got += static_cast<std::size_t>(r);
    }
    out.resize(got);
    return out;
  }
};

std::uint64_t be(std::string_view b, std::size_t at, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

// MP4: boxes are (32-bit size, type[, 64-bit size]); the movie header (moov/mvhd) has the
// timescale and the duration in its units.
std::optional<Video> probe_mp4(const File& f) {
  std::uint64_t at = 0;
  bool first = true;
  while (at + 8 <= f.size) {
    const std::string h = f.read(at, 16);
    if (h.size() < 8) return std::nullopt;
    std::uint64_t size = be(h, 0, 4), header = 8;
    const std::string_view type(h.data() + 4, 4);
    if (first && type != "ftyp") return std::nullopt;
    first = false;
    if (size == 1) {
      if (h.size() < 16) return std::nullopt;
      size = be(h, 8, 8);
      header = 16;
    } else if (size == 0) {
      size = f.size - at;
    }
    if (size < header || at + size > f.size) return std::nullopt;
    if (type == "moov") {
      for (std::uint64_t child = at + header; child + 8 <= at + size;) {
        const std::string c = f.read(child, 8);
        const std::uint64_t csize = be(c, 0, 4);
        if (csize < 8) return std::nullopt;
        if (std::string_view(c.data() + 4, 4) == "mvhd") {
          const std::string m = f.read(child + 8, 32);
          if (m.size() < 20) return std::nullopt;
          const bool v1 = m[0] == 1;
          if (v1 && m.size() < 32) return std::nullopt;
          const std::uint64_t scale = v1 ? be(m, 20, 4) : be(m, 12, 4);
          const std::uint64_t units = v1 ? be(m, 24, 8) : be(m, 16, 4);
          if (scale == 0 || units == 0) return std::nullopt;
          return Video{"video/mp4", static_cast<std::int64_t>(units * 1000 / scale)};
        }
        child += csize;
      }
      return std::nullopt;
    }
    at += size;
  }
  return std::nullopt;
}

// WebM (EBML): element ids keep their length marker, sizes drop it; an all-ones size is unknown.
struct Element {
  std::uint64_t id = 0, size = 0, data = 0;  // data: offset of the content in the buffer
  bool unknown_size = false;
};

bool vint(std::string_view b, std::size_t& at, std::uint64_t& value, bool keep_marker, bool* all_ones = nullptr) {
  if (at >= b.size()) return false;
  const auto first = static_cast<unsigned char>(b[at]);
  int len = 1;
  while (len <= 8 && !(first & (0x80 >> (len - 1)))) ++len;
  if (len > 8 || at + len > b.size()) return false;
  value = keep_marker ? first : (first & (0xFF >> len));
  bool ones = (first & (0xFF >> len)) == (0xFF >> len);
  for (int i = 1; i < len; ++i) {
    const auto byte = static_cast<unsigned char>(b[at + i]);
    value = (value << 8) | byte;
    ones = ones && byte == 0xFF;
  }
  if (all_ones) *all_ones = ones;
  at += len;
  return true;
}

bool element(std::string_view b, std::size_t& at, Element& e) {
  if (!vint(b, at, e.id, true)) return false;
  if (!vint(b, at, e.size, false, &e.unknown_size)) return false;
  e.data = at;
  return true;
}

double ebml_float(std::string_view b, const Element& e) {
  if (e.size == 4) {
    const auto bits = static_cast<std::uint32_t>(be(b, e.data, 4));
    float v;
    std::memcpy(&v, &bits, 4);
    return v;
  }
  if (e.size == 8) {
    const std::uint64_t bits = be(b, e.data, 8);
    double v;
    std::memcpy(&v, &bits, 8);
    return v;
  }
  return 0;
}

std::optional<Video> probe_webm(const File& f) {
  // The EBML header and the segment's first elements (SeekHead, Info) are at the start.
  const std::string b = f.read(0, 256 * 1024);
  std::size_t at = 0;
  Element e;
  if (!element(b, at, e) || e.id != 0x1A45DFA3 || e.data + e.size > b.size()) return std::nullopt;
  bool webm = false;
  for (std::size_t in = e.data; in < e.data + e.size;) {
    Element c;
    if (!element(b, in, c) || c.data + c.size > b.size()) return std::nullopt;
    if (c.id == 0x4282) webm = std::string_view(b.data() + c.data, c.size).substr(0, 4) == "webm";
    in = c.data + c.size;
  }
  if (!webm) return std::nullopt;
  at = e.data + e.size;
  if (!element(b, at, e) || e.id != 0x18538067) return std::nullopt;  // Segment
  const std::size_t end = e.unknown_size ? b.size() : std::min<std::uint64_t>(b.size(), e.data + e.size);
  for (std::size_t in = e.data; in < end;) {
    Element c;
    if (!element(b, in, c) || c.unknown_size) return std::nullopt;
    if (c.id == 0x1549A966 && c.data + c.size <= b.size()) {  // Info
      std::uint64_t scale = 1000000;
      double duration = 0;
      for (std::size_t i = c.data; i < c.data + c.size;) {
        Element d;
        if (!element(b, i, d) || d.data + d.size > b.size()) return std::nullopt;
        if (d.id == 0x2AD7B1 && d.size <= 8) scale = be(b, d.data, static_cast<int>(d.size));
        if (d.id == 0x4489) duration = ebml_float(b, d);
        i = d.data + d.size;
      }
      if (!(duration > 0) || !std::isfinite(duration)) return std::nullopt;
      return Video{"video/webm", static_cast<std::int64_t>(std::llround(duration * static_cast<double>(scale) / 1e6))};
    }
    in = c.data + c.size;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Video> probe(const std::string& path) {
  const File f(path);
  if (f.fd < 0 || f.size < 16) return std::nullopt;
  const std::string head = f.read(0, 8);
  if (head.size() == 8 && std::string_view(head.data() + 4, 4) == "ftyp") return probe_mp4(f);
  if (head.size() >= 4 && be(head, 0, 4) == 0x1A45DFA3) return probe_webm(f);
  return std::nullopt;
}

}  // namespace mdsc::media
