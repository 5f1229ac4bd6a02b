// What a database crash leaves of acknowledged writes, on PostgreSQL as it runs in production.
//
// The suite's PostgreSQL (the ctest fixture) runs with fsync, synchronous_commit and
// full_page_writes off, for speed: there a commit is acknowledged before its WAL is written, and
// a crash loses the last ones. Crash.Kill9DuringAcknowledgedWritesLosesNothingAndLeavesTheDatabaseIntact
// kills `mdsc serve`, not the database, so it cannot tell. This test starts a cluster of its own with the production settings
// (tests/support/pg-server start --durable), has `mdsc serve` commit a stream of changes into
// it, stops PostgreSQL as a crash would (pg_ctl stop -m immediate: no shutdown checkpoint,
// nothing flushed) in the middle of them, starts it again (crash recovery), and checks that
// every change the server acknowledged is there, whole.
//
// What it cannot show: a crash of the machine. The operating system survives here, and so does
// what PostgreSQL wrote without fsync; only a file system that forgets unsynced writes would
// catch a missing fsync itself.
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/test_db.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

constexpr int kWriters = 3;
// Enough acknowledged changes before the crash for it to land among commits, not before them.
constexpr std::size_t kEnough = 60;
constexpr auto kDeadline = std::chrono::seconds(120);  // only stops a server that answers nothing

// Runs tests/support/pg-server with `args`; its exit code, and what it printed.
std::pair<int, std::string> pg_server(const std::string& args) {
  const std::string command = std::string(MDSC_SOURCE_DIR) + "/tests/support/pg-server " + args + " 2>&1";
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return {-1, "popen failed"};
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = ::pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string read_first_line(const std::string& path) {
  std::ifstream f(path);
  std::string line;
  std::getline(f, line);
  return line;
}

// The durable cluster, removed however the test ends.
struct DurableCluster {
  std::string dir = make_temp_dir("pg-durable");
  ~DurableCluster() { pg_server("stop " + dir); }
};

TEST(Durability, PostgresCrashingMidWriteKeepsEveryAcknowledgedChangeWhole) {
  if (backend() != db::Dialect::postgresql) GTEST_SKIP() << "PostgreSQL only (it runs in the postgresql pass)";
  DurableCluster cluster;
  auto [started, start_log] = pg_server("start " + cluster.dir + " --durable");
  ASSERT_EQ(started, 0) << start_log;
  const std::string url = read_first_line(cluster.dir + "/url");
  {  // The settings this test is about, as the server reports them.
    auto db = db::Database::open(url, 1);
    for (const char* setting : {"fsync", "synchronous_commit", "full_page_writes"})
      ASSERT_EQ(db->read([&](db::Conn& c) {
        return c.query("SELECT setting FROM pg_settings WHERE name = ?", {setting})[0].str("setting");
      }), "on") << setting;
  }

  TestServer::Options options;
  options.db_url = url;
  TestServer server(options);
  server.add_user("admin@example.org", {"secretariat"});
  const std::string token = server.api_token("admin@example.org");
  ASSERT_FALSE(token.empty());

  std::mutex mu;
  std::condition_variable cv;
  std::map<std::string, std::int64_t> acked;  // e-mail -> id from the 201 response
  std::atomic<bool> stop{false};
  std::atomic<int> in_flight{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w)
    writers.emplace_back([&, w] {
      HttpClient c(server.port());
      for (int i = 0; !stop; ++i) {
        const std::string email = "durable-" + std::to_string(w) + "-" + std::to_string(i) + "@example.org";
        HttpResponse r;
        ++in_flight;
        try {
          r = c.send_json("POST", "/api/v1/users",
                          nlohmann::json{{"email", email}, {"family_name", "Durable"}, {"roles", {"trainee"}}}.dump(),
                          token);
        } catch (const std::exception&) {
          r.status = 0;
        }
        --in_flight;
        if (r.status != 201) continue;  // refused or cut off by the crash: not acknowledged
        auto j = nlohmann::json::parse(r.body, nullptr, false);
        std::lock_guard lock(mu);
        acked[email] = j.is_object() ? j.value("id", std::int64_t{-1}) : -1;
        cv.notify_all();
      }
    });
  {
    std::unique_lock lock(mu);
    cv.wait_for(lock, kDeadline, [&] { return acked.size() >= kEnough; });
  }
  const int in_flight_at_crash = in_flight.load();
  auto [crashed, crash_log] = pg_server("crash " + cluster.dir);
  stop = true;
  for (auto& w : writers) w.join();
  server.kill9();
  ASSERT_EQ(crashed, 0) << crash_log;
  std::cout << "[ durable  ] " << acked.size() << " users acknowledged; " << in_flight_at_crash
            << " requests in flight at the crash\n";
  ASSERT_GE(acked.size(), kEnough) << "too few acknowledged writes for the test to mean anything:\n" << server.log();

  auto [restarted, restart_log] = pg_server("restart " + cluster.dir);
  ASSERT_EQ(restarted, 0) << restart_log;
  auto db = db::Database::open(url, 1);
  std::map<std::string, std::int64_t> stored;
  for (const auto& r : db->read([](db::Conn& c) {
         return c.query("SELECT id, email FROM users WHERE email LIKE 'durable-%'");
       }))
    stored[r.str("email")] = r.i64("id");
  std::set<std::int64_t> audited, trainees;
  for (const auto& r : db->read([](db::Conn& c) {
         return c.query("SELECT CAST(entity_id AS BIGINT) AS id FROM audit_log WHERE entity = 'user' AND action = 'create'");
       }))
    audited.insert(r.i64("id"));
  for (const auto& r : db->read([](db::Conn& c) { return c.query("SELECT user_id FROM roles WHERE role = 'trainee'"); }))
    trainees.insert(r.i64("user_id"));

  int lost = 0;
  for (const auto& [email, id] : acked) {
    auto it = stored.find(email);
    if (it == stored.end()) {
      if (++lost <= 5) ADD_FAILURE() << "acknowledged, then lost in the crash: " << email;
      continue;
    }
    EXPECT_EQ(it->second, id) << email;
  }
  EXPECT_EQ(lost, 0) << "of " << acked.size() << " acknowledged";
  // Committed-but-unacknowledged users may be there too; none may be half there.
  for (const auto& [email, id] : stored) {
    EXPECT_TRUE(audited.count(id)) << "a user without its audit entry: " << email;
    EXPECT_TRUE(trainees.count(id)) << "a user without its role: " << email;
  }
}

}  // namespace
}  // namespace mdsc::testing
