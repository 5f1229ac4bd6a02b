// `mdsc backup --to FILE`: on SQLite an online backup taken while the server serves writes is a
// sound database another server can run on; it never overwrites a file. On PostgreSQL it prints
// the pg_dump command, without the password.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "nlohmann/json.hpp"
#include "support/http_client.h"
#include "support/test_db.h"
#include "support/test_server.h"

namespace mdsc::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPw = "Kanazawa-seminar-2017-pw";

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

bool one_line(const std::string& s) { return s.size() > 1 && s.back() == '\n' && std::count(s.begin(), s.end(), '\n') == 1; }

TEST(Backup, SqliteOnlineBackupWhileServingWritesIsASoundDatabaseAServerRunsOn) {
  if (backend() != db::Dialect::sqlite) GTEST_SKIP() << "SQLite only; PostgreSQL: see PostgresPrintsPgDump";
  TestServer server;
  server.add_user("before@example.org", {"secretariat"}, kPw);
  auto t = server.cli({"user", "token", "--email", "before@example.org"});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  const std::string token = t.out.substr(0, t.out.find('\n'));

  // Writes keep coming while the backup runs.
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::mutex mu;
  std::condition_variable wrote;
  std::thread writer([&] {
    HttpClient c(server.port());
    for (int i = 0; !stop; ++i) {
      auto r = c.send_json("POST", "/api/v1/users",
                           nlohmann::json{{"email", "during-" + std::to_string(i) + "@example.org"},
                                          {"family_name", "During"}}.dump(),
                           token);
      if (r.status != 201) continue;
      {
        std::lock_guard lock(mu);
        ++written;
      }
      wrote.notify_all();
    }
  });
  // Until writes are really happening (the deadline only bounds a hang).
  {
    std::unique_lock lock(mu);
    wrote.wait_for(lock, std::chrono::seconds(60), [&] { return written >= 20; });
  }
  const int before_backup = written;
  const std::string file = make_temp_dir("backup") + "/copy.db";
  auto r = server.cli({"backup", "--to", file});
  const int after_backup = written;
  stop = true;
  writer.join();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(file), std::string::npos) << r.out;
  ASSERT_GE(before_backup, 20) << "the writer did not get going:\n" << server.log();
  EXPECT_GT(after_backup, before_backup) << "no write happened during the backup";
  ASSERT_TRUE(fs::exists(file));
  EXPECT_FALSE(fs::exists(file + ".partial"));

  std::int64_t backed_up = 0;
  {
    auto copy = db::Database::open("sqlite:" + file, 1);
    auto check = copy->read([](db::Conn& c) { return c.query("PRAGMA integrity_check"); });
    ASSERT_EQ(check.size(), 1u);
    EXPECT_EQ(std::get<std::string>(check[0].at(0)), "ok");
    EXPECT_EQ(copy->read([](db::Conn& c) {
      return c.scalar_i64("SELECT COUNT(*) FROM users WHERE email = 'before@example.org'");
    }), 1);
    backed_up = copy->read([](db::Conn& c) {
      return c.scalar_i64("SELECT COUNT(*) FROM users WHERE email LIKE 'during-%'");
    });
    // Every write acknowledged before the backup began is in it, and at most what was written by its end.
    EXPECT_GE(backed_up, before_backup);
    EXPECT_LE(backed_up, after_backup + 1);
    // A snapshot of whole transactions: each user in it has its audit entry.
    EXPECT_EQ(copy->read([](db::Conn& c) {
      return c.scalar_i64("SELECT COUNT(*) FROM users u LEFT JOIN audit_log a ON a.entity = 'user' AND "
                          "a.action = 'create' AND a.entity_id = CAST(u.id AS TEXT) WHERE a.id IS NULL");
    }), 0);
  }

  // Backing up onto an existing file: exit 2, one line, the file untouched.
  const std::string content = read_file(file);
  auto again = server.cli({"backup", "--to", file});
  EXPECT_EQ(again.exit_code, 2) << again.err;
  EXPECT_TRUE(one_line(again.err)) << again.err;
  EXPECT_NE(again.err.find("exists"), std::string::npos) << again.err;
  EXPECT_EQ(read_file(file), content) << "the existing file was changed";
  server.stop();

  // A server on the backup: the same user logs in, and the backed-up users are there.
  TestServer::Options o;
  o.db_url = "sqlite:" + file;
  TestServer restored(o);
  HttpClient c(restored.port());
  EXPECT_EQ(c.get("/readyz").status, 200);
  EXPECT_EQ(c.login("before@example.org", kPw), 303);
  auto list = c.get("/api/v1/users?q=during-&per_page=1", {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(nlohmann::json::parse(list.body)["total"].get<std::int64_t>(), backed_up);
}

// postgresql://user@... with a password put in, in the user-info or as a query parameter.
std::string with_password_in_userinfo(const std::string& url, const std::string& pw) {
  auto scheme = url.find("://") + 3;
  auto at = url.find('@', scheme);
  if (at == std::string::npos) return url.substr(0, scheme) + "mdsc:" + pw + "@" + url.substr(scheme);
  auto colon = url.find(':', scheme);
  auto user_end = colon != std::string::npos && colon < at ? colon : at;
  return url.substr(0, user_end) + ":" + pw + url.substr(at);
}
std::string with_password_in_query(const std::string& url, const std::string& pw) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "password=" + pw;
}

// `mdsc backup --db URL --to FILE` on PostgreSQL: exit 0, a pg_dump command naming the file and
// no trace of `secrets`; mdsc writes no file itself.
void expect_pg_dump_without(const std::string& url, const std::vector<std::string>& secrets, const TestServer& server) {
  SCOPED_TRACE(url);
  const std::string file = make_temp_dir("backup") + "/dump.pgc";
  auto r = server.cli({"backup", "--db", url, "--to", file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("pg_dump"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(file), std::string::npos) << r.out;
  for (const auto& secret : secrets) {
    EXPECT_EQ(r.out.find(secret), std::string::npos) << "the password is printed:\n" << r.out;
    EXPECT_EQ(r.err.find(secret), std::string::npos) << "the password is printed:\n" << r.err;
  }
  EXPECT_FALSE(fs::exists(file)) << "mdsc itself wrote the file";
}

// The test server trusts local connections, so a password in the URL is accepted and ignored.
TEST(Backup, PostgresPrintsPgDumpWithoutThePassword) {
  if (backend() != db::Dialect::postgresql) GTEST_SKIP() << "PostgreSQL only";
  TestServer server;
  expect_pg_dump_without(server.db_url(), {}, server);
  expect_pg_dump_without(with_password_in_userinfo(server.db_url(), "Userinfo-Secret-77"), {"Userinfo-Secret-77"},
                         server);
}

// Every form of password mdsc's own URL parser accepts (src/db/url.cpp) must be left out too: a
// raw "@" in the user-info (the parser splits at the last one) and libpq's password parameter.
TEST(Backup, PostgresPrintsNoPasswordInAnyFormTheUrlParserAccepts) {
  if (backend() != db::Dialect::postgresql) GTEST_SKIP() << "PostgreSQL only";
  TestServer server;
  expect_pg_dump_without(with_password_in_userinfo(server.db_url(), "At-Sign@Secret-55"), {"At-Sign", "Secret-55"},
                         server);
  expect_pg_dump_without(with_password_in_query(server.db_url(), "Query-Secret-88"), {"Query-Secret-88"}, server);
}

}  // namespace
}  // namespace mdsc::testing
