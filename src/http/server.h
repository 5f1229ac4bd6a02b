#pragma once
// HTTP/1.1 server on Boost.Beast + Asio with C++20 coroutines. Knows nothing of the domain.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/message.h"

namespace mdsc::http {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  unsigned short port = 8080;          // 0: pick a free port (see Server::port())
  unsigned threads = 2;                // worker threads running the io_context
  std::size_t header_limit = 16 * 1024;                  // larger request header: 431
  std::chrono::seconds header_timeout{10};               // slow header (slowloris): close
  std::chrono::seconds body_timeout{60};                 // slow body: close
  std::chrono::seconds idle_timeout{30};                 // keep-alive idle: close
  std::chrono::seconds write_timeout{60};
  std::size_t max_connections = 1024;                    // beyond: 503 and close
  std::size_t max_requests_per_connection = 1000;        // pipelining/keep-alive cap
  std::chrono::seconds shutdown_grace{20};               // in-flight requests get this long
  std::string temp_dir = "/tmp";                         // where streamed bodies go
};

class Server {
 public:
  Server(ServerOptions options, Handler& handler);
  ~Server();
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
