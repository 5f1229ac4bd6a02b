// Check-ins under load (issue 11): N trainees check in to one running session at once, each from
// their own account (an API token) over their own connection, all released together. Prints the
// latencies and whether every check-in was recorded. Run by bench/issue11 against a fresh database
// and a running `mdsc serve`.
//
//   mdsc_bench_checkins --db URL --port P [--accounts 2000] [--connections 64] [--seconds S]
// --seconds S paces the check-ins evenly over S seconds (a hall arriving over S seconds, an open
// loop: each latency counts from the check-in's scheduled time, so a slow server cannot hide its
// queue); without it they go as fast as the connections allow.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "core/crypto.h"
#include "core/i18n.h"
#include "db/database.h"
#include "modules/attendance/codes.h"
#include "modules/attendance/repo.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string db;
  int port = 0, accounts = 2000, connections = 64;
  double seconds = 0;
};

struct Setup {
  std::int64_t session = 0;
  std::vector<std::string> tokens;
};

std::string hhmm(std::int64_t unix_seconds) { return mdsc::i18n::tokyo_time_hm(unix_seconds); }

// A course, a session running now, and the trainees enrolled with their API tokens (named after
// the time, so that runs on one database do not collide).
Setup set_up(mdsc::db::Database& db, int accounts) {
  Setup s;
  const std::int64_t now = std::time(nullptr);
  db.write([&](mdsc::db::Conn& c) {
    const auto course = c.insert(
        "INSERT INTO courses (fiscal_year, code, title_ja, category, kind, periods, time_band, created_at, updated_at) "
        "VALUES (2026, ?, '負荷試験', 'common', 'lecture', 8, 'daytime', 'x', 'x')",
        {"BENCH-" + std::to_string(now)});
    const auto term = c.insert(
        "INSERT INTO terms (fiscal_year, name, starts_on, ends_on, created_at, updated_at) "
        "VALUES (2026, ?, '2026-04-01', '2027-03-31', 'x', 'x')",
        {"bench-" + std::to_string(now)});
    s.session = c.insert(
        "INSERT INTO course_sessions (term_id, course_id, day, band, position, starts_at, ends_at, confidential, "
        "status, sequence, created_at, updated_at) VALUES (?, ?, ?, 'daytime', 1, ?, ?, 0, 'scheduled', 0, 0, 0)",
        {term, course, mdsc::i18n::tokyo_date_iso(now), hhmm(now - 60),
         hhmm(now + 3600) < hhmm(now) ? "23:59" : hhmm(now + 3600)});
    for (int i = 0; i < accounts; ++i) {
      const std::string email = "bench" + std::to_string(now) + "-" + std::to_string(i) + "@example.org";
      const auto user = c.insert(
          "INSERT INTO users (email, family_name, given_name, created_at, updated_at) VALUES (?, '試験', ?, 'x', 'x')",
          {email, std::to_string(i)});
      c.exec("INSERT INTO roles (user_id, role) VALUES (?, 'trainee')", {user});
      c.exec(
          "INSERT INTO enrollments (course_id, user_id, status, created_at, enrolled_at, updated_at) "
          "VALUES (?, ?, 'enrolled', 0, 0, 0)",
          {course, user});
      std::string token = "bench-" + mdsc::crypto::random_token(24);
      c.exec("INSERT INTO api_tokens (user_id, name, prefix, created_at, token_hash) VALUES (?, 'bench', ?, ?, ?)",
             {user, token.substr(0, 8), now, mdsc::crypto::token_hash(token)});
      s.tokens.push_back(std::move(token));
    }
  });
  return s;
}

int connect_to(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

// One request on a keep-alive connection; the status, or -1.
int post(int fd, int port, const std::string& token, const std::string& body) {
  const std::string req = "POST /api/v1/checkins HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                          "\r\nAuthorization: Bearer " + token +
                          "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                          "\r\n\r\n" + body;
  if (::send(fd, req.data(), req.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(req.size())) return -1;
  std::string in;
  char buf[8192];
  std::size_t header_end = std::string::npos, length = 0;
  while (true) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return -1;
    in.append(buf, static_cast<std::size_t>(n));
    if (header_end == std::string::npos && (header_end = in.find("\r\n\r\n")) != std::string::npos) {
      const auto cl = in.find("Content-Length: ");
      length = cl == std::string::npos ? 0 : std::stoul(in.substr(cl + 16));
    }
    if (header_end != std::string::npos && in.size() >= header_end + 4 + length) break;
  }
  return std::stoi(in.substr(9, 3));
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--db")
      o.db = v;
    else if (k == "--port")
      o.port = std::stoi(v);
    else if (k == "--accounts")
      o.accounts = std::stoi(v);
    else if (k == "--connections")
      o.connections = std::stoi(v);
    else if (k == "--seconds")
      o.seconds = std::stod(v);
  }
  if (o.db.empty() || !o.port) {
    std::cerr << "usage: mdsc_bench_checkins --db URL --port P [--accounts N] [--connections C] [--seconds S]\n";
    return 2;
  }
  mdsc::crypto::init();
  auto db = mdsc::db::Database::open(o.db, 2);
  const Setup s = set_up(*db, o.accounts);
  const std::string key = db->read([](mdsc::db::Conn& c) { return mdsc::attendance::repo::code_key(c); });

  std::vector<double> latency_ms(static_cast<std::size_t>(o.accounts), -1);
  std::vector<int> status(static_cast<std::size_t>(o.accounts), 0);
  std::atomic<int> next{0};
  std::barrier start(o.connections + 1);
  std::vector<std::thread> workers;
  for (int w = 0; w < o.connections; ++w) {
    workers.emplace_back([&] {
      int fd = connect_to(o.port);
      start.arrive_and_wait();
      const auto begun = Clock::now();
      for (int i; (i = next.fetch_add(1)) < o.accounts;) {
        const auto due = begun + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(o.seconds * i / o.accounts));
        if (o.seconds > 0) std::this_thread::sleep_until(due);
        const std::int64_t now = std::time(nullptr);
        const std::string body = "{\"session_id\": " + std::to_string(s.session) + ", \"code\": \"" +
                                 mdsc::attendance::code_for(key, s.session, mdsc::attendance::code_step(now)) + "\"}";
        const auto t0 = o.seconds > 0 ? due : Clock::now();
        int st = fd < 0 ? -1 : post(fd, o.port, s.tokens[static_cast<std::size_t>(i)], body);
        if (st < 0) {  // the connection closed: once more on a new one
          if (fd >= 0) ::close(fd);
          fd = connect_to(o.port);
          st = fd < 0 ? -1 : post(fd, o.port, s.tokens[static_cast<std::size_t>(i)], body);
        }
        latency_ms[static_cast<std::size_t>(i)] = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        status[static_cast<std::size_t>(i)] = st;
      }
      if (fd >= 0) ::close(fd);
    });
  }
  start.arrive_and_wait();
  const auto t0 = Clock::now();
  for (auto& t : workers) t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();

  const auto recorded = db->read([&](mdsc::db::Conn& c) {
    return c.scalar_i64("SELECT COUNT(*) FROM attendance WHERE session_id = ?", {s.session});
  });
  int created = 0, failed = 0;
  for (int st : status) (st == 201 ? created : failed) += 1;
  std::vector<double> sorted = latency_ms;
  std::sort(sorted.begin(), sorted.end());
  auto pct = [&](double p) { return sorted[static_cast<std::size_t>(p * (sorted.size() - 1))]; };
  std::printf("| %s | %d | %d | %s | %.2f s | %.0f/s | %.1f | %.1f | %.1f | %.1f | %lld | %d |\n",
              o.db.substr(0, o.db.find(':')).c_str(), o.accounts, o.connections,
              o.seconds > 0 ? ("over " + std::to_string(static_cast<int>(o.seconds)) + " s").c_str() : "at once",
              seconds, o.accounts / seconds,
              pct(0.5), pct(0.95), pct(0.99), sorted.back(), static_cast<long long>(recorded), failed);
  return recorded == o.accounts && failed == 0 ? 0 : 1;
}
