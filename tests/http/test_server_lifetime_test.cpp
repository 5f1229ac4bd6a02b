// A test binary that is aborted or killed must not leave its `mdsc serve` running: a stray server
// holds its port, its database (a PostgreSQL database that cannot be dropped) and a core.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>

#include "support/http_client.h"

extern char** environ;

namespace mdsc::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Deadlines that only stop a hang from holding up the suite.
constexpr auto kStartDeadline = std::chrono::seconds(60);  // a fresh database, migrated, and a server
constexpr int kGoneDeadlineMs = 30'000;

// Through syscall(): glibc 2.36's <sys/pidfd.h> declares these without C linkage for C++.
int pidfd_open(pid_t pid) { return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)); }
void pidfd_kill(int pidfd) { ::syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, nullptr, 0); }

// Reads one line from fd, or "" if none comes before the deadline.
std::string read_line(int fd, Clock::time_point deadline) {
  std::string line;
  while (line.find('\n') == std::string::npos) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd p{fd, POLLIN, 0};
    if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) return "";
    char buf[256];
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) return "";
    line.append(buf, static_cast<std::size_t>(n));
  }
  return line.substr(0, line.find('\n'));
}

TEST(TestServerLifetime, AServerGoesWhenTheTestProgramThatStartedItIsKilled) {
  const char* holder = std::getenv("MDSC_TEST_HOLD_SERVER");
  ASSERT_TRUE(holder && *holder) << "MDSC_TEST_HOLD_SERVER is not set (run the tests through ctest)";
  // The holder's orphans become this process's children rather than init's, so that the server can
  // be reaped here once it is gone (and is not left a zombie if init does not reap).
  ASSERT_EQ(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
  struct NoLongerSubreaper {
    ~NoLongerSubreaper() { ::prctl(PR_SET_CHILD_SUBREAPER, 0); }
  } restore;

  int in[2], out[2];
  ASSERT_EQ(::pipe2(in, O_CLOEXEC), 0);
  ASSERT_EQ(::pipe2(out, O_CLOEXEC), 0);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  std::string path = holder;
  char* argv[] = {path.data(), nullptr};
  pid_t holder_pid = -1;
  const int rc = ::posix_spawn(&holder_pid, path.c_str(), &fa, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  ::close(in[0]);
  ::close(out[1]);
  ASSERT_EQ(rc, 0) << "cannot start " << path;

  // "<server pid> <port>" once the holder's server listens.
  const std::string line = read_line(out[0], Clock::now() + kStartDeadline);
  ::close(out[0]);
  pid_t server_pid = 0;
  int port = 0;
  std::istringstream(line) >> server_pid >> port;
  if (server_pid <= 0 || port <= 0) {
    ::kill(holder_pid, SIGKILL);
    ::waitpid(holder_pid, nullptr, 0);
    ::close(in[1]);
    FAIL() << "the holder did not report its server: '" << line << "'";
  }
  // Opened while the holder still holds the server, so the descriptor is surely that process.
  const int server = pidfd_open(server_pid);
  ASSERT_GE(server, 0) << "pidfd_open: " << std::strerror(errno);
  EXPECT_EQ(HttpClient(port).get("/healthz").status, 200) << "the holder's server is not serving";

  // The test program dies without a chance to clean up.
  ASSERT_EQ(::kill(holder_pid, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(holder_pid, &status, 0), holder_pid);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  ::close(in[1]);

  // The server's pidfd turns readable when the server exits.
  pollfd p{server, POLLIN, 0};
  const int ready = ::poll(&p, 1, kGoneDeadlineMs);
  if (ready != 1) {
    pidfd_kill(server);  // leave nothing behind on failure either
    ADD_FAILURE() << "the server (pid " << server_pid << ") outlived the killed test program by "
                  << kGoneDeadlineMs / 1000 << " s";
  }
  // Reaped here: it was reparented to this process (a subreaper).
  EXPECT_EQ(::waitpid(server_pid, &status, 0), server_pid);
  ::close(server);
}

}  // namespace
}  // namespace mdsc::testing
