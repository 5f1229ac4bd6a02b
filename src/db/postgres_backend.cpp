// PostgreSQL: one libpq connection per pooled Conn. Each distinct SQL text is prepared once per
// connection (PQprepare) and then executed by name, which saves the server a parse and plan per
// query. Parameters go as untyped text, so the server infers their types from the context, as
// SQLite's dynamic typing does; results come back as text and are typed by column type (see
// database.h for the mapping).
#include <libpq-fe.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>

#include "db/backends.h"
#include "db/internal.h"
#include "db/pool.h"
#include "db/soci_session.h"

namespace mdsc::db::detail {
namespace {

// Prepared statements kept per connection; beyond this they are all deallocated and re-prepared.
constexpr std::size_t kMaxCached = 512;

// Built-in type OIDs (src/include/catalog/pg_type.dat; fixed since forever).
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700,
              kFloat8 = 701, kNumeric = 1700;

enum class ColKind : char { integer, boolean, real, numeric, text };

ColKind col_kind(Oid t) {
  switch (t) {
    case kInt8:
    case kInt4:
    case kInt2:
    case kOid:
      return ColKind::integer;
    case kBool:
      return ColKind::boolean;
    case kFloat4:
    case kFloat8:
      return ColKind::real;
    case kNumeric:
      return ColKind::numeric;
    default:
      return ColKind::text;
  }
}

struct ResultCloser {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultCloser>;

Error::Kind kind_of(const char* state) {
  if (!state) return Error::Kind::other;
  std::string_view s(state);
  if (s == "23505") return Error::Kind::unique_violation;
  if (s == "23503") return Error::Kind::foreign_key_violation;
  if (s == "23514") return Error::Kind::check_violation;
  if (s == "40001" || s == "40P01" || s == "55P03") return Error::Kind::busy;
  return Error::Kind::other;
}

// Only the primary message: DETAIL lines quote the offending values (personal data).
Error error_from(PGconn* conn, const PGresult* r, std::string_view sql) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string msg = "postgresql: ";
  msg += primary ? primary : PQerrorMessage(conn);
  if (state) msg += std::string(" [") + state + "]";
  return Error(kind_of(state), describe(msg, sql));
}

double parse_double(const char* p, int len) {
  double d = 0;
  std::from_chars(p, p + len, d);  // also reads inf, infinity and nan, as PG prints them
  return d;
}

Value decode(ColKind kind, const char* p, int len) {
  switch (kind) {
    case ColKind::integer: {
      std::int64_t i = 0;
      std::from_chars(p, p + len, i);
      return Value(std::in_place_type<std::int64_t>, i);
    }
    case ColKind::boolean:
      return Value(std::in_place_type<std::int64_t>, len > 0 && p[0] == 't' ? 1 : 0);
    case ColKind::real:
      return Value(std::in_place_type<double>, parse_double(p, len));
    case ColKind::numeric: {
      // Whole numbers (SUM/COUNT over bigint come back as numeric) read as integers, as on SQLite.
      std::int64_t i = 0;
      auto [end, ec] = std::from_chars(p, p + len, i);
      if (ec == std::errc() && end == p + len) return Value(std::in_place_type<std::int64_t>, i);
      return Value(std::in_place_type<double>, parse_double(p, len));
    }
    case ColKind::text:
      break;
  }
  return Value(std::in_place_type<std::string>, p, static_cast<std::size_t>(len));
}

class PgConn final : public NativeConn {
 public:
  explicit PgConn(const std::string& conninfo) : soci_(open_postgresql_session(conninfo, &pg_)) {
    // NOTICEs (e.g. "already exists, skipping") would go to stderr.
    PQsetNoticeProcessor(pg_, [](void*, const char*) {}, nullptr);
    // Read "transactions" send no BEGIN/COMMIT: under READ COMMITTED each statement takes its own
    // snapshot anyway, so they would only cost two round trips of a page's five. Statements
    // outside write() still cannot write.
    Result r(PQexec(pg_, "SET default_transaction_read_only = on"));
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) throw error_from(pg_, r.get(), "SET");
  }

  Dialect dialect() const override { return Dialect::postgresql; }

  std::int64_t exec(const std::string& sql, const Params& params) override {
    Result r = run(sql, params);
    const char* n = PQcmdTuples(r.get());
    std::int64_t count = 0;
    std::from_chars(n, n + std::strlen(n), count);
    return count;
  }

  std::vector<Row> query(const std::string& sql, const Params& params) override {
    Stmt* s = nullptr;
    Result r = run(sql, params, &s);
    int nrows = PQntuples(r.get());
    int ncols = PQnfields(r.get());
    if (!s->names || static_cast<int>(s->names->size()) != ncols) {
      auto names = std::make_shared<std::vector<std::string>>();
      for (int c = 0; c < ncols; ++c) names->emplace_back(PQfname(r.get(), c));
      s->names = std::move(names);
    }
    kinds_.resize(static_cast<std::size_t>(ncols));
    for (int c = 0; c < ncols; ++c) kinds_[static_cast<std::size_t>(c)] = col_kind(PQftype(r.get(), c));

    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(nrows));
    for (int i = 0; i < nrows; ++i) {
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(ncols));
      for (int c = 0; c < ncols; ++c) {
        if (PQgetisnull(r.get(), i, c)) {
          values.emplace_back(Null{});
        } else {
          values.push_back(decode(kinds_[static_cast<std::size_t>(c)], PQgetvalue(r.get(), i, c),
                                  PQgetlength(r.get(), i, c)));
        }
      }
      rows.emplace_back(s->names, std::move(values));
    }
    return rows;
  }

  void exec_script(const std::string& sql) override {
    Result r(PQexec(pg_, sql.c_str()));
    auto st = PQresultStatus(r.get());
    // EMPTY_QUERY: a script that is all comments, e.g. a file with nothing for this dialect.
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
      throw error_from(pg_, r.get(), "script");
  }

  void begin(bool write) override {
    if (cache_.size() > kMaxCached) {
      Result r(PQexec(pg_, "DEALLOCATE ALL"));
      cache_.clear();
    }
    writing_ = write;
    if (!write) return;
    Result r(PQexec(pg_, "BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE"));
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
      // Nothing has happened yet, so a connection that died while idle in the pool (server
      // restart) is worth another try on a fresh one: report it as transient.
      if (broken())
        throw Error(Error::Kind::busy, std::string("postgresql: connection lost: ") +
                                           PQerrorMessage(pg_));
      throw error_from(pg_, r.get(), "BEGIN");
    }
  }

  void commit() override {
    if (!writing_) return;
    writing_ = false;
    Result r(PQexec(pg_, "COMMIT"));
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) throw error_from(pg_, r.get(), "COMMIT");
    // COMMIT of a transaction that already failed succeeds and says ROLLBACK: caller swallowed
    // an error, so the work is lost and they must know.
    if (std::strcmp(PQcmdStatus(r.get()), "COMMIT") != 0)
      throw Error(Error::Kind::other,
                  "postgresql: transaction had failed (an error was caught and ignored); rolled back");
  }

  void rollback() noexcept override {
    writing_ = false;
    if (!in_transaction()) return;
    Result r(PQexec(pg_, "ROLLBACK"));
  }

  bool in_transaction() const override {
    switch (PQtransactionStatus(pg_)) {
      case PQTRANS_INTRANS:
      case PQTRANS_INERROR:
      case PQTRANS_ACTIVE:
        return true;
      default:
        return false;
    }
  }

  bool broken() const override { return PQstatus(pg_) != CONNECTION_OK; }

  bool ping() override {
    Result r(PQexec(pg_, "SELECT 1"));
    return PQresultStatus(r.get()) == PGRES_TUPLES_OK;
  }

 private:
  struct Stmt {
    std::string name;
    int nparams = 0;
    std::shared_ptr<const std::vector<std::string>> names;
  };

  Stmt& prepare(const std::string& sql) {
    if (auto it = cache_.find(sql); it != cache_.end()) return it->second;
    Stmt s;
    s.name = "mdsc_" + std::to_string(++prepared_);
    std::string text = rewrite_placeholders(sql, "$", &s.nparams);
    Result r(PQprepare(pg_, s.name.c_str(), text.c_str(), 0, nullptr));
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) throw error_from(pg_, r.get(), sql);
    return cache_.emplace(sql, std::move(s)).first->second;
  }

  Result run(const std::string& sql, const Params& params, Stmt** stmt = nullptr) {
    Stmt& s = prepare(sql);
    if (s.nparams != static_cast<int>(params.size()))
      throw Error(Error::Kind::other,
                  describe("postgresql: statement takes " + std::to_string(s.nparams) +
                               " parameters, given " + std::to_string(params.size()),
                           sql));
    values_.resize(params.size());
    numbers_.resize(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) values_[i] = text_of(params[i].v, numbers_[i]);
    Result r(PQexecPrepared(pg_, s.name.c_str(), s.nparams, values_.data(), nullptr, nullptr, 0));
    auto st = PQresultStatus(r.get());
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) throw error_from(pg_, r.get(), sql);
    if (stmt) *stmt = &s;
    return r;
  }

  // Text form of a parameter; numbers are printed into buf, strings used in place.
  static const char* text_of(const Value& v, std::array<char, 32>& buf) {
    if (const auto* s = std::get_if<std::string>(&v)) return s->c_str();
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
      *std::to_chars(buf.data(), buf.data() + buf.size() - 1, *i).ptr = '\0';
      return buf.data();
    }
    if (const auto* d = std::get_if<double>(&v)) {
      if (std::isnan(*d)) return "NaN";
      if (std::isinf(*d)) return *d > 0 ? "Infinity" : "-Infinity";
      // Shortest form that reads back as the same double.
      *std::to_chars(buf.data(), buf.data() + buf.size() - 1, *d).ptr = '\0';
      return buf.data();
    }
    return nullptr;  // NULL
  }

  pg_conn* pg_ = nullptr;  // before soci_: its initialiser sets it
  SociSession soci_;
  std::unordered_map<std::string, Stmt> cache_;
  std::uint64_t prepared_ = 0;
  bool writing_ = false;
  // Scratch space reused by every statement, so a query allocates nothing for its parameters.
  std::vector<const char*> values_;
  std::vector<std::array<char, 32>> numbers_;
  std::vector<ColKind> kinds_;
};

}  // namespace

std::unique_ptr<Database> open_postgresql(const std::string& conninfo, const std::string& url,
                                          std::size_t pool_size) {
  return std::make_unique<PooledDatabase>(Dialect::postgresql, url, pool_size, [conninfo] {
    return std::make_unique<PgConn>(conninfo);
  });
}

}  // namespace mdsc::db::detail
