#pragma once
// The connection pool shared by both backends.
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "db/database.h"

namespace mdsc::db::detail {

// One physical connection. Used by one transaction at a time; the pool serialises access.
class NativeConn : public Conn {
 public:
  virtual void begin(bool write) = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;  // best effort: the connection may be gone
  virtual bool in_transaction() const = 0;
  // True once the connection is unusable (lost server); the pool then drops it.
  virtual bool broken() const = 0;
  virtual bool ping() = 0;
  virtual bool backup_to(const std::string&) { return false; }
  void forget_after_commit() { discard_after_commit(); }
};

class PooledDatabase final : public Database {
 public:
  using Factory = std::function<std::unique_ptr<NativeConn>()>;
  // Opens the first connection at once, so that a bad URL or a server that is down fails here.
  PooledDatabase(Dialect dialect, std::string url, std::size_t size, Factory factory);
  ~PooledDatabase() override;

  Dialect dialect() const override { return dialect_; }
  const std::string& url() const override { return url_; }
  bool ping() override;
  bool backup_to(const std::string& path) override;

 protected:
  std::unique_ptr<Lease> lease() override;

 private:
  class PoolLease;
  struct Leased;
  std::unique_ptr<NativeConn> acquire();
  void release(std::unique_ptr<NativeConn> conn) noexcept;

  Dialect dialect_;
  std::string url_;
  std::size_t size_;
  Factory factory_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<NativeConn>> idle_;
  std::size_t open_ = 0;  // idle + leased + being opened
};

}  // namespace mdsc::db::detail
