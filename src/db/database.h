#pragma once
// One data-access interface over SQLite and PostgreSQL (SOCI underneath, hidden from callers).
// SQL uses '?' placeholders; values are always bound, never spliced into the text.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace mdsc::db {

enum class Dialect { sqlite, postgresql };

struct Null {};
using Value = std::variant<Null, std::int64_t, double, std::string>;

// A parameter: converts the usual C++ types to a Value.
struct Param {
  Value v;
  Param(std::nullptr_t) : v(Null{}) {}
  Param(Null) : v(Null{}) {}
  Param(bool b) : v(std::int64_t{b ? 1 : 0}) {}
  Param(int i) : v(std::int64_t{i}) {}
  Param(long i) : v(std::int64_t{i}) {}
  Param(long long i) : v(std::int64_t{i}) {}
  Param(unsigned u) : v(std::int64_t{u}) {}
  Param(double d) : v(d) {}
  Param(std::string s) : v(std::move(s)) {}
  Param(const char* s) : v(std::string(s)) {}
  Param(std::string_view s) : v(std::string(s)) {}
  template <typename T>
  Param(const std::optional<T>& o) : v(o ? Param(*o).v : Value(Null{})) {}
};
using Params = std::vector<Param>;

class Row {
 public:
  Row(std::shared_ptr<const std::vector<std::string>> names, std::vector<Value> values)
      : names_(std::move(names)), values_(std::move(values)) {}
  bool is_null(std::string_view column) const;
  std::int64_t i64(std::string_view column) const;          // NULL -> 0
  std::optional<std::int64_t> opt_i64(std::string_view column) const;
  double f64(std::string_view column) const;
  std::string str(std::string_view column) const;           // NULL -> ""
  std::optional<std::string> opt_str(std::string_view column) const;
  bool boolean(std::string_view column) const { return i64(column) != 0; }
  const Value& at(std::string_view column) const;
  const std::vector<std::string>& names() const { return *names_; }
  const std::vector<Value>& values() const { return values_; }

 private:
  std::shared_ptr<const std::vector<std::string>> names_;
  std::vector<Value> values_;
};

// Database errors that callers may expect, mapped from both backends.
class Error : public std::runtime_error {
 public:
  enum class Kind { unique_violation, foreign_key_violation, check_violation, busy, other };
  Error(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// A connection leased from the pool, inside a transaction or not.
class Conn {
 public:
  virtual ~Conn() = default;
  virtual Dialect dialect() const = 0;
  // Returns the number of affected rows.
  virtual std::int64_t exec(const std::string& sql, const Params& params = {}) = 0;
  virtual std::vector<Row> query(const std::string& sql, const Params& params = {}) = 0;
  std::optional<Row> query_one(const std::string& sql, const Params& params = {});
  // First column of the first row; throws if there is no row.
  std::int64_t scalar_i64(const std::string& sql, const Params& params = {});
  // INSERT ... RETURNING id on both backends.
  std::int64_t insert(const std::string& sql_without_returning, const Params& params = {});
  // Runs several statements separated by ';' (migrations). No parameters.
  virtual void exec_script(const std::string& sql) = 0;
};

class Tx;

class Database {
 public:
  virtual ~Database() = default;
  // URL: "sqlite:path/to/file.db" or "postgresql://user@host:port/db?..." (or "postgres://").
  static std::unique_ptr<Database> open(const std::string& url, std::size_t pool_size = 8);

  virtual Dialect dialect() const = 0;
  virtual const std::string& url() const = 0;

  // Runs fn inside one transaction: commits when it returns, rolls back if it throws.
  // Write transactions on SQLite take the write lock up front (BEGIN IMMEDIATE) so that two
  // writers never deadlock on lock upgrade. Retries a few times on serialization failure/busy.
  template <typename F>
  auto write(F&& fn) -> decltype(fn(std::declval<Conn&>())) {
    return run_tx(true, std::forward<F>(fn));
  }
  template <typename F>
  auto read(F&& fn) -> decltype(fn(std::declval<Conn&>())) {
    return run_tx(false, std::forward<F>(fn));
  }

  // Functions registered here run after a write transaction commits (e.g. sending mail).
  using AfterCommit = std::function<void()>;

  // Health check: a trivial query.
  virtual bool ping() = 0;

  // SQLite only: online backup to a file. Returns false for PostgreSQL.
  virtual bool backup_to(const std::string& path) = 0;

 protected:
  struct Lease {
    virtual ~Lease() = default;
    virtual Conn& conn() = 0;
    virtual void begin(bool write) = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
  };
  virtual std::unique_ptr<Lease> lease() = 0;

 private:
  template <typename F>
  auto run_tx(bool write, F&& fn) -> decltype(fn(std::declval<Conn&>()));
};

// Whether an exception from a transaction is worth retrying (busy, serialization failure).
bool is_retryable(const std::exception& e);

template <typename F>
auto Database::run_tx(bool write, F&& fn) -> decltype(fn(std::declval<Conn&>())) {
  using R = decltype(fn(std::declval<Conn&>()));
  for (int attempt = 0;; ++attempt) {
    auto l = lease();
    l->begin(write);
    try {
      if constexpr (std::is_void_v<R>) {
        fn(l->conn());
        l->commit();
        return;
      } else {
        R r = fn(l->conn());
        l->commit();
        return r;
      }
    } catch (const std::exception& e) {
      try {
        l->rollback();
      } catch (...) {
      }
      if (attempt < 4 && is_retryable(e)) continue;
      throw;
    }
  }
}

// Parses "?"-placeholders into SOCI's ":pN" form; exposed for tests.
std::string to_named_placeholders(const std::string& sql);

}  // namespace mdsc::db
