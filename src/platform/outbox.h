#pragma once
// Transactional outbox: a change queues its e-mails in the same transaction (so nothing is sent
// for a change that rolled back), and the dispatcher delivers them after the commit. Delivery
// claims each row atomically, so several server instances never send one message twice.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/mail.h"
#include "db/database.h"
#include "platform/entity_fwd.h"

namespace mdsc::mail {

void enqueue(db::Conn& conn, const Message& m, std::int64_t now);

// A queued message as the secretariat's outbox list shows it (the body stays in the table).
struct OutboxEntry {
  std::int64_t id = 0;
  std::string to_addr;
  std::string subject;
  std::int64_t created_at = 0;
  std::string status;  // pending, sending, sent, failed
  std::int64_t attempts = 0;
  std::int64_t sent_at = 0;  // 0 until sent

  static const entity::Table<OutboxEntry>& table();  // its fields, described once
};
const std::vector<std::string>& outbox_statuses();
// Newest first; `status` "" for every status.
std::vector<OutboxEntry> list_outbox(db::Conn& conn, const std::string& status, long limit, long offset);
long count_outbox(db::Conn& conn, const std::string& status);

// Delivers due messages; returns how many were sent. Failures are retried with backoff.
int deliver_pending(db::Database& db, Mailer& mailer, std::int64_t now, int max = 100);

// A background thread that delivers after each wake() and every `interval` otherwise.
class Dispatcher {
 public:
  Dispatcher(db::Database& db, Mailer& mailer, const Clock& clock,
             std::chrono::seconds interval = std::chrono::seconds(30));
  ~Dispatcher();
  void start();
  void wake();
  void stop();

 private:
  void loop();
  db::Database& db_;
  Mailer& mailer_;
  const Clock& clock_;
  std::chrono::seconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool woken_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace mdsc::mail
