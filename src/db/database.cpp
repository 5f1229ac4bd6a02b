#include "db/database.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>

#include "db/backends.h"
#include "db/url.h"

namespace mdsc::db {
namespace {

[[noreturn]] void not_a(const char* what, std::string_view column) {
  throw Error(Error::Kind::other, "column " + std::string(column) + " is not " + what);
}

std::int64_t to_i64(const Value& v, std::string_view column) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (std::holds_alternative<Null>(v)) return 0;
  if (const auto* d = std::get_if<double>(&v)) {
    if (std::isfinite(*d) && std::trunc(*d) == *d && std::fabs(*d) < 9.2e18)
      return static_cast<std::int64_t>(*d);
    not_a("an integer", column);
  }
  const auto& s = std::get<std::string>(v);
  std::int64_t out = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) not_a("an integer", column);
  return out;
}

double to_f64(const Value& v, std::string_view column) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (std::holds_alternative<Null>(v)) return 0;
  const auto& s = std::get<std::string>(v);
  double out = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) not_a("a number", column);
  return out;
}

std::string to_str(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
    return std::string(buf, ec == std::errc() ? end : buf);
  }
  return {};
}

}  // namespace

// ---- Row

const Value& Row::at(std::string_view column) const {
  const auto& names = *names_;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == column) return values_[i];
  }
  throw std::out_of_range("db::Row: no column " + std::string(column));
}

bool Row::has(std::string_view column) const {
  for (const auto& n : *names_)
    if (n == column) return true;
  return false;
}

bool Row::is_null(std::string_view column) const { return std::holds_alternative<Null>(at(column)); }
std::int64_t Row::i64(std::string_view column) const { return to_i64(at(column), column); }
double Row::f64(std::string_view column) const { return to_f64(at(column), column); }
std::string Row::str(std::string_view column) const { return to_str(at(column)); }

std::optional<std::int64_t> Row::opt_i64(std::string_view column) const {
  const Value& v = at(column);
  if (std::holds_alternative<Null>(v)) return std::nullopt;
  return to_i64(v, column);
}

std::optional<std::string> Row::opt_str(std::string_view column) const {
  const Value& v = at(column);
  if (std::holds_alternative<Null>(v)) return std::nullopt;
  return to_str(v);
}

// ---- Conn

std::optional<Row> Conn::query_one(const std::string& sql, const Params& params) {
  auto rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::int64_t Conn::scalar_i64(const std::string& sql, const Params& params) {
  auto rows = query(sql, params);
  if (rows.empty() || rows.front().size() == 0)
    throw Error(Error::Kind::other, "scalar_i64: no row from " + sql.substr(0, 160));
  return to_i64(rows.front().at(std::size_t{0}), rows.front().names().front());
}

std::int64_t Conn::insert(const std::string& sql_without_returning, const Params& params) {
  std::string sql = sql_without_returning;
  while (!sql.empty() && (sql.back() == ';' || std::isspace(static_cast<unsigned char>(sql.back()))))
    sql.pop_back();
  auto rows = query(sql + " RETURNING id", params);
  if (rows.empty()) throw Error(Error::Kind::other, "insert: no row inserted");
  return to_i64(rows.front().at(std::size_t{0}), "id");
}

// ---- Database

std::unique_ptr<Database> Database::open(const std::string& url, std::size_t pool_size) {
  auto target = detail::parse_url(url);
  if (auto* s = std::get_if<detail::SqliteTarget>(&target))
    return detail::open_sqlite(s->path, url, pool_size);
  return detail::open_postgresql(std::get<detail::PgTarget>(target).conninfo, url, pool_size);
}

namespace {
// Databases whose transaction this thread is inside of (almost always zero or one).
thread_local std::vector<const Database*> t_active;
}  // namespace

Database::NestingGuard::NestingGuard(const Database* db) {
  if (std::find(t_active.begin(), t_active.end(), db) != t_active.end())
    throw std::logic_error(
        "db: transaction inside a transaction of the same Database; pass the Conn& down instead");
  t_active.push_back(db);
  held_ = true;
}

void Database::NestingGuard::release() {
  if (!held_) return;
  held_ = false;
  t_active.pop_back();
}

std::vector<AfterCommit> Database::finish(std::unique_ptr<Lease> lease) {
  lease->commit();
  std::vector<AfterCommit> fns = std::move(lease->conn().after_commit_);
  lease->conn().after_commit_.clear();
  lease.reset();  // back to the pool before the callbacks, which may open transactions
  return fns;
}

void Database::run_after_commit(std::vector<AfterCommit>& fns) {
  for (auto& fn : fns) {
    try {
      fn();
    } catch (const std::exception& e) {
      spdlog::error("db: after-commit action failed: {}", e.what());
    } catch (...) {
      spdlog::error("db: after-commit action failed");
    }
  }
}

bool Database::retry_after(const std::exception& e, int attempt) {
  if (!is_retryable(e)) return false;
  // Jittered exponential backoff, so that colliding writers do not collide again in lockstep.
  thread_local std::minstd_rand rng{std::random_device{}()};
  int base_ms = 2 << std::min(attempt, 6);
  std::uniform_int_distribution<int> jitter(base_ms / 2, base_ms);
  std::this_thread::sleep_for(std::chrono::milliseconds(jitter(rng)));
  return true;
}

bool is_retryable(const std::exception& e) {
  const auto* err = dynamic_cast<const Error*>(&e);
  return err && err->kind() == Error::Kind::busy;
}

}  // namespace mdsc::db
