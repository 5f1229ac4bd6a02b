#pragma once
// HTTP/1.1 server on Boost.Beast + Asio with C++20 coroutines. Knows nothing of the domain.
//
// For the web layer:
// - handle(), body_policy() and transport_error() are called concurrently from several threads,
//   never for the same connection at once. A blocking handle() holds one of `threads` threads.
// - transport_error() answers 400 (malformed request, bad target, NUL or bad percent escape,
//   HTTP/1.1 without Host), 413 (body over BodyPolicy::limit), 431 (header over header_limit),
//   503 (over max_connections; `partial` is empty), 404/500 (Response::file_path unreadable)
//   and 500 (handle() threw or returned a status outside 200..999). The connection closes after
//   each of them. Slow or idle clients are closed without a response.
// - The transport sets Date, Content-Length, Connection and X-Request-Id; the handler's values
//   for those are ignored, except "Connection: close", which closes the connection.
// - Response::shared_body: a body shared between responses, sent without a copy.
// - Response::file_path: files up to 64 KiB are cached in memory (revalidated by stat on every
//   request); larger ones are streamed. A HEAD response carries the size without the body.
// - One access-log line per request at info (log::access()): method, BodyPolicy::route_pattern,
//   status, duration, request id. Never the path, query, headers or peer address.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/message.h"

namespace mdsc::http {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  unsigned short port = 8080;  // 0: pick a free port (see Server::port())
  // Threads running the event loop. Handler::handle runs on them too, inline, and may block:
  // size this for the handlers' waiting (database), not for the cores. 0: 2 per core, at
  // least 4 (measured on 2 cores: 8 threads are no faster and double the dashboard's p99).
  unsigned threads = 0;
  std::size_t header_limit = 16 * 1024;     // larger request header: 431
  std::chrono::seconds header_timeout{10};  // for the whole header (slowloris): close
  std::chrono::seconds body_timeout{60};    // for the whole body: close (raise for big uploads)
  std::chrono::seconds idle_timeout{30};    // keep-alive idle: close
  std::chrono::seconds write_timeout{60};   // a write making no progress: close
  // Beyond this, 503 and close. An idle keep-alive connection costs about 5 KB and a descriptor
  // (start() raises the soft descriptor limit to the hard one).
  std::size_t max_connections = 10000;
  std::size_t max_requests_per_connection = 1000;  // the last one gets Connection: close
  std::chrono::seconds shutdown_grace{20};  // for in-flight requests; then they are cut off
  std::string temp_dir = "/tmp";  // for to_disk bodies (mdsc-body-*, removed after the response)
};

class Server {
 public:
  Server(ServerOptions options, Handler& handler);
  ~Server();  // only once run() has returned, or if it was never called
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; throws std::runtime_error with a clear message if the address is taken.
  void start();
  // The bound port (useful with port 0).
  unsigned short port() const;
  // Blocks until stop() or SIGTERM/SIGINT; then stops accepting, lets in-flight requests finish
  // (up to shutdown_grace), closes idle connections, and returns.
  void run();
  // Thread-safe; asks run() to shut down gracefully.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mdsc::http
