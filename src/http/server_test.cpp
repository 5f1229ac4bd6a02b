// Black-box tests of the HTTP server: a real server on 127.0.0.1, spoken to over raw sockets.
// No assertion says "this took less than X": tests wait for events (a response, a close) with a
// deadline (kHang) that only bounds a hang. Timeouts are checked from below only ("not closed
// before the timeout"), measured from a moment before the server's timer could start, which a
// slow machine can only lengthen.
#include "http/server.h"

#include <sys/inotify.h>

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <memory>
#include <random>
#include <regex>
#include <vector>

#include "support/http_test_server.h"

namespace mdsc::http {
namespace {

using namespace testing;
using namespace std::chrono_literals;

// Access-log lines for thousands of requests would drown the test output.
[[maybe_unused]] const bool quiet_logs = [] {
  spdlog::set_level(spdlog::level::warn);
  return true;
}();

ServerOptions fast_options() {
  ServerOptions o;
  o.threads = 2;
  o.shutdown_grace = std::chrono::seconds(5);
  return o;
}

SteadyClock::duration since(SteadyClock::time_point start) { return SteadyClock::now() - start; }

// The kernel's state of the TCP connection from local port `local` to remote port `remote` on
// the loopback (/proc/net/tcp, hex "st" column: 01 ESTABLISHED, 04 FIN_WAIT1, ...); -1 if there
// is none. The one way to see a server give up a connection while the client still has unread
// data: the server's close is queued behind that data and does not reach the client yet.
int tcp_state(unsigned short local, unsigned short remote) {
  std::ifstream table("/proc/net/tcp");
  std::string line;
  std::getline(table, line);  // header
  while (std::getline(table, line)) {
    unsigned slot, local_addr, local_port, remote_addr, remote_port, state;
    if (std::sscanf(line.c_str(), " %u: %x:%x %x:%x %x", &slot, &local_addr, &local_port, &remote_addr,
                    &remote_port, &state) == 6 &&
        local_port == local && remote_port == remote)
      return static_cast<int>(state);
  }
  return -1;
}

unsigned short local_port(int fd) {
  sockaddr_in addr{};
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  return ntohs(addr.sin_port);
}

// Waits until `done` holds, checking it every few milliseconds, for at most kHang. For states
// that nothing announces (the kernel's TCP table); the interval only paces the checks.
template <typename F>
bool eventually(F done) {
  const auto deadline = SteadyClock::now() + kHang;
  for (auto pause = 1ms; !done(); pause = std::min(pause * 2, std::chrono::milliseconds(50))) {
    if (SteadyClock::now() >= deadline) return false;
    std::this_thread::sleep_for(pause);
  }
  return true;
}

// Most tests: a server with the fast options and a TestHandler, and one client connected to it.
class HttpServerWithClient : public ::testing::Test {
 protected:
  TestHandler handler;
  RunningServer server{fast_options(), handler};
  Client client{server.port()};
};

// Sends `text` a byte at a time, a byte every 200 ms at most; whether the server closed the
// connection before the last byte.
bool cut_off_while_trickling(Client& client, const std::string& text) {
  for (char c : text)
    if (!client.send(std::string(1, c)) || client.closed_within(200ms)) return true;
  return false;
}

// --- 1, 8: HTTP/1.1, keep-alive, the Request fields, Date, Content-Length, X-Request-Id ---

TEST_F(HttpServerWithClient, KeepAliveServesSeveralRequestsAndFillsTheRequest) {
  ASSERT_TRUE(client.send("GET /hello%20w%C3%B6rld?x=1&y=%20 HTTP/1.1\r\nHost: test\r\n"
                          "X-Custom-Thing: Yes\r\n\r\n"));
  auto reply = client.read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, "echo GET /hello w\xC3\xB6rld ?x=1&y=%20 []");
  EXPECT_EQ(reply->header("content-length"), std::to_string(reply->body.size()));
  const std::regex imf_fixdate(R"([A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT)");
  EXPECT_TRUE(std::regex_match(reply->header("date"), imf_fixdate)) << reply->header("date");
  EXPECT_EQ(reply->header("content-type"), "text/plain");
  EXPECT_EQ(reply->header("connection"), "");
  const std::string first_id = reply->header("x-request-id");
  EXPECT_TRUE(std::regex_match(first_id, std::regex("[0-9a-f]{16}"))) << first_id;

  Request seen = handler.last();
  EXPECT_EQ(seen.method, "GET");
  EXPECT_EQ(seen.target, "/hello%20w%C3%B6rld?x=1&y=%20");
  EXPECT_EQ(seen.path, "/hello w\xC3\xB6rld");
  EXPECT_EQ(seen.query, "x=1&y=%20");
  EXPECT_EQ(seen.header("x-custom-thing"), "Yes");
  EXPECT_EQ(seen.header("host"), "test");
  EXPECT_EQ(seen.remote_addr, "127.0.0.1");
  EXPECT_EQ(seen.request_id, first_id);
  EXPECT_TRUE(seen.keep_alive);

  reply = client.request("POST", "/form", "Content-Type: text/plain\r\n", "a=1&b=2");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, "echo POST /form ? [a=1&b=2]");
  EXPECT_NE(reply->header("x-request-id"), first_id);
  EXPECT_EQ(handler.handled, 2);
}

TEST_F(HttpServerWithClient, AlwaysGeneratesItsOwnRequestId) {
  auto reply = client.request("GET", "/", "X-Request-Id: attacker-chosen\r\n");
  ASSERT_TRUE(reply);
  EXPECT_TRUE(std::regex_match(reply->header("x-request-id"), std::regex("[0-9a-f]{16}")));
  EXPECT_EQ(handler.last().request_id, reply->header("x-request-id"));
}

TEST_F(HttpServerWithClient, HeadGetsTheHeadersWithoutTheBody) {
  auto get = client.get("/page");
  ASSERT_TRUE(get);
  auto head = client.request("HEAD", "/page");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->header("content-length"), std::to_string(sizeof("echo HEAD /page ? []") - 1));
  // Had the server sent a body, this response would be read from its bytes and fail.
  auto after = client.get("/after");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->body, "echo GET /after ? []");
}

TEST_F(HttpServerWithClient, PipelinedRequestsAreAnsweredInOrder) {
  ASSERT_TRUE(client.send("GET /one HTTP/1.1\r\nHost: t\r\n\r\n"
                          "POST /two HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc"
                          "GET /three HTTP/1.1\r\nHost: t\r\n\r\n"));
  EXPECT_EQ(client.read().value().body, "echo GET /one ? []");
  EXPECT_EQ(client.read().value().body, "echo POST /two ? [abc]");
  EXPECT_EQ(client.read().value().body, "echo GET /three ? []");
}

TEST_F(HttpServerWithClient, Http10WithoutKeepAliveIsClosedAfterTheResponse) {
  ASSERT_TRUE(client.send("GET /old HTTP/1.0\r\n\r\n"));
  auto reply = client.read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_FALSE(handler.last().keep_alive);
  EXPECT_TRUE(client.wait_closed());
}

TEST_F(HttpServerWithClient, ChunkedBodyIsDecoded) {
  ASSERT_TRUE(client.send("POST /chunks HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
  auto reply = client.read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->body, "echo POST /chunks ? [hello world]");
}

TEST_F(HttpServerWithClient, ExpectContinueGets100BeforeTheBody) {
  ASSERT_TRUE(client.send("PUT /doc HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\n"
                          "Content-Length: 4\r\n\r\n"));
  auto interim = client.read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(client.send("data"));
  auto reply = client.read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->body, "echo PUT /doc ? [data]");
}

// --- 8: files ---

TEST(HttpServer, ServesResponseFilesSmallAndLarge) {
  auto dir = std::filesystem::temp_directory_path() /
             ("mdsc-http-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string large(300000, 'x');  // streamed from disk
  for (std::size_t i = 0; i < large.size(); i += 7) large[i] = static_cast<char>('a' + i % 26);
  std::ofstream(dir / "large.bin", std::ios::binary) << large;
  std::ofstream(dir / "small.css", std::ios::binary) << "body{}";  // served from memory

  TestHandler handler;
  RunningServer server(fast_options(), handler);
  Client client(server.port());

  handler.file = (dir / "large.bin").string();
  auto reply = client.get("/file");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_TRUE(reply->body == large);  // not EXPECT_EQ: it would print 300 KB
  auto head = client.request("HEAD", "/file");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->header("content-length"), std::to_string(large.size()));

  handler.file = (dir / "small.css").string();
  EXPECT_EQ(client.get("/file").value().body, "body{}");
  EXPECT_EQ(client.get("/file").value().body, "body{}");
  std::ofstream(dir / "small.css", std::ios::binary | std::ios::trunc) << "body{color:red}";
  EXPECT_EQ(client.get("/file").value().body, "body{color:red}");  // a changed file is re-read
  head = client.request("HEAD", "/file");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->header("content-length"), "15");

  auto missing = client.get("/missing-file");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->body, "transport error 404");
  std::filesystem::remove_all(dir);
}

// --- 2: limits ---

TEST(HttpServer, BodyToDiskIsStreamedToATempFileDeletedAfterTheResponse) {
  auto dir = std::filesystem::temp_directory_path() /
             ("mdsc-http-upload-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  ServerOptions options = fast_options();
  options.temp_dir = dir.string();
  TestHandler handler;
  RunningServer server(options, handler);
  // The file is deleted after the response is written, so possibly a moment after the client
  // has read it: watched for from before the request, so that the deletion cannot be missed.
  const int watch = ::inotify_init1(IN_CLOEXEC);
  ASSERT_GE(watch, 0);
  ASSERT_GE(::inotify_add_watch(watch, dir.c_str(), IN_DELETE), 0);
  Client client(server.port());
  std::string body(200000, 'u');
  body[12345] = 'Z';
  auto reply = client.request("POST", "/upload", "", body);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_TRUE(reply->body == body);
  Request seen = handler.last();
  EXPECT_TRUE(seen.body.empty());
  EXPECT_EQ(std::filesystem::path(seen.body_file).parent_path(), dir);
  pollfd deleted{watch, POLLIN, 0};
  EXPECT_EQ(::poll(&deleted, 1, static_cast<int>(std::chrono::milliseconds(kHang).count())), 1)
      << "the body file was not deleted";
  ::close(watch);
  EXPECT_FALSE(std::filesystem::exists(seen.body_file));
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

TEST(HttpServer, DeclaredBodyOverTheLimitGets413WithoutReadingIt) {
  TestHandler handler;
  RunningServer server(fast_options(), handler);
  {  // No byte of the body is sent: a server that waited for it would never answer.
    Client client(server.port());
    ASSERT_TRUE(
        client.send("POST /small HTTP/1.1\r\nHost: t\r\nContent-Length: 100000000\r\n\r\n"));
    auto reply = client.read();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 413);
    EXPECT_EQ(reply->body, "transport error 413");
    EXPECT_EQ(reply->header("connection"), "close");
    EXPECT_TRUE(client.wait_closed());
  }
  {  // A client that has already sent part of the body still gets its 413.
    Client client(server.port());
    std::string start = "POST /small HTTP/1.1\r\nHost: t\r\nContent-Length: 100000000\r\n\r\n";
    ASSERT_TRUE(client.send(start + std::string(200000, 'b')));
    auto reply = client.read();
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 413);
  }
  EXPECT_EQ(handler.handled, 0);
}

TEST_F(HttpServerWithClient, ChunkedBodyOverTheLimitGets413) {
  std::string chunk = "200\r\n" + std::string(0x200, 'c') + "\r\n";
  std::string request = "POST /tiny HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 4; ++i) request += chunk;  // 2 KiB against a 1 KiB limit
  ASSERT_TRUE(client.send(request + "0\r\n\r\n"));
  auto reply = client.read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
  EXPECT_EQ(handler.handled, 0);
}

TEST_F(HttpServerWithClient, OversizedHeaderGets431AndClose) {
  auto reply = client.request("GET", "/", "Cookie: " + std::string(20000, 'k') + "\r\n");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 431);
  EXPECT_EQ(reply->body, "transport error 431");
  EXPECT_TRUE(client.wait_closed());
  // A header just under the limit is fine.
  Client ok(server.port());
  reply = ok.request("GET", "/", "Cookie: " + std::string(15000, 'k') + "\r\n");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
}

// --- 3: timeouts ---

// A byte every 200 ms: each arrives well within the 1 s timeout, and the whole header would take
// 25 s. Cut off before it is complete means the deadline is for the whole header (a deadline per
// read would never fire); not before 1 s after connecting means it is not cut off early.
TEST(HttpServer, SlowHeaderIsCutOffByADeadlineForTheWholeHeader) {
  ServerOptions options = fast_options();
  options.header_timeout = std::chrono::seconds(1);
  TestHandler handler;
  RunningServer server(options, handler);
  const auto start = SteadyClock::now();  // before the connection: the server's timer starts later
  Client client(server.port());
  EXPECT_TRUE(cut_off_while_trickling(client, "GET / HTTP/1.1\r\nX-Slow: " + std::string(100, 'a') + "\r\n\r\n"))
      << "the whole header was sent without being cut off";
  EXPECT_GE(since(start), options.header_timeout);
  EXPECT_EQ(handler.handled, 0);
}

TEST(HttpServer, IdleKeepAliveConnectionIsClosedAfterTheIdleTimeout) {
  ServerOptions options = fast_options();
  options.idle_timeout = std::chrono::seconds(1);
  TestHandler handler;
  RunningServer server(options, handler);
  Client client(server.port());
  const auto start = SteadyClock::now();  // before the request: the idle timer starts after it
  ASSERT_TRUE(client.get("/"));
  EXPECT_TRUE(client.wait_closed());
  EXPECT_GE(since(start), options.idle_timeout);
}

TEST(HttpServer, SlowBodyIsCutOffAfterTheBodyTimeout) {
  ServerOptions options = fast_options();
  options.body_timeout = std::chrono::seconds(1);
  TestHandler handler;
  RunningServer server(options, handler);
  Client client(server.port());
  const auto start = SteadyClock::now();  // before the header: the body timer starts after it
  ASSERT_TRUE(client.send("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc"));
  EXPECT_TRUE(client.wait_closed());
  EXPECT_GE(since(start), options.body_timeout);
  EXPECT_EQ(handler.handled, 0);
}

// Idle for longer than header_timeout (but well within idle_timeout) after a response, the
// connection stays open, and the next header still gets the whole header_timeout from its first
// byte; a trickle is then cut off before it completes, as on a new connection.
TEST(HttpServer, HeaderDeadlineStartsAtTheFirstByteOnAKeptAliveConnection) {
  ServerOptions options = fast_options();
  options.header_timeout = std::chrono::seconds(1);
  options.idle_timeout = std::chrono::seconds(120);
  TestHandler handler;
  RunningServer server(options, handler);
  Client client(server.port());
  ASSERT_TRUE(client.get("/first"));
  // The server finished the response before the client read it, so this is more than
  // header_timeout of idleness as the server counts it.
  EXPECT_FALSE(client.closed_within(options.header_timeout + 200ms)) << "closed while idle";
  const auto start = SteadyClock::now();  // before the first byte: the header timer starts later
  EXPECT_TRUE(cut_off_while_trickling(client, "GET /second HTTP/1.1\r\nX-Slow: " + std::string(100, 'a') + "\r\n\r\n"))
      << "the whole header was sent without being cut off";
  EXPECT_GE(since(start), options.header_timeout);
  EXPECT_EQ(handler.handled, 1);
}

TEST(HttpServer, ClientThatStopsReadingIsCutOffAfterTheWriteTimeout) {
  ServerOptions options = fast_options();
  options.write_timeout = std::chrono::seconds(1);
  TestHandler handler;
  RunningServer server(options, handler);
  Client client(server.port());
  ASSERT_TRUE(client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n"));
  // The client reads nothing: the socket buffers fill up, the server's write stalls, and the
  // server gives the connection up (its side leaves ESTABLISHED: closing, or gone).
  constexpr int kEstablished = 1;
  const unsigned short client_port = local_port(client.fd());
  EXPECT_TRUE(eventually([&] { return tcp_state(server.port(), client_port) != kEstablished; }))
      << "the server still holds the stalled connection";
  std::size_t received = 0;
  char chunk[65536];
  ssize_t n;
  while ((n = ::recv(client.fd(), chunk, sizeof chunk, 0)) > 0)
    received += static_cast<std::size_t>(n);
  EXPECT_TRUE(n == 0 || errno == ECONNRESET) << std::strerror(errno);  // closed, not timed out
  EXPECT_GT(received, 0u);
  EXPECT_LT(received, std::size_t{32} << 20);
}

TEST_F(HttpServerWithClient, HandlerCanAskToCloseTheConnection) {
  auto reply = client.get("/close");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->body, "bye");
  EXPECT_EQ(reply->header("connection"), "close");
  EXPECT_TRUE(client.wait_closed());
}

// --- 5: requests per connection ---

TEST(HttpServer, ClosesAfterMaxRequestsPerConnection) {
  ServerOptions options = fast_options();
  options.max_requests_per_connection = 3;
  TestHandler handler;
  RunningServer server(options, handler);
  Client client(server.port());
  EXPECT_EQ(client.get("/1").value().header("connection"), "");
  EXPECT_EQ(client.get("/2").value().header("connection"), "");
  auto third = client.get("/3");
  ASSERT_TRUE(third);
  EXPECT_EQ(third->status, 200);
  EXPECT_EQ(third->header("connection"), "close");
  EXPECT_FALSE(handler.last().keep_alive);
  EXPECT_TRUE(client.wait_closed());
}

// --- 4: connection cap, many idle connections ---

TEST(HttpServer, ConnectionsBeyondTheCapGet503) {
  ServerOptions options = fast_options();
  options.max_connections = 2;
  TestHandler handler;
  RunningServer server(options, handler);
  auto first = std::make_unique<Client>(server.port());
  Client second(server.port());
  ASSERT_TRUE(first->get("/").has_value());
  ASSERT_TRUE(second.get("/"));
  {
    Client third(server.port());
    auto reply = third.read();  // answered without being asked
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 503);
    EXPECT_EQ(reply->body, "transport error 503");
    EXPECT_TRUE(third.wait_closed());
  }
  ASSERT_TRUE(second.get("/still-served"));
  // Closing the first connection frees its slot once the server has seen the close, which this
  // client cannot observe: a new connection may still get its 503 (each try waits for a real
  // answer; the deadline only bounds a hang).
  first.reset();
  bool served = false;
  for (auto deadline = SteadyClock::now() + kHang; !served && SteadyClock::now() < deadline;) {
    Client again(server.port());
    auto reply = again.get("/");
    served = reply && reply->status == 200;
  }
  EXPECT_TRUE(served);
}

TEST(HttpServer, ThousandsOfIdleKeepAliveConnectionsDoNotStopNewRequests) {
  ServerOptions options = fast_options();
  options.max_connections = 5000;
  TestHandler handler;
  RunningServer server(options, handler);
  std::vector<std::unique_ptr<Client>> idle;
  idle.reserve(2000);
  for (int i = 0; i < 2000; ++i) {
    idle.push_back(std::make_unique<Client>(server.port()));
    // One request each, so every connection is accepted and its session is alive.
    auto reply = idle.back()->get("/warm");
    ASSERT_TRUE(reply) << "connection " << i;
  }
  // Served while every idle connection is kept: a server that had to drop idle connections (or
  // wait for them to time out) to serve it would fail the requests on the oldest and newest below.
  Client fresh(server.port());
  auto reply = fresh.get("/fresh");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  ASSERT_TRUE(idle.front()->get("/old-one"));
  ASSERT_TRUE(idle.back()->get("/old-one"));
}

// --- 1: a blocking handler does not stall other connections ---

// The slow handler blocks until the fast requests are all answered: they cannot have waited for it.
TEST(HttpServer, BlockingHandlerDoesNotStallOtherConnections) {
  TestHandler handler;
  RunningServer server(fast_options(), handler);  // 2 io threads
  Client slow(server.port());
  ASSERT_TRUE(slow.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n"));
  ASSERT_TRUE(handler.wait_slow_started());
  for (int i = 0; i < 20; ++i) {
    Client other(server.port());
    ASSERT_TRUE(other.get("/fast")) << "request " << i << " waited for the blocked handler";
  }
  handler.release_slow();
  auto reply = slow.read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
}

// --- 6: graceful shutdown ---

// The in-flight request is held until the idle connection is seen closed, so the idle one was
// not kept waiting for it; run() returns once that request is answered, not after the grace
// period (a minute here, longer than the test waits for run() to return).
TEST(HttpServer, StopFinishesInFlightRequestsClosesIdleOnesAndReturns) {
  TestHandler handler;
  ServerOptions options = fast_options();
  options.shutdown_grace = std::chrono::seconds(60);
  auto server = std::make_unique<RunningServer>(options, handler);
  Client idle(server->port());
  ASSERT_TRUE(idle.get("/"));
  Client busy(server->port());
  ASSERT_TRUE(busy.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n"));
  ASSERT_TRUE(handler.wait_slow_started());

  server->server().stop();
  EXPECT_TRUE(idle.wait_closed());
  EXPECT_FALSE(server->returned()) << "run() returned with a request in flight";
  handler.release_slow();
  auto reply = busy.read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, "echo GET /slow ? []");
  EXPECT_EQ(reply->header("connection"), "close");
  EXPECT_TRUE(busy.wait_closed());
  EXPECT_TRUE(server->wait_returned()) << "run() waited for the grace period";
  server->join();
  EXPECT_THROW(Client refused(server->port()), std::runtime_error);  // no longer accepting
}

TEST_F(HttpServerWithClient, SigtermShutsDownGracefully) {
  ASSERT_TRUE(client.get("/"));  // run() is serving, so its signal handler is installed
  std::raise(SIGTERM);
  server.join();
  EXPECT_TRUE(server.returned());
}

// --- 8, 9: bad input ---

TEST(HttpServer, BadTargetsGet400) {
  TestHandler handler;
  RunningServer server(fast_options(), handler);
  for (std::string target : {"/a%zz", "/a%4", "/a%00b", "relative", "/ok%2"}) {
    Client client(server.port());
    ASSERT_TRUE(client.send("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n"));
    auto reply = client.read();
    ASSERT_TRUE(reply) << target;
    EXPECT_EQ(reply->status, 400) << target;
    EXPECT_EQ(reply->body, "transport error 400");
    EXPECT_TRUE(client.wait_closed());
  }
  Client no_host(server.port());
  ASSERT_TRUE(no_host.send("GET / HTTP/1.1\r\n\r\n"));
  EXPECT_EQ(no_host.read().value().status, 400);
  EXPECT_EQ(handler.handled, 0);
}

TEST(HttpServer, MalformedRequestsGet400AndClose) {
  TestHandler handler;
  RunningServer server(fast_options(), handler);
  for (std::string request : {std::string("GARBAGE\r\n\r\n"),
                              std::string("GET / HTTP/1.1\r\nHost: t\r\nNo colon here\r\n\r\n"),
                              std::string("GET / HTTP/9.9\r\nHost: t\r\n\r\n"),
                              std::string("GET / HTTP/1.1\r\nHost: t\r\nContent-Length: x\r\n\r\n"),
                              std::string("POST / HTTP/1.1\r\nHost: t\r\n"
                                          "Transfer-Encoding: chunked\r\n\r\nzz\r\n")}) {
    Client client(server.port());
    ASSERT_TRUE(client.send(request));
    auto reply = client.read();
    ASSERT_TRUE(reply) << request;
    EXPECT_EQ(reply->status, 400) << request;
    EXPECT_TRUE(client.wait_closed()) << request;
  }
  EXPECT_EQ(handler.handled, 0);
}

TEST(HttpServer, SurvivesRandomGarbageAndTruncatedRequests) {
  TestHandler handler;
  RunningServer server(fast_options(), handler);
  std::mt19937 random(20240601);
  const std::string valid =
      "POST /x?y=1 HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nX-A: b\r\n\r\nhello";
  const std::string chunked =
      "POST /x HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
  for (int i = 0; i < 300; ++i) {
    std::string input;
    switch (random() % 4) {
      case 0:  // noise
        input.resize(1 + random() % 3000);
        for (char& c : input) c = static_cast<char>(random());
        break;
      case 1:  // a valid request cut short
        input = valid.substr(0, random() % valid.size());
        break;
      default: {  // a valid request with a few bytes changed
        input = (random() % 2 ? valid : chunked);
        for (int n = 1 + static_cast<int>(random() % 4); n > 0; --n)
          input[random() % input.size()] = static_cast<char>(random());
      }
    }
    Client client(server.port());
    client.send(input);
    client.shutdown_write();  // the server sees the end of the input, whatever it made of it
    EXPECT_TRUE(client.wait_closed()) << i;
  }
  Client client(server.port());
  auto reply = client.get("/still-alive");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
}

// --- 10: bind failure ---

TEST(HttpServer, StartThrowsAClearMessageWhenTheAddressIsTaken) {
  TestHandler handler;
  RunningServer first(fast_options(), handler);
  ServerOptions options = fast_options();
  options.bind = "127.0.0.1";
  options.port = first.port();
  Server second(options, handler);
  try {
    second.start();
    FAIL() << "start() should have thrown";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "address already in use: 127.0.0.1:" + std::to_string(first.port()));
  }
}

// --- 7: access log ---

TEST(HttpServer, AccessLogHasTheRoutePatternNotThePath) {
  std::ostringstream captured;
  auto previous = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>(
      "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(captured));
  logger->set_level(spdlog::level::info);
  spdlog::set_default_logger(logger);
  {
    TestHandler handler;
    RunningServer server(fast_options(), handler);
    Client client(server.port());
    auto reply = client.request("GET", "/users/secret-token?email=someone%40example.org",
                                "Authorization: Bearer hunter2\r\n");
    ASSERT_TRUE(reply);
    std::string id = reply->header("x-request-id");
    server.stop();
    std::string log = captured.str();
    EXPECT_NE(log.find("GET /users/{id} 200 "), std::string::npos) << log;
    EXPECT_NE(log.find(id), std::string::npos) << log;
    EXPECT_TRUE(std::regex_search(log, std::regex(R"(200 \d+\.\dms [0-9a-f]{16})"))) << log;
    EXPECT_EQ(log.find("secret-token"), std::string::npos) << log;
    EXPECT_EQ(log.find("email"), std::string::npos) << log;
    EXPECT_EQ(log.find("hunter2"), std::string::npos) << log;
    std::smatch line;
    ASSERT_TRUE(std::regex_search(log, line, std::regex(R"([^\n]*/users/\{id\}[^\n]*)")));
    EXPECT_EQ(line.str().find("127.0.0.1"), std::string::npos) << line.str();
  }
  spdlog::set_default_logger(previous);
}

}  // namespace
}  // namespace mdsc::http
