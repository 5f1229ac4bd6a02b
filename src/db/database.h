#pragma once
// One data-access interface over SQLite and PostgreSQL (SOCI underneath, hidden from callers).
// SQL uses '?' placeholders; values are always bound, never spliced into the text.
//
// Values come back with the same C++ type on both backends, decided by the value, not the column:
//   integers (SQLite INTEGER; PG smallint/integer/bigint/oid, boolean as 0/1, numeric without a
//   fractional part such as SUM(bigint)) -> int64;  reals (SQLite REAL; PG real/double precision,
//   numeric with a fraction such as AVG) -> double;  everything else (text, PG timestamps, dates,
//   json...) -> string as the server prints it;  NULL -> Null.
// So schemas use INTEGER/BIGINT, DOUBLE PRECISION and TEXT only (timestamps as BIGINT unix seconds).
// Row accessors convert leniently: i64() also reads text digits, f64() integers and numeric text.
//
// Transactions: Database::write/read run a function on a pooled connection.
//  - write(): one transaction; SQLite BEGIN IMMEDIATE, PG READ COMMITTED. On PG a read-modify-write
//    must be one statement (UPDATE t SET n = n + 1) or lock the row; on SQLite writers are serial.
//  - read(): cannot write on either backend (SQLite query_only, PG default_transaction_read_only),
//    so a stray write fails in tests on both. SQLite reads one snapshot; PG sends no BEGIN/COMMIT
//    (two round trips of a page's five) and each statement sees the latest commits, as it would
//    under READ COMMITTED anyway.
//  - After a failed statement a write transaction refuses further statements and cannot commit,
//    on SQLite too (PG's rule), so catching a db::Error and carrying on fails in tests on both.
//  - They do not nest: write/read on the same Database from inside one throws std::logic_error
//    (on SQLite a nested writer would wait for its own lock). Pass the Conn& down instead.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
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
  Param(unsigned long u) : v(checked(u)) {}
  Param(unsigned long long u) : v(checked(u)) {}
  Param(double d) : v(d) {}
  Param(std::string s) : v(std::move(s)) {}
  Param(const char* s) : v(std::string(s)) {}
  Param(std::string_view s) : v(std::string(s)) {}
  template <typename T>
  Param(const std::optional<T>& o) : v(o ? Param(*o).v : Value(Null{})) {}

 private:
  static std::int64_t checked(unsigned long long u) {
    if (u > static_cast<unsigned long long>(INT64_MAX)) throw std::out_of_range("db::Param: too large");
    return static_cast<std::int64_t>(u);
  }
};
using Params = std::vector<Param>;

// An absent reference (id 0) or an empty text stored as NULL.
inline Param null_if_zero(std::int64_t id) { return id ? Param(id) : Param(nullptr); }
inline Param null_if_empty(const std::string& text) { return text.empty() ? Param(nullptr) : Param(text); }

// Column lookups compare names linearly: rows have few columns, and this beats hashing them.
// Unknown column names throw std::out_of_range (a bug, not a data condition).
class Row {
 public:
  Row(std::shared_ptr<const std::vector<std::string>> names, std::vector<Value> values)
      : names_(std::move(names)), values_(std::move(values)) {}
  bool has(std::string_view column) const;  // whether the query selected this column
  bool is_null(std::string_view column) const;
  std::int64_t i64(std::string_view column) const;          // NULL -> 0; text digits accepted
  std::optional<std::int64_t> opt_i64(std::string_view column) const;
  double f64(std::string_view column) const;                // NULL -> 0
  std::string str(std::string_view column) const;           // NULL -> ""
  std::optional<std::string> opt_str(std::string_view column) const;
  bool boolean(std::string_view column) const { return i64(column) != 0; }
  const Value& at(std::string_view column) const;
  const Value& at(std::size_t index) const { return values_.at(index); }
  std::size_t size() const { return values_.size(); }
  const std::vector<std::string>& names() const { return *names_; }
  const std::vector<Value>& values() const { return values_; }

 private:
  std::shared_ptr<const std::vector<std::string>> names_;
  std::vector<Value> values_;
};

// Database errors that callers may expect, mapped from both backends.
//   unique_violation       SQLite UNIQUE/PRIMARY KEY constraint, PG 23505
//   foreign_key_violation  SQLite FOREIGN KEY constraint, PG 23503
//   check_violation        SQLite CHECK constraint, PG 23514
//   busy                   transient, safe to retry the whole transaction: SQLite BUSY/LOCKED,
//                          PG 40001 serialization failure, 40P01 deadlock, 55P03 lock not available,
//                          a connection lost before the transaction began
//   other                  everything else (syntax, NOT NULL, trigger RAISE, lost connection...)
// Messages name the SQL statement but never the bound values (they may be personal data).
class Error : public std::runtime_error {
 public:
  enum class Kind { unique_violation, foreign_key_violation, check_violation, busy, other };
  Error(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// Runs after a write transaction commits (e.g. sending mail), never after a rollback.
using AfterCommit = std::function<void()>;

// A connection leased from the pool, inside a transaction. Statements are prepared once per
// connection and cached by their SQL text, so pass constant SQL and vary only the parameters.
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
  // Runs several statements separated by ';' (migrations). No parameters. It must not contain
  // BEGIN/COMMIT: it already runs inside the caller's transaction.
  virtual void exec_script(const std::string& sql) = 0;

  // Registers fn to run once the current transaction has committed (dropped on rollback or retry).
  // Exceptions from fn are logged, not thrown: the data is committed by then.
  void after_commit(AfterCommit fn) { after_commit_.push_back(std::move(fn)); }

 protected:
  Conn() = default;
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;
  void discard_after_commit() { after_commit_.clear(); }

 private:
  friend class Database;
  std::vector<AfterCommit> after_commit_;
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
  // writers never deadlock on lock upgrade; on PG they are READ COMMITTED. Retries the whole of fn
  // a few times on Error::Kind::busy, so fn must not have effects outside the database (use
  // Conn::after_commit for those).
  template <typename F>
  auto write(F&& fn) -> decltype(fn(std::declval<Conn&>())) {
    return run_tx(true, std::forward<F>(fn));
  }
  template <typename F>
  auto read(F&& fn) -> decltype(fn(std::declval<Conn&>())) {
    return run_tx(false, std::forward<F>(fn));
  }

  using AfterCommit = db::AfterCommit;

  // Health check: a trivial query.
  virtual bool ping() = 0;

  // SQLite only: online backup to a file (a consistent snapshot, while others keep writing).
  // Returns false for PostgreSQL (use pg_dump). Throws db::Error if the backup fails.
  virtual bool backup_to(const std::string& path) = 0;

 protected:
  // A pooled connection for one transaction. Destroying it rolls back a transaction still open
  // and returns the connection to the pool (or drops it if it broke).
  struct Lease {
    virtual ~Lease() = default;
    virtual Conn& conn() = 0;
    virtual void begin(bool write) = 0;
    virtual void commit() = 0;
  };
  virtual std::unique_ptr<Lease> lease() = 0;

 private:
  static constexpr int kMaxAttempts = 5;
  template <typename F>
  auto run_tx(bool write, F&& fn) -> decltype(fn(std::declval<Conn&>()));

  // Marks this thread as inside a transaction of this Database; throws on nesting.
  class NestingGuard {
   public:
    explicit NestingGuard(const Database* db);
    ~NestingGuard() { release(); }
    void release();
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

   private:
    bool held_ = false;
  };
  // Commits, returns the connection to the pool and hands back the after-commit functions.
  static std::vector<AfterCommit> finish(std::unique_ptr<Lease> lease);
  static void run_after_commit(std::vector<AfterCommit>& fns);
  static bool retry_after(const std::exception& e, int attempt);
};

// Whether an exception from a transaction is worth retrying (busy, serialization failure).
bool is_retryable(const std::exception& e);

template <typename F>
auto Database::run_tx(bool write, F&& fn) -> decltype(fn(std::declval<Conn&>())) {
  using R = decltype(fn(std::declval<Conn&>()));
  NestingGuard guard(this);
  for (int attempt = 1;; ++attempt) {
    try {
      auto l = lease();
      l->begin(write);
      if constexpr (std::is_void_v<R>) {
        fn(l->conn());
        auto after = finish(std::move(l));
        guard.release();
        run_after_commit(after);
        return;
      } else {
        R r = fn(l->conn());
        auto after = finish(std::move(l));
        guard.release();
        run_after_commit(after);
        return r;
      }
    } catch (const std::exception& e) {
      // The lease is gone by now: its destructor rolled back.
      if (attempt < kMaxAttempts && retry_after(e, attempt)) continue;
      throw;
    }
  }
}

// Parses "?"-placeholders into SOCI's ":pN" form (p1, p2, ...), leaving '?' inside string
// literals, quoted identifiers and comments alone; exposed for tests.
std::string to_named_placeholders(const std::string& sql);

}  // namespace mdsc::db
