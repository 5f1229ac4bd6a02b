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

#include "http/file_cache.h"
#include "http/server.h"

namespace mdsc::http::detail {

struct Connection;

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

// Serves one accepted connection until it closes. The socket's executor must be a strand:
// the stream's timer and close_connections() touch the connection from other handlers.
boost::asio::awaitable<void> serve_connection(ServerState& state,
                                              boost::asio::ip::tcp::socket socket);

// Answers a connection beyond max_connections with the handler's 503 and closes it.
boost::asio::awaitable<void> reject_connection(ServerState& state,
                                               boost::asio::ip::tcp::socket socket);

// Closes connections waiting for a request (idle_only) or all of them (after the grace period).
void close_connections(ServerState& state, bool idle_only);

}  // namespace mdsc::http::detail
