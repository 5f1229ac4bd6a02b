// A server killed with SIGKILL in the middle of a stream of writes: the database is intact, and
// every write the API acknowledged (2xx) is there after a restart, with its audit entry (a change
// and its audit entry are one transaction).
#include <gtest/gtest.h>

#include <iostream>

#include <atomic>
#include <chrono>
#include <condition_variable>
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

using Clock = std::chrono::steady_clock;

constexpr int kUserWriters = 3;
constexpr int kTokenWriters = 1;
// The kill comes once enough writes of both kinds are acknowledged; the deadline only stops a
// server that answers nothing from hanging the suite (a slow disk just takes longer to get there).
constexpr std::size_t kEnoughUsers = 150;
constexpr std::size_t kEnoughTokens = 40;
constexpr auto kDeadline = std::chrono::seconds(120);

struct Acked {
  std::mutex mu;
  std::condition_variable cv;
  std::map<std::string, std::int64_t> users;  // e-mail -> id from the 201 response
  std::map<std::string, std::string> tokens;  // token name -> token
  std::string first_refusal;  // status and body of the first non-2xx answer, for the failure message
};

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

TEST(Crash, Kill9DuringAcknowledgedWritesLosesNothingAndLeavesTheDatabaseIntact) {
  TestServer server;
  server.add_user("admin@example.org", {"secretariat"});
  auto t = server.cli({"user", "token", "--email", "admin@example.org", "--name", "crash"});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  const std::string token = first_line(t.out);
  const int port = server.port();

  Acked acked;
  std::atomic<bool> stop{false};
  std::atomic<int> in_flight{0};
  std::atomic<int> refused{0};  // non-2xx answers while the server was up (should stay 0)
  std::vector<std::thread> writers;
  for (int w = 0; w < kUserWriters + kTokenWriters; ++w) {
    const bool users = w < kUserWriters;
    writers.emplace_back([&, w, users] {
      HttpClient c(port);
      for (int i = 0; !stop; ++i) {
        std::string key = "crash-" + std::to_string(w) + "-" + std::to_string(i);
        HttpResponse r;
        ++in_flight;
        try {
          r = users ? c.send_json("POST", "/api/v1/users",
                                  nlohmann::json{{"email", key + "@example.org"}, {"family_name", "Crash"},
                                                 {"roles", {"trainee"}}}.dump(),
                                  token)
                    : c.send_json("POST", "/api/v1/me/tokens", nlohmann::json{{"name", key}}.dump(), token);
        } catch (const std::exception&) {
          --in_flight;
          return;  // connection refused: the server is gone
        }
        --in_flight;
        if (r.status == 0) return;  // cut off mid-request by the kill: not acknowledged
        if (r.status < 200 || r.status > 299) {
          if (refused++ == 0) {
            std::lock_guard lock(acked.mu);
            acked.first_refusal = std::to_string(r.status) + " " + r.body;
          }
          continue;
        }
        auto j = nlohmann::json::parse(r.body, nullptr, false);
        std::lock_guard lock(acked.mu);
        if (users) acked.users[key + "@example.org"] = j.is_object() ? j.value("id", std::int64_t{-1}) : -1;
        else acked.tokens[key] = j.is_object() ? j.value("token", std::string()) : std::string();
        acked.cv.notify_all();
      }
    });
  }
  {
    std::unique_lock lock(acked.mu);
    acked.cv.wait_until(lock, Clock::now() + kDeadline, [&] {
      return acked.users.size() >= kEnoughUsers && acked.tokens.size() >= kEnoughTokens;
    });
  }
  const int in_flight_at_kill = in_flight.load();
  server.kill9();
  stop = true;
  for (auto& w : writers) w.join();

  std::cout << "[ crash    ] " << acked.users.size() << " users and " << acked.tokens.size()
            << " tokens acknowledged; " << in_flight_at_kill << " requests in flight at the kill\n";
  ASSERT_GE(acked.users.size(), 20u) << "too few acknowledged writes for the test to mean anything:\n"
                                     << server.log();
  ASSERT_GE(acked.tokens.size(), 5u) << server.log();
  EXPECT_EQ(refused.load(), 0) << "the API refused writes while it was up; the first: " << acked.first_refusal
                                << "\n" << server.log();

  // The database as the crash left it, before any server touches it again.
  {
    auto db = db::Database::open(server.db_url(), 1);
    if (db->dialect() == db::Dialect::sqlite) {
      auto rows = db->read([](db::Conn& c) { return c.query("PRAGMA integrity_check"); });
      ASSERT_EQ(rows.size(), 1u);
      EXPECT_EQ(std::get<std::string>(rows[0].at(0)), "ok");
      auto fk = db->read([](db::Conn& c) { return c.query("PRAGMA foreign_key_check"); });
      EXPECT_TRUE(fk.empty()) << fk.size() << " rows break a foreign key";
    } else {
      EXPECT_TRUE(db->ping());
      EXPECT_EQ(db->read([](db::Conn& c) {
        return c.scalar_i64("SELECT COUNT(*) FROM roles r LEFT JOIN users u ON u.id = r.user_id WHERE u.id IS NULL");
      }), 0);
    }
    EXPECT_GE(db->read([](db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM users"); }),
              static_cast<std::int64_t>(acked.users.size()) + 1);
  }

  server.start();
  HttpClient c(server.port());
  EXPECT_EQ(c.get("/readyz").status, 200);

  auto db = server.open_db();
  // Every acknowledged user, with the id the API gave, its role, and its audit entry.
  std::map<std::string, std::int64_t> stored;
  for (const auto& r : db->read([](db::Conn& c) {
         return c.query("SELECT id, email FROM users WHERE email LIKE 'crash-%'");
       }))
    stored[r.str("email")] = r.i64("id");
  std::set<std::string> audited;
  for (const auto& r : db->read([](db::Conn& c) {
         return c.query("SELECT entity_id FROM audit_log WHERE entity = 'user' AND action = 'create'");
       }))
    audited.insert(r.str("entity_id"));
  std::set<std::int64_t> trainees;
  for (const auto& r : db->read([](db::Conn& c) {
         return c.query("SELECT user_id FROM roles WHERE role = 'trainee'");
       }))
    trainees.insert(r.i64("user_id"));
  int missing = 0, unaudited = 0, roleless = 0;
  for (const auto& [email, id] : acked.users) {
    auto it = stored.find(email);
    if (it == stored.end()) {
      if (++missing <= 5) ADD_FAILURE() << "acknowledged user lost: " << email;
      continue;
    }
    EXPECT_EQ(it->second, id) << email;
    if (!audited.count(std::to_string(it->second)) && ++unaudited <= 5)
      ADD_FAILURE() << "acknowledged user without its audit entry: " << email;
    if (!trainees.count(it->second) && ++roleless <= 5) ADD_FAILURE() << "acknowledged user without its role: " << email;
  }
  EXPECT_EQ(missing, 0);
  EXPECT_EQ(unaudited, 0);
  EXPECT_EQ(roleless, 0);
  // Writes that were committed but never acknowledged are fine; half of one is not: every user
  // that exists has its audit entry, acknowledged or not.
  for (const auto& [email, id] : stored)
    EXPECT_TRUE(audited.count(std::to_string(id))) << "user without an audit entry: " << email;

  // Every acknowledged token exists, has its audit entry, and works.
  std::set<std::string> token_names, token_audited;
  for (const auto& r : db->read([](db::Conn& c) {
         return c.query("SELECT t.name, a.id AS audit_id FROM api_tokens t LEFT JOIN audit_log a "
                        "ON a.entity = 'api_token' AND a.action = 'create' AND a.entity_id = CAST(t.id AS TEXT) "
                        "WHERE t.name LIKE 'crash-%'");
       })) {
    token_names.insert(r.str("name"));
    if (!r.is_null("audit_id")) token_audited.insert(r.str("name"));
  }
  for (const auto& [name, tok] : acked.tokens) {
    EXPECT_TRUE(token_names.count(name)) << "acknowledged token lost: " << name;
    EXPECT_TRUE(token_audited.count(name)) << "acknowledged token without its audit entry: " << name;
  }
  EXPECT_EQ(token_audited.size(), token_names.size()) << "a token without its audit entry";
  const auto& [last_name, last_token] = *acked.tokens.rbegin();
  auto me = c.get("/api/v1/me", {{"Authorization", "Bearer " + last_token}});
  EXPECT_EQ(me.status, 200) << "token " << last_name << " was acknowledged but does not work";

  // And the restarted server takes writes again.
  auto after = c.send_json("POST", "/api/v1/users", R"({"email":"after-crash@example.org","family_name":"After"})", token);
  EXPECT_EQ(after.status, 201) << after.body;
  if (HasFailure()) std::cout << "[ crash    ] the restarted server's log:\n" << server.log();
}

}  // namespace
}  // namespace mdsc::testing
