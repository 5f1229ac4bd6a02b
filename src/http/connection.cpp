// One HTTP/1.1 connection on Beast: read the header, ask the handler for the route's body
// policy, read (or refuse) the body, call the handler, write the response, and repeat while
// keep-alive holds. Whatever the client sends ends in a response, a 4xx from
// Handler::transport_error, or a silent close; nothing the peer does may throw out of here.
#include "http/connection.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include "core/log.h"
#include "http/target.h"

namespace mdsc::http::detail {

namespace beast = boost::beast;
namespace bhttp = beast::http;
using beast::error_code;

void ServerState::notify_if_stopping() {
  if (!stopping) return;
  std::lock_guard lock(mutex);
  changed.notify_all();
}

namespace {

// After an error response we read and discard what the client is still sending before
// closing: closing with unread input makes the kernel send RST, which can destroy the
// response before the client has read it.
constexpr std::size_t kLingerBytes = 1 << 20;
constexpr std::chrono::seconds kLinger{1};
constexpr std::size_t kMaxReadSize = 64 * 1024;
// An idle connection keeps a small buffer, so 5,000 of them stay cheap.
constexpr std::size_t kIdleBufferCapacity = 16 * 1024;

auto with(error_code& ec) { return asio::redirect_error(asio::use_awaitable, ec); }

asio::awaitable<void> watchdog(std::shared_ptr<Connection> connection) {
  auto& c = *connection;
  while (c.socket.is_open()) {
    if (SteadyClock::now() >= c.deadline) {
      c.close();  // pending reads and writes complete with operation_aborted
      break;
    }
    c.armed = c.deadline;
    c.timer.expires_at(c.armed);
    error_code ec;
    co_await c.timer.async_wait(with(ec));
  }
}

// 64 random bits as 16 hex digits. splitmix64 on a thread-local state seeded once per thread:
// unique enough to correlate log lines, and costs nothing per request.
std::string new_request_id() {
  thread_local std::uint64_t state = [] {
    std::random_device device;
    return (std::uint64_t{device()} << 32) ^ device() ^
           static_cast<std::uint64_t>(SteadyClock::now().time_since_epoch().count());
  }();
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i, z >>= 4) id[i] = kHex[z & 0xf];
  return id;
}

// The parser's verdicts on bad syntax, as opposed to a peer that went away mid-message.
bool is_bad_request(const error_code& ec) {
  static const auto& category = bhttp::make_error_code(bhttp::error::bad_method).category();
  return ec.category() == category && ec != bhttp::error::end_of_stream &&
         ec != bhttp::error::partial_message && ec != bhttp::error::need_more;
}

void log_access(std::string_view method, std::string_view pattern, int status,
                SteadyClock::time_point start, std::string_view request_id) {
  // The route pattern, never the path: paths and queries may carry tokens and personal data.
  double ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
  log::access().info("{} {} {} {:.1f}ms {}", method.empty() ? "-" : method,
                     pattern.empty() ? "-" : pattern, status, ms, request_id);
}

// Removes a streamed request body once the response is written, whatever happened.
class TempFile {
 public:
  explicit TempFile(const std::string& dir) {
    std::string name = dir + "/mdsc-body-XXXXXX";
    int fd = ::mkstemp(name.data());
    if (fd < 0) {
      error_ = std::error_code(errno, std::generic_category()).message();
      return;
    }
    ::close(fd);
    path_ = std::move(name);
  }
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }
  const std::string& error() const { return error_; }

 private:
  std::string path_;
  std::string error_;
};

asio::awaitable<void> linger_and_close(Connection& c, beast::flat_buffer& buffer) {
  error_code ec;
  c.socket.shutdown(tcp::socket::shutdown_send, ec);
  c.expires_after(kLinger);
  for (std::size_t total = 0; !ec && total < kLingerBytes;) {
    buffer.consume(buffer.size());
    std::size_t n = co_await c.socket.async_read_some(buffer.prepare(kMaxReadSize), with(ec));
    total += n;
  }
  c.close();
}

class Session {
 public:
  Session(ServerState& state, Connection& connection)
      : state_(state), options_(state.options), c_(connection) {}

  asio::awaitable<void> run() {
    error_code ec;
    auto peer = c_.socket.remote_endpoint(ec);
    if (!ec) remote_addr_ = peer.address().to_string();
    for (bool first = true;; first = false) {
      bool started = co_await await_request(first);
      if (!started) break;
      bool keep_going = co_await serve_one(first);
      if (!keep_going) break;
    }
  }

 private:
  // Waits for the first bytes of the next request: up to header_timeout on a new connection,
  // idle_timeout between keep-alive requests.
  asio::awaitable<bool> await_request(bool first) {
    if (buffer_.size() > 0) co_return true;  // pipelined
    if (state_.stopping) co_return false;
    if (buffer_.capacity() > kIdleBufferCapacity) buffer_.shrink_to_fit();
    c_.expires_after(first ? options_.header_timeout : options_.idle_timeout);
    c_.idle = true;
    error_code ec;
    std::size_t n = co_await c_.socket.async_read_some(
        buffer_.prepare(beast::read_size(buffer_, kMaxReadSize)), with(ec));
    c_.idle = false;
    if (ec) co_return false;  // idle timeout, peer closed, or shutting down
    buffer_.commit(n);
    co_return true;
  }

  // Reads the header; header_timeout bounds the whole header from its first byte (from accept
  // for a connection's first request), not each read, so a slow trickle is cut off.
  asio::awaitable<error_code> read_header(bhttp::request_parser<bhttp::empty_body>& parser,
                                          bool first) {
    error_code ec;
    // Usually the whole header is already buffered: parse it without touching the deadline.
    std::size_t used = parser.put(buffer_.data(), ec);
    buffer_.consume(used);
    if (ec != bhttp::error::need_more) co_return ec;
    if (!first) c_.expires_after(options_.header_timeout);
    ec = {};
    co_await bhttp::async_read_header(c_.socket, buffer_, parser, with(ec));
    co_return ec;
  }

  asio::awaitable<bool> serve_one(bool first) {
    const auto start = SteadyClock::now();
    ++served_;
    version_ = 11;
    head_ = false;
    Request req;
    req.remote_addr = remote_addr_;
    req.request_id = new_request_id();
    req.keep_alive = false;

    bhttp::request_parser<bhttp::empty_body> header_parser;
    header_parser.header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(options_.header_limit, UINT32_MAX)));
    // The route's body limit is known only once the header is read; it is applied below.
    // (Not boost::none: Beast 1.74 compares the length with the empty optional and fails.)
    header_parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    error_code ec = co_await read_header(header_parser, first);
    if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) {
      // The parser keeps the fields it read before the limit; the 431 page should be in the
      // client's language if Accept-Language was among them.
      for (const auto& f : header_parser.get())
        if (beast::iequals(f.name_string(), "accept-language"))
          req.headers.emplace_back("accept-language", std::string(f.value()));
      co_await fail(431, req, {}, start);
      co_return false;
    }
    if (ec) {
      if (is_bad_request(ec)) co_await fail(400, req, {}, start);
      co_return false;
    }

    auto& header = header_parser.get();
    version_ = header.version() == 10 ? 10 : 11;
    head_ = header.method() == bhttp::verb::head;
    req.method.assign(header.method_string());
    req.target.assign(header.target());
    req.headers.reserve(static_cast<std::size_t>(std::distance(header.begin(), header.end())));
    for (const auto& field : header) {
      std::string name(field.name_string());
      for (char& c : name)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    req.keep_alive = header.keep_alive() && served_ < options_.max_requests_per_connection;
    const bool no_host = header.version() >= 11 && header.find(bhttp::field::host) == header.end();
    if (no_host || !split_target(req.target, req.path, req.query)) {
      co_await fail(400, req, {}, start);
      co_return false;
    }
    const bool expect_continue = header.version() >= 11 &&
                                 beast::iequals(header[bhttp::field::expect], "100-continue");

    BodyPolicy policy;
    bool policy_failed = false;
    try {
      policy = state_.handler.body_policy(req.method, req.path);
    } catch (const std::exception& e) {
      spdlog::error("request {}: body_policy threw: {}", req.request_id, e.what());
      policy_failed = true;
    }
    if (policy_failed) {
      co_await fail(500, req, {}, start);
      co_return false;
    }
    // Refused before a byte of the body is read: a 100 MB upload to a 1 MB route costs nothing.
    if (auto length = header_parser.content_length(); length && *length > policy.limit) {
      co_await fail(413, req, policy.route_pattern, start);
      co_return false;
    }

    std::optional<TempFile> body_file;
    if (!header_parser.is_done()) {
      if (expect_continue) {
        ec = co_await send_continue(c_, options_.write_timeout);
        if (ec) co_return false;
      }
      c_.expires_after(options_.body_timeout);
      if (policy.to_disk) {
        body_file.emplace(options_.temp_dir);
        if (body_file->path().empty()) {
          spdlog::error("request {}: cannot create a temporary file in the temp_dir: {}",
                        req.request_id, body_file->error());
          co_await fail(500, req, policy.route_pattern, start);
          co_return false;
        }
        bhttp::request_parser<bhttp::file_body> parser(std::move(header_parser));
        parser.body_limit(policy.limit);
        parser.get().body().open(body_file->path().c_str(), beast::file_mode::write, ec);
        if (ec) {
          spdlog::error("request {}: cannot open the temporary body file: {}", req.request_id,
                        ec.message());
          co_await fail(500, req, policy.route_pattern, start);
          co_return false;
        }
        co_await bhttp::async_read(c_.socket, buffer_, parser, with(ec));
        parser.get().body().close();
        req.body_file = body_file->path();
      } else {
        bhttp::request_parser<bhttp::string_body> parser(std::move(header_parser));
        parser.body_limit(policy.limit);
        co_await bhttp::async_read(c_.socket, buffer_, parser, with(ec));
        req.body = std::move(parser.get().body());
      }
      if (ec == bhttp::error::body_limit) {  // chunked bodies are only measured as they arrive
        co_await fail(413, req, policy.route_pattern, start);
        co_return false;
      }
      if (ec) {
        if (is_bad_request(ec)) co_await fail(400, req, policy.route_pattern, start);
        co_return false;
      }
    }

    Response res;
    c_.no_deadline();  // the handler's time is not the client's fault
    try {
      res = state_.handler.handle(req);
    } catch (const std::exception& e) {
      spdlog::error("request {}: handler threw: {}", req.request_id, e.what());
      res = error_response(state_.handler, 500, req);
    }
    // Checked after the handler: a shutdown that began meanwhile closes this connection.
    const bool keep_alive = req.keep_alive && !state_.stopping;
    Outcome out = co_await send_response(c_, state_, res, req, version_, head_, keep_alive);
    log_access(req.method, policy.route_pattern, out.status, start, req.request_id);
    if (!out.keep_alive) {
      c_.socket.shutdown(tcp::socket::shutdown_send, ec);
      co_return false;
    }
    co_return true;
  }

  // Sends the handler's page for a transport error, then closes: after a refused or broken
  // request, the rest of the input cannot be trusted to start a new request.
  asio::awaitable<void> fail(int status, const Request& partial, std::string_view pattern,
                             SteadyClock::time_point start) {
    Response res = error_response(state_.handler, status, partial);
    Outcome out = co_await send_response(c_, state_, res, partial, version_, head_, false);
    log_access(partial.method, pattern, out.status, start, partial.request_id);
    co_await linger_and_close(c_, buffer_);
  }

  ServerState& state_;
  const ServerOptions& options_;
  Connection& c_;
  beast::flat_buffer buffer_;  // reused for every request on this connection
  std::string remote_addr_;
  std::size_t served_ = 0;
  unsigned version_ = 11;
  bool head_ = false;
};

}  // namespace

asio::awaitable<void> serve_connection(ServerState& state, tcp::socket socket) {
  auto connection = std::make_shared<Connection>(std::move(socket));
  {
    std::lock_guard lock(state.mutex);
    connection->position = state.connections.insert(state.connections.end(), connection);
  }
  try {
    connection->expires_after(state.options.header_timeout);
    asio::co_spawn(connection->socket.get_executor(), watchdog(connection), asio::detached);
    Session session(state, *connection);
    co_await session.run();
  } catch (const std::exception& e) {
    spdlog::error("connection failed: {}", e.what());
  }
  {
    std::lock_guard lock(state.mutex);
    state.connections.erase(connection->position);
  }
  connection->close();
  --state.sessions;
  state.notify_if_stopping();
}

asio::awaitable<void> reject_connection(ServerState& state, tcp::socket socket) {
  const auto start = SteadyClock::now();
  try {
    auto connection = std::make_shared<Connection>(std::move(socket));
    connection->expires_after(state.options.write_timeout);
    asio::co_spawn(connection->socket.get_executor(), watchdog(connection), asio::detached);
    beast::flat_buffer buffer;
    Request partial;
    partial.request_id = new_request_id();
    partial.keep_alive = false;
    Response res = error_response(state.handler, 503, partial);
    Outcome out = co_await send_response(*connection, state, res, partial, 11, false, false);
    log_access({}, {}, out.status, start, partial.request_id);
    co_await linger_and_close(*connection, buffer);
  } catch (const std::exception& e) {
    spdlog::error("rejecting a connection failed: {}", e.what());
  }
  --state.rejecting;
  state.notify_if_stopping();
}

void close_connections(ServerState& state, bool idle_only) {
  std::vector<std::shared_ptr<Connection>> live;
  {
    std::lock_guard lock(state.mutex);
    live.reserve(state.connections.size());
    for (const auto& weak : state.connections)
      if (auto connection = weak.lock()) live.push_back(std::move(connection));
  }
  // On the connection's strand, so `idle` and the stream are not raced; a busy connection
  // instead sees `stopping` after its response and closes itself.
  for (auto& connection : live)
    asio::post(connection->socket.get_executor(), [connection, idle_only] {
      if (!idle_only || connection->idle) connection->close();
    });
}

}  // namespace mdsc::http::detail
