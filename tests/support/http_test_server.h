#pragma once
// Test helpers for src/http/server_test.cpp: a blocking POSIX-socket HTTP client, a recording handler,
// and a server running on its own thread. Header-only so the library does not carry them.
// Waits are for events (a response, a close, a handler starting); their deadline, kHang, only
// keeps a broken server from hanging the suite, so a slow machine cannot make a test fail.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "http/server.h"

namespace mdsc::http::testing {

using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

// How long a wait for something that must happen may take before the test gives up on it.
constexpr std::chrono::seconds kHang{30};

inline std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string body;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// One client connection. Reads and writes give up after kHang, so a broken server fails tests
// rather than hanging them.
class Client {
 public:
  explicit Client(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    timeval tv{kHang.count(), 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      int e = errno;
      ::close(fd_);
      fd_ = -1;
      throw std::runtime_error(std::string("connect: ") + std::strerror(e));
    }
  }
  ~Client() {
    if (fd_ >= 0) ::close(fd_);
  }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  int fd() const { return fd_; }

  // False if the peer has closed (EPIPE/ECONNRESET).
  bool send(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  void shutdown_write() { ::shutdown(fd_, SHUT_WR); }

  // Reads one response; nullopt if the connection closed or timed out first.
  std::optional<Reply> read(bool head = false) {
    std::size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos)
      if (!fill()) return std::nullopt;
    Reply reply;
    std::istringstream lines(buffer_.substr(0, end + 2));
    std::string line;
    std::getline(lines, line);
    if (line.rfind("HTTP/1.", 0) != 0 || line.size() < 12) return std::nullopt;
    reply.status = std::stoi(line.substr(9, 3));
    while (std::getline(lines, line) && line != "\r") {
      auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string value = line.substr(colon + 1);
      while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
      while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) value.pop_back();
      reply.headers[lower(line.substr(0, colon))] = value;
    }
    buffer_.erase(0, end + 4);
    bool bodiless = head || reply.status < 200 || reply.status == 204 || reply.status == 304;
    if (!bodiless) {
      std::size_t length = std::stoul(reply.header("content-length").empty()
                                          ? "0" : reply.header("content-length"));
      while (buffer_.size() < length)
        if (!fill()) return std::nullopt;
      reply.body = buffer_.substr(0, length);
      buffer_.erase(0, length);
    }
    return reply;
  }

  std::optional<Reply> request(const std::string& method, const std::string& target,
                               const std::string& extra_headers = {},
                               const std::string& body = {}) {
    std::string text = method + " " + target + " HTTP/1.1\r\nHost: test\r\n" + extra_headers;
    if (!body.empty() || method == "POST" || method == "PUT")
      text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    text += "\r\n" + body;
    if (!send(text)) return std::nullopt;
    return read(method == "HEAD");
  }

  std::optional<Reply> get(const std::string& target) { return request("GET", target); }

  // True once the server has closed the connection (reading and dropping any data); false if it
  // has not within kHang.
  bool wait_closed() { return closed_within(kHang); }

  // True if the server closes the connection within `timeout` (reading and dropping any data).
  // For pacing a slow client and for "not closed meanwhile"; a close that must come is wait_closed().
  bool closed_within(std::chrono::milliseconds timeout) {
    auto deadline = SteadyClock::now() + timeout;
    for (;;) {
      auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
      if (left.count() <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
      char scratch[4096];
      ssize_t n = ::recv(fd_, scratch, sizeof scratch, 0);
      if (n <= 0) return true;
    }
  }

 private:
  bool fill() {
    char chunk[16384];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  std::string buffer_;
};

// Routes: /slow blocks until release_slow() (and reports it started); /file answers with `file`;
// /upload streams its body to disk; /tiny takes 1 KiB bodies; /users/... logs as /users/{id};
// /big answers 32 MiB; /close asks for Connection: close; everything else echoes the request.
class TestHandler final : public Handler {
 public:
  BodyPolicy body_policy(std::string_view, std::string_view path) const override {
    BodyPolicy policy;
    policy.route_pattern = "/echo";
    if (path == "/upload") {
      policy.to_disk = true;
      policy.limit = 10 << 20;
      policy.route_pattern = "/upload";
    } else if (path == "/tiny") {
      policy.limit = 1024;
    } else if (path.rfind("/users/", 0) == 0) {
      policy.route_pattern = "/users/{id}";
    }
    return policy;
  }

  Response handle(Request& req) override {
    handled++;
    if (req.path == "/slow") {
      std::unique_lock lock(mutex_);
      slow_started_ = true;
      started_.notify_all();
      // Bounded, so that a test failing before it releases still ends.
      started_.wait_for(lock, kHang, [&] { return slow_released_; });
    }
    Response res;
    res.set_header("Content-Type", "text/plain");
    if (req.path == "/big") {
      res.body.assign(32 << 20, 'b');
    } else if (req.path == "/close") {
      res.set_header("Connection", "close");
      res.body = "bye";
    } else if (req.path == "/file" || req.path == "/missing-file") {
      res.file_path = req.path == "/file" ? file : file + ".missing";
    } else if (req.path == "/upload") {
      std::ifstream in(req.body_file, std::ios::binary);
      std::ostringstream content;
      content << in.rdbuf();
      res.body = content.str();
    } else {
      res.body = "echo " + req.method + " " + req.path + " ?" + req.query + " [" + req.body + "]";
    }
    std::lock_guard lock(mutex_);
    last_ = req;
    return res;
  }

  Response transport_error(int status, const Request&) override {
    errors++;
    Response res;
    res.status = status;
    res.set_header("Content-Type", "text/plain");
    res.body = "transport error " + std::to_string(status);
    return res;
  }

  Request last() {
    std::lock_guard lock(mutex_);
    return last_;
  }
  bool wait_slow_started() {
    std::unique_lock lock(mutex_);
    return started_.wait_for(lock, kHang, [&] { return slow_started_; });
  }
  void release_slow() {
    {
      std::lock_guard lock(mutex_);
      slow_released_ = true;
    }
    started_.notify_all();
  }
  ~TestHandler() override { release_slow(); }

  std::string file;
  std::atomic<int> handled{0};
  std::atomic<int> errors{0};

 private:
  std::mutex mutex_;
  std::condition_variable started_;
  bool slow_started_ = false;
  bool slow_released_ = false;
  Request last_;
};

// A server on 127.0.0.1 and a free port, run() on its own thread.
class RunningServer {
 public:
  RunningServer(ServerOptions options, Handler& handler) : server_(bind_any(options), handler) {
    server_.start();
    thread_ = std::thread([this] {
      server_.run();
      returned_ = true;
      returned_promise_.set_value();
    });
  }
  ~RunningServer() { stop(); }
  unsigned short port() const { return server_.port(); }
  Server& server() { return server_; }
  void stop() {
    if (!thread_.joinable()) return;
    server_.stop();
    thread_.join();
  }
  void join() { thread_.join(); }
  bool returned() const { return returned_; }
  // True once run() has returned; false if it has not within kHang.
  bool wait_returned() {
    return returned_future_.wait_for(kHang) == std::future_status::ready;
  }

 private:
  static ServerOptions bind_any(ServerOptions o) {
    o.bind = "127.0.0.1";
    o.port = 0;
    return o;
  }
  Server server_;
  std::atomic<bool> returned_{false};
  std::promise<void> returned_promise_;
  std::future<void> returned_future_ = returned_promise_.get_future();
  std::thread thread_;  // last: it uses the members above
};

}  // namespace mdsc::http::testing
