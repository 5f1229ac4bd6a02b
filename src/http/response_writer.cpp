// Writes responses: the header the transport owns (Date, Content-Length, Connection,
// X-Request-Id), then a string, a cached file, or a file streamed from disk.
#include <array>
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

// Copies the handler's headers, leaving out those the transport owns.
void fill_header(bhttp::response_header<>& header, int status, const Headers& headers,
                 unsigned version, bool keep_alive, std::string_view request_id) {
  header.version(version);
  header.result(static_cast<unsigned>(status));
  for (const auto& [name, value] : headers) {
    if (beast::iequals(name, "content-length") || beast::iequals(name, "transfer-encoding") ||
        beast::iequals(name, "date") || beast::iequals(name, "connection") ||
        beast::iequals(name, "x-request-id"))
      continue;
    // A CR or LF here would let a value smuggle headers (response splitting).
    if (name.empty() || name.find_first_of("\r\n: \t") != std::string::npos ||
        value.find_first_of("\r\n") != std::string::npos) {
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
    if (beast::iequals(name, "connection") && beast::iequals(value, "close")) keep_alive = false;
  const bool bodiless = res.status == 204 || res.status == 304;

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
  }

  const int status = res.status;
  const auto timeout = state.options.write_timeout;
  error_code ec;
  if (head || bodiless) {
    bhttp::response<bhttp::empty_body> message;
    fill_header(message, status, res.headers, version, keep_alive, req.request_id);
    if (!bodiless) message.content_length(file_size ? *file_size : res.body.size());
    ec = co_await write_message(c, message, timeout);
  } else if (cached) {
    bhttp::response<bhttp::span_body<const char>> message;
    fill_header(message, status, res.headers, version, keep_alive, req.request_id);
    message.body() = beast::span<const char>(cached->data(), cached->size());
    message.content_length(cached->size());
    ec = co_await write_message(c, message, timeout);
  } else if (file) {
    bhttp::response<bhttp::file_body> message;
    fill_header(message, status, res.headers, version, keep_alive, req.request_id);
    message.body() = std::move(*file);
    message.content_length(message.body().size());
    ec = co_await write_message(c, message, timeout);
  } else {
    bhttp::response<bhttp::string_body> message;
    fill_header(message, status, res.headers, version, keep_alive, req.request_id);
    message.body() = std::move(res.body);
    message.content_length(message.body().size());
    ec = co_await write_message(c, message, timeout);
  }
  co_return Outcome{status, keep_alive && !ec};
}

asio::awaitable<error_code> send_continue(Connection& c, std::chrono::seconds timeout) {
  bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, 11};
  co_return co_await write_message(c, proceed, timeout);
}

}  // namespace mdsc::http::detail
