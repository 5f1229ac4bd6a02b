#include "support/test_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <mutex>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/test_db.h"

extern char** environ;

namespace mdsc::testing {
namespace {

std::string binary() {
  const char* b = std::getenv("MDSC_BINARY");
  if (!b || !*b) throw std::runtime_error("MDSC_BINARY is not set (run the tests through ctest)");
  return b;
}

std::vector<std::string> environment(const std::map<std::string, std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string kv(*e);
    std::string key = kv.substr(0, kv.find('='));
    if (extra.count(key)) continue;
    env.push_back(kv);
  }
  for (const auto& [k, v] : extra) env.push_back(k + "=" + v);
  return env;
}

struct Spawned {
  pid_t pid = -1;
  int out_fd = -1;
  int err_fd = -1;
  int in_fd = -1;
};

// Every child is forked from this one thread, which lives as long as the process. The child asks
// for SIGKILL when its parent dies (PR_SET_PDEATHSIG), so a test binary that aborts or is killed
// leaves no `mdsc serve` behind; but "parent" there means the thread that forked it, and a test
// may start a server on a thread that ends before the server should.
class Forker {
 public:
  static Forker& instance() {
    static Forker forker;
    return forker;
  }
  // Runs `fork_child` (which forks and returns the child's pid) on the forking thread.
  pid_t run(std::function<pid_t()> fork_child) {
    std::packaged_task<pid_t()> task(std::move(fork_child));
    auto pid = task.get_future();
    {
      std::lock_guard lock(mu_);
      tasks_.push_back(std::move(task));
    }
    cv_.notify_one();
    return pid.get();
  }
  ~Forker() {
    {
      std::lock_guard lock(mu_);
      done_ = true;
    }
    cv_.notify_one();
    thread_.join();
  }

 private:
  Forker() : thread_([this] { loop(); }) {}
  void loop() {
    std::unique_lock lock(mu_);
    for (;;) {
      cv_.wait(lock, [&] { return done_ || !tasks_.empty(); });
      if (tasks_.empty()) return;
      auto task = std::move(tasks_.front());
      tasks_.pop_front();
      lock.unlock();
      task();
      lock.lock();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::packaged_task<pid_t()>> tasks_;
  bool done_ = false;
  std::thread thread_;  // last: started once the rest is constructed
};

Spawned spawn(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
              const std::string& stderr_path) {
  int out[2], in[2], err[2] = {-1, -1};
  if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  if (stderr_path.empty() && ::pipe2(err, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  // Everything the child needs is made before fork: between fork and exec a child of a
  // multi-threaded process may only make async-signal-safe calls.
  std::vector<std::string> argv_s{binary()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  auto env_s = environment(env);
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  const pid_t parent = ::getpid();

  Spawned s;
  s.pid = Forker::instance().run([&]() -> pid_t {
    pid_t pid = ::fork();
    if (pid != 0) return pid;
    // The child.
    if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent) ::_exit(127);  // parent already gone
    if (::dup2(in[0], 0) < 0 || ::dup2(out[1], 1) < 0) ::_exit(127);
    if (stderr_path.empty()) {
      if (::dup2(err[1], 2) < 0) ::_exit(127);
    } else {
      int fd = ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (fd < 0 || ::dup2(fd, 2) < 0) ::_exit(127);
      if (fd != 2) ::close(fd);
    }
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  });
  ::close(out[1]);
  ::close(in[0]);
  if (err[1] >= 0) ::close(err[1]);
  if (s.pid < 0) throw std::runtime_error("could not start " + argv_s[0]);
  s.out_fd = out[0];
  s.in_fd = in[1];
  s.err_fd = err[0];
  return s;
}

std::string read_all(int fd) {
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  return out;
}

}  // namespace

std::string make_temp_dir(const std::string& prefix) {
  const char* base = std::getenv("MDSC_TEST_TMP");
  std::filesystem::path root = base && *base ? base : std::filesystem::temp_directory_path().string();
  std::filesystem::create_directories(root);
  std::random_device rd;
  for (;;) {
    auto p = root / (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000));
    if (std::filesystem::create_directory(p)) return p.string();
  }
}

CommandResult run_mdsc(const std::vector<std::string>& args, const std::string& stdin_text,
                       const std::map<std::string, std::string>& env) {
  Spawned s = spawn(args, env, "");
  if (!stdin_text.empty()) {
    ssize_t ignored = ::write(s.in_fd, stdin_text.data(), stdin_text.size());
    (void)ignored;
  }
  ::close(s.in_fd);
  CommandResult r;
  // Read stderr on another thread so that neither pipe can fill up and block the child.
  std::thread err_reader([&] { r.err = read_all(s.err_fd); });
  r.out = read_all(s.out_fd);
  err_reader.join();
  ::close(s.out_fd);
  ::close(s.err_fd);
  int status = 0;
  ::waitpid(s.pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

TestServer::TestServer() : TestServer(Options{}) {}

TestServer::TestServer(Options options) : options_(std::move(options)) {
  dir_ = make_temp_dir("server");
  db_url_ = options_.db_url.empty() ? fresh_database_url() : options_.db_url;
  auto r = cli({"migrate"});
  if (r.exit_code != 0) throw std::runtime_error("mdsc migrate failed: " + r.err);
  start();
}

TestServer::~TestServer() { stop(); }

std::string TestServer::api_token(const std::string& email) const {
  const std::string out = cli({"user", "token", "--email", email}).out;
  return out.substr(0, out.find('\n'));
}

CommandResult TestServer::cli(std::vector<std::string> args, const std::string& stdin_text) const {
  auto env = options_.env;
  env["MDSC_DB"] = db_url_;
  env["MDSC_DATA_DIR"] = dir_;
  env["MDSC_LOG_LEVEL"] = "warn";
  return run_mdsc(args, stdin_text, env);
}

std::unique_ptr<db::Database> TestServer::open_db() const { return db::Database::open(db_url_, 2); }

std::string TestServer::add_user(const std::string& email, const std::vector<std::string>& roles,
                                 const std::string& password) {
  std::vector<std::string> args{"user", "add", "--email", email, "--password-stdin"};
  for (const auto& r : roles) {
    args.push_back("--role");
    args.push_back(r);
  }
  auto r = cli(args, password + "\n");
  if (r.exit_code != 0) throw std::runtime_error("mdsc user add failed: " + r.err);
  return password;
}

void TestServer::start() {
  auto env = options_.env;
  env["MDSC_DB"] = db_url_;
  env["MDSC_DATA_DIR"] = dir_;
  if (!env.count("MDSC_LOG_LEVEL")) env["MDSC_LOG_LEVEL"] = "info";
  std::vector<std::string> args{"serve", "--bind", "127.0.0.1", "--port", "0"};
  args.insert(args.end(), options_.serve_args.begin(), options_.serve_args.end());
  Spawned s = spawn(args, env, dir_ + "/server.log");
  ::close(s.in_fd);
  pid_ = s.pid;
  // The server prints "mdsc listening on http://127.0.0.1:PORT/" once it accepts connections.
  std::string line;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (line.find('\n') == std::string::npos) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd p{s.out_fd, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    char c[256];
    ssize_t n = ::read(s.out_fd, c, sizeof c);
    if (n <= 0) break;
    line.append(c, static_cast<std::size_t>(n));
  }
  ::close(s.out_fd);
  auto colon = line.rfind(':');
  if (line.find("listening") == std::string::npos || colon == std::string::npos) {
    kill9();
    throw std::runtime_error("mdsc serve did not start: " + log());
  }
  port_ = std::stoi(line.substr(colon + 1));
}

void TestServer::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

void TestServer::kill9() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string TestServer::log() const {
  std::ifstream f(dir_ + "/server.log");
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace mdsc::testing
