// Writes responses: the header the transport owns (Date, Content-Length, Connection,
// X-Request-Id), then a string, a cached file, or a file streamed from disk.
#include <fcntl.h>
#include <sys/sendfile.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <optional>

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include "http/connection.h"

namespace mdsc::http::detail {

namespace beast = boost::beast;
namespace bhttp = beast::http;
using beast::error_code;

namespace {

auto with(error_code& ec) { return asio::redirect_error(asio::use_awaitable, ec); }

// IMF-fixdate, formatted once a second per thread. Not strftime: its day and month names follow
// the C locale, which the application may change.
std::string_view http_date() {
  struct Cache {
    std::time_t second = -1;
    std::array<char, 64> text{};
    std::size_t size = 0;
  };
  thread_local Cache cache;
  std::time_t now = std::time(nullptr);
  if (now != cache.second) {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm tm{};
    gmtime_r(&now, &tm);
    int n = std::snprintf(cache.text.data(), cache.text.size(),
                          "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday], tm.tm_mday,
                          kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    cache.size = n > 0 ? static_cast<std::size_t>(n) : 0;
    cache.second = now;
  }
  return {cache.text.data(), cache.size};
}

template <class Body>
asio::awaitable<error_code> write_message(Connection& c, bhttp::response<Body>& message,
                                          std::chrono::seconds timeout) {
  bhttp::response_serializer<Body> serializer(message);
  error_code ec;
  // The deadline restarts with each write, so it cuts off a stalled client without limiting
  // how long a large download may take.
  while (!serializer.is_done()) {
    c.expires_after(timeout);
    co_await bhttp::async_write_some(c.socket, serializer, with(ec));
    if (ec) break;
  }
  co_return ec;
}

// Headers the transport sets itself; the handler's values for them are dropped.
bool transport_owned(std::string_view name) {
  switch (name.size()) {
    case 4: return beast::iequals(name, "date");
    case 10: return beast::iequals(name, "connection");
    case 12: return beast::iequals(name, "x-request-id");
    case 14: return beast::iequals(name, "content-length");
    case 17: return beast::iequals(name, "transfer-encoding");
    default: return false;
  }
}

// A CR or LF in a header would let a value smuggle headers (response splitting); a name must
// also be free of ':', spaces and tabs. One pass per string: this runs for every header of
// every response.
bool valid_header(std::string_view name, std::string_view value) {
  if (name.empty()) return false;
  for (char c : name)
    if (c == '\r' || c == '\n' || c == ':' || c == ' ' || c == '\t') return false;
  for (char c : value)
    if (c == '\r' || c == '\n') return false;
  return true;
}

// Copies the handler's headers, leaving out those the transport owns.
void fill_header(bhttp::response_header<>& header, int status, const Headers& headers,
                 unsigned version, bool keep_alive, std::string_view request_id) {
  header.version(version);
  header.result(static_cast<unsigned>(status));
  for (const auto& [name, value] : headers) {
    if (transport_owned(name)) continue;
    if (!valid_header(name, value)) {
      spdlog::error("request {}: dropping an invalid response header", request_id);
      continue;
    }
    header.insert(name, value);
  }
  header.set(bhttp::field::date, http_date());
  header.set("X-Request-Id", request_id);
  // HTTP/1.1 persists unless told otherwise; HTTP/1.0 only when told.
  if (version >= 11 && !keep_alive) header.set(bhttp::field::connection, "close");
  if (version < 11 && keep_alive) header.set(bhttp::field::connection, "keep-alive");
}

// The same header as fill_header() gives Beast, written as text: what Beast's serializer would
// send, without building its field list (an allocation per header) or running the serializer.
void write_header(std::string& out, int status, const Headers& headers, unsigned version,
                  bool keep_alive, std::string_view request_id,
                  std::optional<std::uint64_t> content_length) {
  out.reserve(512);
  out += version >= 11 ? "HTTP/1.1 " : "HTTP/1.0 ";
  const auto code = static_cast<unsigned>(status);
  out += static_cast<char>('0' + code / 100);
  out += static_cast<char>('0' + (code / 10) % 10);
  out += static_cast<char>('0' + code % 10);
  out += ' ';
  out += bhttp::obsolete_reason(static_cast<bhttp::status>(code));
  out += "\r\n";
  for (const auto& [name, value] : headers) {
    if (transport_owned(name)) continue;
    if (!valid_header(name, value)) {
      spdlog::error("request {}: dropping an invalid response header", request_id);
      continue;
    }
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  out += "Date: ";
  out += http_date();
  out += "\r\nX-Request-Id: ";
  out += request_id;
  out += "\r\n";
  // HTTP/1.1 persists unless told otherwise; HTTP/1.0 only when told.
  if (version >= 11 && !keep_alive) out += "Connection: close\r\n";
  if (version < 11 && keep_alive) out += "Connection: keep-alive\r\n";
  if (content_length) {
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, *content_length);
    out += "Content-Length: ";
    out.append(digits, end);
    out += "\r\n";
  }
  out += "\r\n";
}

// Writes the header and the body in one gather write (usually one sendmsg), restarting the
// deadline with each write as write_message() does.
asio::awaitable<error_code> write_buffers(Connection& c, const std::string& header,
                                          std::string_view body, std::chrono::seconds timeout) {
  std::array<asio::const_buffer, 2> buffers{asio::buffer(header.data(), header.size()),
                                            asio::buffer(body.data(), body.size())};
  beast::buffers_suffix<std::array<asio::const_buffer, 2>> rest(buffers);
  std::size_t left = header.size() + body.size();
  error_code ec;
  while (left > 0) {
    c.expires_after(timeout);
    std::size_t n = co_await c.socket.async_write_some(rest, with(ec));
    if (ec) break;
    rest.consume(n);
    left -= n;
  }
  co_return ec;
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Sends `length` bytes of the file from `offset` with sendfile(2): the kernel copies from the
// page cache to the socket, and the process waits (without a thread) while the socket is full.
asio::awaitable<error_code> send_file_slice(Connection& c, int fd, std::uint64_t offset, std::uint64_t length,
                                            std::chrono::seconds timeout) {
  error_code ec;
  c.socket.native_non_blocking(true, ec);
  if (ec) co_return ec;
  off_t at = static_cast<off_t>(offset);
  while (length > 0) {
    c.expires_after(timeout);
    const ssize_t n = ::sendfile(c.socket.native_handle(), fd, &at, std::min<std::uint64_t>(length, 1u << 30));
    if (n > 0) {
      length -= static_cast<std::uint64_t>(n);
    } else if (n == 0) {
      ec = asio::error::eof;  // the file is shorter than promised: cut the connection
      break;
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      co_await c.socket.async_wait(tcp::socket::wait_write, with(ec));
      if (ec) break;
    } else if (errno != EINTR) {
      ec = error_code(errno, boost::system::system_category());
      break;
    }
  }
  co_return ec;
}

bool is_missing(const std::error_code& ec) {
  return ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory ||
         ec == std::errc::is_a_directory;
}

}  // namespace

Response error_response(Handler& handler, int status, const Request& partial) {
  try {
    return handler.transport_error(status, partial);
  } catch (const std::exception& e) {
    spdlog::error("request {}: transport_error({}) threw: {}", partial.request_id, status,
                  e.what());
  }
  Response res;
  res.status = status;
  res.set_header("Content-Type", "text/plain; charset=utf-8");
  res.body = std::string(bhttp::obsolete_reason(bhttp::int_to_status(status)));
  return res;
}

asio::awaitable<Outcome> send_response(Connection& c, ServerState& state, Response& res,
                                       const Request& req, unsigned version, bool head,
                                       bool keep_alive) {
  if (res.status < 200 || res.status > 999) {
    spdlog::error("request {}: handler returned status {}; sending 500", req.request_id,
                  res.status);
    res = error_response(state.handler, 500, req);
  }
  for (const auto& [name, value] : res.headers)
    if (name.size() == 10 && beast::iequals(name, "connection") && beast::iequals(value, "close"))
      keep_alive = false;
  const bool bodiless = res.status == 204 || res.status == 304;

  if (res.file_slice && !res.file_path.empty() && !bodiless) {
    Fd slice{::open(res.file_path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (slice.fd < 0) {
      const std::error_code error(errno, std::generic_category());
      spdlog::warn("request {}: cannot serve the response file: {}", req.request_id, error.message());
      res = error_response(state.handler, is_missing(error) ? 404 : 500, req);
    } else {
      std::string header;
      write_header(header, res.status, res.headers, version, keep_alive, req.request_id, res.file_length);
      error_code ec = co_await write_buffers(c, header, {}, state.options.write_timeout);
      if (!ec && !head)
        ec = co_await send_file_slice(c, slice.fd, res.file_offset, res.file_length, state.options.write_timeout);
      co_return Outcome{res.status, keep_alive && !ec};
    }
  }

  std::shared_ptr<const std::string> cached;  // kept alive until the write is done
  std::optional<bhttp::file_body::value_type> file;
  std::optional<std::uint64_t> file_size;
  if (!res.file_path.empty() && !bodiless) {
    FileLookup found = state.files.lookup(res.file_path);
    std::error_code error = found.error;
    if (!error && !found.content && !head) {
      error_code ec;
      file.emplace();
      file->open(res.file_path.c_str(), beast::file_mode::scan, ec);
      if (ec) error = std::error_code(ec.value(), std::generic_category());
    }
    if (error) {
      // No path in the log: it may name a user's upload.
      spdlog::warn("request {}: cannot serve the response file: {}", req.request_id,
                   error.message());
      res = error_response(state.handler, is_missing(error) ? 404 : 500, req);
      file.reset();
    } else {
      cached = std::move(found.content);
      file_size = file ? file->size() : found.size;
    }
  } else if (res.shared_body && !bodiless) {
    cached = res.shared_body;
    file_size = cached->size();
  }

  const int status = res.status;
  const auto timeout = state.options.write_timeout;
  error_code ec;
  if (file && !head && !bodiless) {
    // Larger than the file cache: streamed by Beast's file body.
    bhttp::response<bhttp::file_body> message;
    fill_header(message, status, res.headers, version, keep_alive, req.request_id);
    message.body() = std::move(*file);
    message.content_length(message.body().size());
    ec = co_await write_message(c, message, timeout);
  } else {
    std::string_view body;
    std::optional<std::uint64_t> length;
    if (cached) {
      body = std::string_view(*cached);
      length = cached->size();
    } else {
      body = res.body;
      length = file_size ? *file_size : res.body.size();
    }
    if (bodiless) length.reset();
    if (head || bodiless) body = {};
    std::string header;
    write_header(header, status, res.headers, version, keep_alive, req.request_id, length);
    ec = co_await write_buffers(c, header, body, timeout);
  }
  co_return Outcome{status, keep_alive && !ec};
}

asio::awaitable<error_code> send_continue(Connection& c, std::chrono::seconds timeout) {
  bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, 11};
  co_return co_await write_message(c, proceed, timeout);
}

}  // namespace mdsc::http::detail
