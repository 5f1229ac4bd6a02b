#pragma once
// Transport-level request and response: what the web layer sees. No sockets, no Beast types.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mdsc::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;        // "GET", "POST", ...
  std::string target;        // raw request target, e.g. "/users?page=2"
  std::string path;          // percent-decoded path without the query
  std::string query;         // raw query string without '?'
  Headers headers;           // names lower-cased
  std::string body;          // the body, unless it was streamed to body_file
  // Path of a temporary file holding the body (BodyPolicy::to_disk), deleted after the
  // response; rename it during handle() to keep it.
  std::string body_file;
  std::string remote_addr;   // peer address
  std::string request_id;    // short random id, also in the access log and X-Request-Id
  bool keep_alive = true;

  std::string_view header(std::string_view lower_name) const {
    for (const auto& [k, v] : headers)
      if (k == lower_name) return v;
    return {};
  }
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // When set (and file_path is not), the body is this string, shared instead of copied: for
  // content that outlives the request, such as an embedded static file.
  std::shared_ptr<const std::string> shared_body;
  std::string file_path;  // when set, the body is streamed from this file instead of `body`
  // With file_path: only these bytes of the file (a 206's range, or all of a recording), sent
  // from the page cache with sendfile(2) rather than read through the process.
  bool file_slice = false;
  std::uint64_t file_offset = 0, file_length = 0;

  void set_header(std::string name, std::string value) {
    for (auto& [k, v] : headers)
      if (k == name) {
        v = std::move(value);
        return;
      }
    headers.emplace_back(std::move(name), std::move(value));
  }
  void add_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

// What the transport needs to know about a route before it reads the body.
struct BodyPolicy {
  std::uint64_t limit = 1 << 20;   // bytes; larger bodies get 413
  bool to_disk = false;            // stream the body to a temporary file (uploads)
  std::string route_pattern;       // for the access log, e.g. "/users/{id}"
};

class Handler {
 public:
  virtual ~Handler() = default;
  // Called after the header is read, before the body.
  virtual BodyPolicy body_policy(std::string_view method, std::string_view path) const = 0;
  // Never throws (the implementation has its own catch-all); may block on the database.
  virtual Response handle(Request& request) = 0;
  // A response for a transport-level error (400, 408, 413, 431, 503) in the client's language if known.
  virtual Response transport_error(int status, const Request& partial) = 0;
};

}  // namespace mdsc::http
