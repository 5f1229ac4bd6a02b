#pragma once
// Internal to src/http (included only by server.cpp and connection.cpp, which already pull in
// Asio): the state the listener shares with its connections. Not part of the public interface.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "http/file_cache.h"
#include "http/server.h"

namespace mdsc::http::detail {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

// A socket with a deadline. One timer per connection, re-armed lazily by watchdog(): moving a
// deadline later only stores a time, so the usual request costs no timer operations (Beast's
// tcp_stream arms and cancels a timer around every read and write, which costs more than the
// rest of the request's bookkeeping). Everything here runs on the connection's strand.
struct Connection {
  explicit Connection(tcp::socket s) : socket(std::move(s)), timer(socket.get_executor()) {}
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // The current phase must end within `timeout`, or the watchdog closes the socket.
  void expires_after(SteadyClock::duration timeout) {
    deadline = SteadyClock::now() + timeout;
    if (deadline < armed) timer.cancel();  // the watchdog re-arms for the earlier deadline
  }
  void no_deadline() { deadline = SteadyClock::time_point::max(); }
  void close() {
    boost::system::error_code ignored;
    socket.close(ignored);
    timer.cancel();
  }

  tcp::socket socket;
  asio::steady_timer timer;
  SteadyClock::time_point deadline = SteadyClock::time_point::max();
  SteadyClock::time_point armed = SteadyClock::time_point::max();
  bool idle = false;  // waiting for a request to begin
  std::list<std::weak_ptr<Connection>>::iterator position;
};

struct ServerState {
  ServerState(ServerOptions o, Handler& h) : options(std::move(o)), handler(h) {}

  const ServerOptions options;
  Handler& handler;
  FileCache files;

  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> sessions{0};   // connections being served (counts against the cap)
  std::atomic<std::size_t> rejecting{0};  // connections getting a 503

  // Guards `connections`, `stop_requested`, and the waits on `changed`.
  std::mutex mutex;
  std::condition_variable changed;
  bool stop_requested = false;
  std::list<std::weak_ptr<Connection>> connections;

  // Wakes run() if it waits for connections to drain.
  void notify_if_stopping();
  bool drained() const { return sessions == 0 && rejecting == 0; }
};

// --- connection.cpp ---

// Serves one accepted connection until it closes. The socket's executor must be a strand:
// the watchdog and close_connections() touch the connection from their own handlers.
asio::awaitable<void> serve_connection(ServerState& state, tcp::socket socket);

// Answers a connection beyond max_connections with the handler's 503 and closes it.
asio::awaitable<void> reject_connection(ServerState& state, tcp::socket socket);

// Closes connections waiting for a request (idle_only) or all of them (after the grace period).
void close_connections(ServerState& state, bool idle_only);

// --- response_writer.cpp ---

struct Outcome {
  int status = 0;           // as sent (a file that cannot be read turns into 404 or 500)
  bool keep_alive = false;  // the response was written and leaves the connection open
};

// Writes `res` with Date, Content-Length, Connection and X-Request-Id: a string body, a file
// (from the cache when small, else streamed from disk), or only the header for HEAD, 204 and
// 304. Never throws for I/O errors; they come back as keep_alive == false.
asio::awaitable<Outcome> send_response(Connection& c, ServerState& state, Response& res,
                                       const Request& req, unsigned version, bool head,
                                       bool keep_alive);

// "100 Continue", for a client that waits for it before sending the body.
asio::awaitable<boost::system::error_code> send_continue(Connection& c,
                                                         std::chrono::seconds timeout);

// The handler's page for a transport error; a plain text one if the handler throws.
Response error_response(Handler& handler, int status, const Request& partial);

}  // namespace mdsc::http::detail
