// SQLite: one sqlite3 connection per pooled Conn, WAL, statements cached per connection.
#include <sqlite3.h>

#include <cctype>
#include <filesystem>
#include <mutex>
#include <unordered_map>

#include "db/backends.h"
#include "db/internal.h"
#include "db/pool.h"
#include "db/soci_session.h"

namespace mdsc::db::detail {
namespace {

// Statements cached per connection beyond this are dropped (SQL built at run time, e.g. IN lists).
constexpr std::size_t kMaxCached = 512;

Error::Kind kind_of(int code) {
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Error::Kind::unique_violation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return Error::Kind::foreign_key_violation;
    case SQLITE_CONSTRAINT_CHECK:
      return Error::Kind::check_violation;
    default:
      break;
  }
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error::Kind::busy;
    default:
      return Error::Kind::other;
  }
}

[[noreturn]] void fail(sqlite3* db, std::string_view sql) {
  int code = sqlite3_extended_errcode(db);
  throw Error(kind_of(code), describe(std::string("sqlite: ") + sqlite3_errmsg(db), sql));
}

// Leaves a cached statement ready for its next use however the current one ends.
struct ResetOnExit {
  sqlite3_stmt* st;
  ~ResetOnExit() {
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
  }
};

class SqliteConn final : public NativeConn {
 public:
  explicit SqliteConn(const std::string& path) : soci_(open_sqlite_session(path, &db_)) {
    sqlite3_extended_result_codes(db_, 1);
    configure("PRAGMA busy_timeout=5000;");
    // Switching a new database file to WAL needs an exclusive lock, and SQLite answers "locked"
    // at once, without its busy handler, while another connection opening the same new file holds
    // it (concurrent migrators): try again for up to the busy timeout.
    for (int waited_ms = 0; !configure("PRAGMA journal_mode=WAL;", waited_ms < 5000); waited_ms += 10)
      sqlite3_sleep(10);
    configure("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;");
  }

  // false when the database was busy and `retry` allows another try; throws on any other failure.
  bool configure(const char* pragmas, bool retry = false) {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, pragmas, nullptr, nullptr, &err);
    if (rc == SQLITE_OK) return true;
    std::string msg = err ? err : "?";
    sqlite3_free(err);
    if (retry && ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)) return false;
    throw Error(Error::Kind::other, "sqlite: cannot configure connection: " + msg);
  }

  ~SqliteConn() override {
    // Statements must be finalized before SOCI closes the connection, or the close fails.
    for (auto& [sql, st] : cache_) sqlite3_finalize(st.st);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  std::int64_t exec(const std::string& sql, const Params& params) override {
    Failed guard(*this, sql);
    Stmt& s = prepare(sql);
    ResetOnExit reset{s.st};
    bind(s.st, params, sql);
    int rc;
    while ((rc = sqlite3_step(s.st)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) fail(db_, sql);
    guard.ok = true;
    return sqlite3_changes64(db_);
  }

  std::vector<Row> query(const std::string& sql, const Params& params) override {
    Failed guard(*this, sql);
    Stmt& s = prepare(sql);
    ResetOnExit reset{s.st};
    bind(s.st, params, sql);
    std::vector<Row> rows;
    int rc;
    while ((rc = sqlite3_step(s.st)) == SQLITE_ROW) {
      int n = sqlite3_column_count(s.st);
      if (!s.names || static_cast<int>(s.names->size()) != n) s.names = column_names(s.st);
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) values.push_back(column_value(s.st, i));
      rows.emplace_back(s.names, std::move(values));
    }
    if (rc != SQLITE_DONE) fail(db_, sql);
    guard.ok = true;
    return rows;
  }

  void exec_script(const std::string& sql) override {
    Failed guard(*this, "script");
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      throw Error(kind_of(sqlite3_extended_errcode(db_)), "sqlite: " + msg);
    }
    guard.ok = true;
  }

  void begin(bool write) override {
    if (cache_.size() > kMaxCached) {
      for (auto& [sql, st] : cache_) sqlite3_finalize(st.st);
      cache_.clear();
    }
    // query_only makes read() read-only as PG's READ ONLY does, so tests catch stray writes.
    if (query_only_ == write) {
      exec(write ? "PRAGMA query_only=0" : "PRAGMA query_only=1", {});
      query_only_ = !write;
    }
    failed_ = false;
    exec(write ? "BEGIN IMMEDIATE" : "BEGIN", {});
  }

  void commit() override {
    if (failed_) throw Error(Error::Kind::other, kAborted);
    exec("COMMIT", {});
  }

  void rollback() noexcept override {
    failed_ = false;
    // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL).
    if (!in_transaction()) return;
    try {
      exec("ROLLBACK", {});
    } catch (...) {
    }
  }

  bool in_transaction() const override { return sqlite3_get_autocommit(db_) == 0; }
  bool broken() const override { return false; }

  bool ping() override {
    try {
      return scalar_i64("SELECT 1", {}) == 1;
    } catch (const std::exception&) {
      return false;
    }
  }

  bool backup_to(const std::string& path) override;

 private:
  // PostgreSQL aborts a transaction at its first failed statement, SQLite carries on. SQLite
  // copies PG here, so that code which catches a db::Error and goes on in the same transaction
  // fails its SQLite tests too instead of only in production on PG.
  static constexpr const char* kAborted =
      "sqlite: transaction aborted by an earlier error (caught and ignored?); "
      "statements are refused until it ends, as on PostgreSQL";
  struct Failed {
    Failed(SqliteConn& c, std::string_view sql) : conn(c) {
      if (conn.failed_) throw Error(Error::Kind::other, describe(kAborted, sql));
    }
    ~Failed() {
      if (!ok && conn.in_transaction()) conn.failed_ = true;
    }
    SqliteConn& conn;
    bool ok = false;
  };

  struct Stmt {
    sqlite3_stmt* st = nullptr;
    std::shared_ptr<const std::vector<std::string>> names;
  };

  Stmt& prepare(const std::string& sql) {
    if (auto it = cache_.find(sql); it != cache_.end()) return it->second;
    sqlite3_stmt* st = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size() + 1),
                           SQLITE_PREPARE_PERSISTENT, &st, &tail) != SQLITE_OK)
      fail(db_, sql);
    if (!st) throw Error(Error::Kind::other, describe("sqlite: empty statement", sql));
    for (; tail && *tail; ++tail) {
      if (!std::isspace(static_cast<unsigned char>(*tail)) && *tail != ';') {
        sqlite3_finalize(st);
        throw Error(Error::Kind::other,
                    describe("sqlite: more than one statement (use exec_script)", sql));
      }
    }
    return cache_.emplace(sql, Stmt{st, nullptr}).first->second;
  }

  static void bind(sqlite3_stmt* st, const Params& params, const std::string& sql) {
    int expected = sqlite3_bind_parameter_count(st);
    if (expected != static_cast<int>(params.size()))
      throw Error(Error::Kind::other,
                  describe("sqlite: statement takes " + std::to_string(expected) +
                               " parameters, given " + std::to_string(params.size()),
                           sql));
    for (int i = 0; i < expected; ++i) {
      const Value& v = params[static_cast<std::size_t>(i)].v;
      int rc;
      if (const auto* n = std::get_if<std::int64_t>(&v)) {
        rc = sqlite3_bind_int64(st, i + 1, *n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(st, i + 1, *d);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        // STATIC: the parameters outlive the statement's use; ResetOnExit clears the binding.
        rc = sqlite3_bind_text64(st, i + 1, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
      } else {
        rc = sqlite3_bind_null(st, i + 1);
      }
      if (rc != SQLITE_OK) fail(sqlite3_db_handle(st), sql);
    }
  }

  static std::shared_ptr<const std::vector<std::string>> column_names(sqlite3_stmt* st) {
    auto names = std::make_shared<std::vector<std::string>>();
    int n = sqlite3_column_count(st);
    names->reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) names->emplace_back(sqlite3_column_name(st, i));
    return names;
  }

  static Value column_value(sqlite3_stmt* st, int i) {
    switch (sqlite3_column_type(st, i)) {
      case SQLITE_INTEGER:
        return Value(std::in_place_type<std::int64_t>, sqlite3_column_int64(st, i));
      case SQLITE_FLOAT:
        return Value(std::in_place_type<double>, sqlite3_column_double(st, i));
      case SQLITE_NULL:
        return Value(Null{});
      default: {  // TEXT, BLOB: bytes as they are
        const auto* p = static_cast<const char*>(sqlite3_column_blob(st, i));
        int len = sqlite3_column_bytes(st, i);
        return Value(std::in_place_type<std::string>, p ? p : "", static_cast<std::size_t>(len));
      }
    }
  }

  sqlite3* db_ = nullptr;  // before soci_: its initialiser sets it
  SociSession soci_;
  std::unordered_map<std::string, Stmt> cache_;
  bool query_only_ = false;
  bool failed_ = false;
};

bool SqliteConn::backup_to(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path());
  // Into a temporary file first, so that a failed backup never leaves a half-written target.
  fs::path tmp = target;
  tmp += ".partial";
  fs::remove(tmp);
  sqlite3* dest = nullptr;
  int rc = sqlite3_open_v2(tmp.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::string err;
  if (rc == SQLITE_OK) {
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", db_, "main");
    if (!b) {
      err = sqlite3_errmsg(dest);
    } else {
      // All pages in one step: one consistent snapshot; WAL lets writers carry on meanwhile.
      rc = sqlite3_backup_step(b, -1);
      if (rc != SQLITE_DONE) err = sqlite3_errstr(rc);
      if (sqlite3_backup_finish(b) != SQLITE_OK && err.empty()) err = sqlite3_errmsg(dest);
    }
  } else {
    err = dest ? sqlite3_errmsg(dest) : "cannot open";
  }
  sqlite3_close(dest);
  if (!err.empty()) {
    fs::remove(tmp);
    throw Error(Error::Kind::other, "sqlite: backup to " + path + " failed: " + err);
  }
  // A journal left beside an older file of that name must not be replayed onto the new one.
  fs::remove(fs::path(path + "-wal"));
  fs::remove(fs::path(path + "-shm"));
  fs::rename(tmp, target);
  return true;
}

// Process-wide settings; they take effect only before SQLite initialises, i.e. before the first
// connection opens (later calls fail with SQLITE_MISUSE and change nothing, which is harmless).
//  - MEMSTATUS off: SQLite's memory statistics take a global mutex around every allocation,
//    which all connections and threads share (~170 lock pairs per dashboard request).
//  - MULTITHREAD: no mutex on each connection either. The pool lends a connection to one
//    thread at a time, which is all this mode asks; it is SQLITE_OPEN_NOMUTEX for every
//    connection (SOCI opens them and takes no flags).
void configure_sqlite() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
  });
}

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& path, const std::string& url,
                                      std::size_t pool_size) {
  configure_sqlite();
  bool memory = path == ":memory:";
  if (!memory) {
    std::filesystem::path p(path);
    if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
  }
  // Each connection to :memory: would be a database of its own.
  if (memory) pool_size = 1;
  return std::make_unique<PooledDatabase>(Dialect::sqlite, url, pool_size,
                                          [path] { return std::make_unique<SqliteConn>(path); });
}

}  // namespace mdsc::db::detail
