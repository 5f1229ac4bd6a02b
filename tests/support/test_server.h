#pragma once
// A real `mdsc serve` on a free loopback port, on a fresh database of the backend under test.
// The binary is $MDSC_BINARY (set by ctest). Its stderr goes to <dir>/server.log. It dies with
// the test program, however that ends (SIGKILL at its death; see spawn() in test_server.cpp).
#include <sys/types.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "db/database.h"

namespace mdsc::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `mdsc args...` with the given stdin and environment additions.
CommandResult run_mdsc(const std::vector<std::string>& args, const std::string& stdin_text = "",
                       const std::map<std::string, std::string>& env = {});

class TestServer {
 public:
  struct Options {
    std::map<std::string, std::string> env;  // extra environment, e.g. {"MDSC_THREADS", "2"}
    std::vector<std::string> serve_args;     // extra `serve` arguments
    // A database to serve instead of a fresh one of the backend under test (e.g. a backup file,
    // "sqlite:/path/backup.db"). It is migrated like a fresh one; it is not removed afterwards.
    std::string db_url;
  };
  TestServer();
  explicit TestServer(Options options);
  ~TestServer();
  TestServer(const TestServer&) = delete;

  int port() const { return port_; }
  const std::string& db_url() const { return db_url_; }
  const std::string& dir() const { return dir_; }        // data dir (outbox under it)
  std::string outbox_dir() const { return dir_ + "/outbox"; }
  std::unique_ptr<db::Database> open_db() const;

  // Adds a user through the CLI; returns the password it was given.
  std::string add_user(const std::string& email, const std::vector<std::string>& roles,
                       const std::string& password = "Kanazawa-seminar-2017-pw");
  CommandResult cli(std::vector<std::string> args, const std::string& stdin_text = "") const;
  // A new personal API token of the user (`mdsc user token`).
  std::string api_token(const std::string& email) const;

  void stop();      // SIGTERM and wait
  void kill9();     // SIGKILL, no chance to clean up
  void start();     // (re)start on a new port with the same database
  pid_t pid() const { return pid_; }
  std::string log() const;  // what the server wrote to stderr

 private:
  Options options_;
  std::string dir_;
  std::string db_url_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// A fresh folder under $MDSC_TEST_TMP.
std::string make_temp_dir(const std::string& prefix);

}  // namespace mdsc::testing
