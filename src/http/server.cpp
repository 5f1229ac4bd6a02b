// Server lifecycle: bind, accept, run the event loop, shut down gracefully.
//
// Threading: one io_context run by `threads` threads; every connection is a coroutine on its
// own strand. Handler::handle runs inline on the io thread that read the request, with no hop
// to another pool. A handler that blocks on the database holds only its own thread: the other
// io threads keep accepting, reading, writing and firing timeouts for every other connection
// (one io_context shares its queue among all threads that run it). Handing handle() to a
// separate pool and back (co_spawn onto a 32-thread pool) measured 83 µs of CPU per small
// request against 22 µs inline, from thread wake-ups on both sides; static files go through
// handle() too, so they would pay it as well.
// So `threads` is sized for the handlers' blocking, not for the cores; 0 picks 2 per core (at
// least 4). Many more threads than that cost throughput and tail latency: idle threads get
// woken for each completion, and the runnable ones preempt each other. On 2 cores, 4 threads
// gave the best dashboard (the SQLite page) and 8 a p99 over 20 ms (docs/performance.md).
#include "http/server.h"

#include <sys/resource.h>

#include <csignal>
#include <stdexcept>
#include <thread>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <spdlog/spdlog.h>

#include "http/connection.h"

namespace mdsc::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using boost::system::error_code;
using detail::ServerState;

namespace {

// Connections beyond the cap get their 503 from at most this many coroutines at a time;
// past that they are closed at once rather than spending descriptors on courtesy.
constexpr std::size_t kMaxRejecting = 256;

unsigned thread_count(unsigned requested) {
  if (requested > 0) return requested;
  return std::max(4u, 2 * std::thread::hardware_concurrency());
}

std::string describe(const ServerOptions& o) {
  bool v6 = o.bind.find(':') != std::string::npos;
  return (v6 ? "[" + o.bind + "]" : o.bind) + ":" + std::to_string(o.port);
}

// Each idle keep-alive connection holds a descriptor: 5,000 of them exceed the usual soft
// limit of 1,024, so raise it to the hard limit.
void raise_descriptor_limit(std::size_t max_connections) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < max_connections + 64)
    spdlog::warn("open file limit {} is below max_connections {}; raise `ulimit -Hn`",
                 static_cast<unsigned long long>(limit.rlim_cur), max_connections);
}

void run_io(asio::io_context& io) {
  for (;;) {
    try {
      io.run();
      return;
    } catch (const std::exception& e) {
      spdlog::error("uncaught exception in the event loop: {}", e.what());
    }
  }
}

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, asio::io_context& io,
                                  ServerState& state) {
  asio::steady_timer backoff(acceptor.get_executor());
  for (;;) {
    tcp::socket socket(asio::make_strand(io));
    error_code ec;
    co_await acceptor.async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
    if (state.stopping || ec == asio::error::operation_aborted) co_return;
    if (ec) {
      // Typically EMFILE: retrying at once would spin while open connections still need the
      // CPU; they will free descriptors as they close.
      spdlog::warn("accept failed: {}", ec.message());
      backoff.expires_after(std::chrono::milliseconds(50));
      co_await backoff.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto executor = socket.get_executor();
    if (state.sessions >= state.options.max_connections) {
      if (state.rejecting < kMaxRejecting) {
        ++state.rejecting;
        asio::co_spawn(executor, detail::reject_connection(state, std::move(socket)),
                       asio::detached);
      }
      continue;
    }
    ++state.sessions;
    asio::co_spawn(executor, detail::serve_connection(state, std::move(socket)), asio::detached);
  }
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions options, Handler& handler)
      : threads(thread_count(options.threads)),
        state(std::move(options), handler),
        io(static_cast<int>(threads)),
        acceptor(asio::make_strand(io)) {}

  const unsigned threads;
  ServerState state;
  asio::io_context io;
  tcp::acceptor acceptor;  // on a strand, so run() can close it while an accept is pending
  unsigned short port = 0;
  bool started = false;
};

Server::Server(ServerOptions options, Handler& handler)
    : impl_(std::make_unique<Impl>(std::move(options), handler)) {}

Server::~Server() = default;

void Server::start() {
  auto& s = *impl_;
  const auto& options = s.state.options;
  raise_descriptor_limit(options.max_connections);

  error_code ec;
  tcp::resolver resolver(s.io);
  auto results = resolver.resolve(options.bind, std::to_string(options.port),
                                  tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || results.empty())
    throw std::runtime_error("cannot resolve the bind address " + options.bind + ": " +
                             ec.message());
  const tcp::endpoint endpoint = results.begin()->endpoint();

  s.acceptor.open(endpoint.protocol(), ec);
  if (!ec) s.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(endpoint, ec);
  if (ec == asio::error::address_in_use)
    throw std::runtime_error("address already in use: " + describe(options));
  if (!ec) s.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) throw std::runtime_error("cannot listen on " + describe(options) + ": " + ec.message());
  s.port = s.acceptor.local_endpoint().port();
  s.started = true;
}

unsigned short Server::port() const { return impl_->port; }

void Server::run() {
  auto& s = *impl_;
  auto& state = s.state;
  if (!s.started) throw std::logic_error("Server::run() called before start()");

  asio::signal_set signals(s.acceptor.get_executor(), SIGINT, SIGTERM);
  signals.async_wait([this](const error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("signal {}: shutting down", signal);
    stop();
  });
  asio::co_spawn(s.acceptor.get_executor(), accept_loop(s.acceptor, s.io, state), asio::detached);

  auto work = asio::make_work_guard(s.io);
  std::vector<std::thread> threads;
  threads.reserve(s.threads);
  for (unsigned i = 0; i < s.threads; ++i) threads.emplace_back([&s] { run_io(s.io); });
  spdlog::info("listening on {}:{} ({} threads)", state.options.bind, s.port, s.threads);

  {
    std::unique_lock lock(state.mutex);
    state.changed.wait(lock, [&] { return state.stop_requested; });
  }

  // Stop accepting; close connections waiting for a request; let the others finish theirs
  // (each closes itself after its response, seeing `stopping`).
  state.stopping = true;
  asio::post(s.acceptor.get_executor(), [&] {
    error_code ignored;
    s.acceptor.close(ignored);
    signals.cancel(ignored);
  });
  detail::close_connections(state, /*idle_only=*/true);
  auto wait_drained = [&](std::chrono::seconds timeout) {
    std::unique_lock lock(state.mutex);
    return state.changed.wait_for(lock, timeout, [&] { return state.drained(); });
  };
  if (!wait_drained(state.options.shutdown_grace)) {
    spdlog::warn("{} connections still busy after the shutdown grace period; closing them",
                 state.sessions.load());
    detail::close_connections(state, /*idle_only=*/false);
    wait_drained(std::chrono::seconds(5));
  }
  work.reset();
  // Still not drained: a handler has not returned. Stop the loop so the other threads return;
  // joining waits for that handler.
  if (!state.drained()) s.io.stop();
  for (auto& thread : threads) thread.join();
  spdlog::info("server stopped");
}

void Server::stop() {
  auto& state = impl_->state;
  {
    std::lock_guard lock(state.mutex);
    state.stop_requested = true;
  }
  state.changed.notify_all();
}

}  // namespace mdsc::http
