#include "web/multipart.h"


#include <cstdio>
#include <fstream>
#include <memory>

#include "core/crypto.h"

namespace mdsc::web {
namespace {

constexpr std::size_t kFieldLimit = 64 * 1024;
constexpr std::size_t kChunk = 64 * 1024;

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Value of a parameter such as name="x" in a Content-Disposition header.
std::string header_param(std::string_view header, std::string_view key) {
  std::string lh = lower(header);
  std::string needle = std::string(key) + "=";
  std::size_t pos = 0;
  while ((pos = lh.find(needle, pos)) != std::string::npos) {
    if (pos == 0 || lh[pos - 1] == ' ' || lh[pos - 1] == ';') break;
    pos += needle.size();
  }
  if (pos == std::string::npos) return "";
  pos += needle.size();
  if (pos < header.size() && header[pos] == '"') {
    std::size_t end = header.find('"', pos + 1);
    if (end == std::string_view::npos) return "";
    return std::string(header.substr(pos + 1, end - pos - 1));
  }
  std::size_t end = header.find(';', pos);
  return std::string(header.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
}

struct Part {
  std::string name, filename, content_type;
  bool is_file = false;
  std::string value;
  std::unique_ptr<std::ofstream> out;
  std::string path;
  std::uint64_t size = 0;
};

}  // namespace

std::string multipart_boundary(std::string_view content_type) {
  std::string lct = lower(content_type);
  if (lct.rfind("multipart/form-data", 0) != 0) return "";
  std::string b = header_param(content_type, "boundary");
  if (b.empty() || b.size() > 200) return "";
  return b;
}

Status parse_multipart(const std::string& body_path, const std::string& boundary,
                       const std::string& temp_dir, Form& form, std::vector<Upload>& uploads) {
  std::ifstream in(body_path, std::ios::binary);
  if (!in) return Status::invalid("error.upload_failed");
  const std::string delim = "\r\n--" + boundary;
  // Prepend CRLF so the first boundary looks like every other one.
  std::string buf = "\r\n";
  std::vector<char> chunk(kChunk);
  bool eof = false;
  auto fill = [&]() {
    if (eof) return false;
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    auto n = in.gcount();
    if (n <= 0) {
      eof = true;
      return false;
    }
    buf.append(chunk.data(), static_cast<std::size_t>(n));
    return true;
  };
  auto bad = [] { return Status::invalid("error.bad_multipart"); };

  // Find the first boundary.
  std::size_t pos;
  while ((pos = buf.find(delim)) == std::string::npos)
    if (!fill()) return bad();
  buf.erase(0, pos + delim.size());

  for (;;) {
    while (buf.size() < 2)
      if (!fill()) return bad();
    if (buf.compare(0, 2, "--") == 0) return Status::ok();  // closing boundary
    if (buf.compare(0, 2, "\r\n") != 0) return bad();
    buf.erase(0, 2);
    // Part headers end with an empty line.
    std::size_t hend;
    while ((hend = buf.find("\r\n\r\n")) == std::string::npos) {
      if (buf.size() > 16 * 1024) return bad();
      if (!fill()) return bad();
    }
    Part part;
    std::string headers = buf.substr(0, hend);
    buf.erase(0, hend + 4);
    std::size_t lp = 0;
    while (lp < headers.size()) {
      std::size_t le = headers.find("\r\n", lp);
      if (le == std::string::npos) le = headers.size();
      std::string line = headers.substr(lp, le - lp);
      std::string ll = lower(line);
      if (ll.rfind("content-disposition:", 0) == 0) {
        part.name = header_param(line, "name");
        part.filename = header_param(line, "filename");
        part.is_file = ll.find("filename=") != std::string::npos;
      } else if (ll.rfind("content-type:", 0) == 0) {
        std::string v = line.substr(13);
        while (!v.empty() && v.front() == ' ') v.erase(0, 1);
        part.content_type = v;
      }
      lp = le + 2;
    }
    if (part.name.empty()) return bad();
    if (part.is_file) {
      part.path = temp_dir + "/mdsc-upload-" + crypto::random_token(12);
      part.out = std::make_unique<std::ofstream>(part.path, std::ios::binary);
      if (!*part.out) return Status::invalid("error.upload_failed");
      uploads.push_back(Upload{part.name, part.filename, part.content_type, part.path, 0});
    }
    // Body up to the next delimiter; keep a tail in case the delimiter spans chunks.
    for (;;) {
      std::size_t d = buf.find(delim);
      std::size_t take = d == std::string::npos ? (buf.size() > delim.size() ? buf.size() - delim.size() : 0) : d;
      if (part.is_file) {
        part.out->write(buf.data(), static_cast<std::streamsize>(take));
        part.size += take;
      } else {
        if (part.value.size() + take > kFieldLimit) return Status::invalid("error.field_too_long");
        part.value.append(buf, 0, take);
      }
      buf.erase(0, take);
      if (d != std::string::npos) {
        buf.erase(0, delim.size());
        break;
      }
      if (!fill()) return bad();
    }
    if (part.is_file) {
      part.out->close();
      uploads.back().size = part.size;
    } else {
      form.add(part.name, std::move(part.value));
    }
  }
}

}  // namespace mdsc::web
