#include "db/pool.h"

#include <chrono>

namespace mdsc::db::detail {

// Waiting longer than this for a connection means a leak or a deadlock, not load.
constexpr auto kAcquireTimeout = std::chrono::seconds(30);

class PooledDatabase::PoolLease final : public Database::Lease {
 public:
  PoolLease(PooledDatabase& db, std::unique_ptr<NativeConn> conn) : db_(db), conn_(std::move(conn)) {
    conn_->forget_after_commit();
  }
  ~PoolLease() override {
    if (conn_->in_transaction()) conn_->rollback();
    conn_->forget_after_commit();
    db_.release(std::move(conn_));
  }
  Conn& conn() override { return *conn_; }
  void begin(bool write) override { conn_->begin(write); }
  void commit() override { conn_->commit(); }

 private:
  PooledDatabase& db_;
  std::unique_ptr<NativeConn> conn_;
};

PooledDatabase::PooledDatabase(Dialect dialect, std::string url, std::size_t size, Factory factory)
    : dialect_(dialect), url_(std::move(url)), size_(size == 0 ? 1 : size), factory_(std::move(factory)) {
  idle_.push_back(factory_());
  open_ = 1;
}

PooledDatabase::~PooledDatabase() = default;

std::unique_ptr<NativeConn> PooledDatabase::acquire() {
  std::unique_lock lock(mu_);
  if (!cv_.wait_for(lock, kAcquireTimeout, [&] { return !idle_.empty() || open_ < size_; }))
    throw Error(Error::Kind::other,
                "database: no free connection for 30 s (pool of " + std::to_string(size_) +
                    "; a transaction leaked, or one waits on another?)");
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return conn;
  }
  ++open_;
  lock.unlock();
  try {
    return factory_();  // outside the lock: connecting to PG takes milliseconds
  } catch (...) {
    lock.lock();
    --open_;
    cv_.notify_one();
    throw;
  }
}

void PooledDatabase::release(std::unique_ptr<NativeConn> conn) noexcept {
  bool keep = !conn->broken() && !conn->in_transaction();
  if (!keep) conn.reset();  // close outside the lock
  std::lock_guard lock(mu_);
  if (keep) {
    idle_.push_back(std::move(conn));
  } else {
    --open_;
  }
  cv_.notify_one();
}

// A connection outside any transaction, for ping and backup.
struct PooledDatabase::Leased {
  explicit Leased(PooledDatabase& d) : db(d), conn(d.acquire()) {}
  ~Leased() { db.release(std::move(conn)); }
  PooledDatabase& db;
  std::unique_ptr<NativeConn> conn;
};

std::unique_ptr<Database::Lease> PooledDatabase::lease() {
  return std::make_unique<PoolLease>(*this, acquire());
}

bool PooledDatabase::ping() {
  try {
    Leased c(*this);
    return c.conn->ping();
  } catch (const std::exception&) {
    return false;
  }
}

bool PooledDatabase::backup_to(const std::string& path) {
  Leased c(*this);
  return c.conn->backup_to(path);
}

}  // namespace mdsc::db::detail
