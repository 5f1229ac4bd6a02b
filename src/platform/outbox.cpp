#include "platform/outbox.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/crypto.h"
#include "platform/entity.h"

namespace mdsc {

using entity::Table, entity::field, entity::columns;

const entity::Table<mail::OutboxEntry>& mail::OutboxEntry::table() {
  using E = mail::OutboxEntry;
  static const Table<E> t{
      "mail",
      {field<&E::id>().key(), columns<&E::to_addr, &E::subject>(), field<&E::created_at>().instant(),
       columns<&E::status, &E::attempts>(), field<&E::sent_at>().null_in_db().instant()}};
  return t;
}

}  // namespace mdsc

namespace mdsc::mail {

void enqueue(db::Conn& conn, const Message& m, std::int64_t now) {
  std::string id = m.message_id.empty() ? crypto::random_token(16) : m.message_id;
  conn.exec(
      "INSERT INTO mail_outbox (message_id, to_addr, subject, body, created_at, status, attempts, "
      "next_attempt_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?)",
      {id, m.to, m.subject, m.text_body, now, now});
}

const std::vector<std::string>& outbox_statuses() {
  static const std::vector<std::string> s{"pending", "sending", "sent", "failed"};
  return s;
}

std::vector<OutboxEntry> list_outbox(db::Conn& conn, const std::string& status, long limit, long offset) {
  db::Params params;
  if (!status.empty()) params.emplace_back(status);
  params.emplace_back(static_cast<std::int64_t>(limit));
  params.emplace_back(static_cast<std::int64_t>(offset));
  return entity::from_rows<OutboxEntry>(
      conn.query(std::string("SELECT id, to_addr, subject, created_at, status, attempts, sent_at FROM mail_outbox") +
                     (status.empty() ? "" : " WHERE status = ?") + " ORDER BY id DESC LIMIT ? OFFSET ?",
                 params));
}

long count_outbox(db::Conn& conn, const std::string& status) {
  if (status.empty()) return conn.scalar_i64("SELECT COUNT(*) FROM mail_outbox");
  return conn.scalar_i64("SELECT COUNT(*) FROM mail_outbox WHERE status = ?", {status});
}

int deliver_pending(db::Database& db, Mailer& mailer, std::int64_t now, int max) {
  auto due = db.read([&](db::Conn& c) {
    return c.query(
        "SELECT id, message_id, to_addr, subject, body, attempts FROM mail_outbox "
        "WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
        {now, max});
  });
  int sent = 0;
  for (const auto& row : due) {
    std::int64_t id = row.i64("id");
    // Claim: only one instance wins the row, and the attempt is counted in the same statement.
    auto claim = db.write([&](db::Conn& c) {
      return c.query_one(
          "UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = ? "
          "WHERE id = ? AND status = 'pending' AND next_attempt_at <= ? RETURNING attempts",
          {now + 300, id, now});
    });
    if (!claim) continue;
    Message m{row.str("to_addr"), row.str("subject"), row.str("body"), row.str("message_id")};
    bool ok = false;
    try {
      ok = mailer.send(m);
    } catch (const std::exception& e) {
      spdlog::warn("mail {} delivery threw: {}", id, e.what());
    }
    const std::int64_t attempts = claim->i64("attempts");
    // Only while the claim is still ours: after it expired another instance may own the row.
    db.write([&](db::Conn& c) {
      if (ok) {
        c.exec("UPDATE mail_outbox SET status = 'sent', sent_at = ? WHERE id = ? AND status = 'sending'", {now, id});
      } else {
        std::int64_t backoff = std::min<std::int64_t>(3600, 60LL << std::min<std::int64_t>(attempts, 6));
        c.exec("UPDATE mail_outbox SET status = ?, next_attempt_at = ? WHERE id = ? AND status = 'sending'",
               {attempts >= 10 ? "failed" : "pending", now + backoff, id});
      }
    });
    if (ok)
      ++sent;
    else
      spdlog::warn("mail {} not delivered (attempt {})", id, attempts);
  }
  // Rows left in 'sending' by an instance that died are retried once their claim expires.
  db.write([&](db::Conn& c) {
    c.exec("UPDATE mail_outbox SET status = 'pending' WHERE status = 'sending' AND next_attempt_at < ?", {now});
  });
  return sent;
}

Dispatcher::Dispatcher(db::Database& db, Mailer& mailer, const Clock& clock, std::chrono::seconds interval)
    : db_(db), mailer_(mailer), clock_(clock), interval_(interval) {}

Dispatcher::~Dispatcher() { stop(); }

void Dispatcher::start() {
  thread_ = std::thread([this] { loop(); });
}

void Dispatcher::wake() {
  {
    std::lock_guard lock(mu_);
    woken_ = true;
  }
  cv_.notify_one();
}

void Dispatcher::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void Dispatcher::loop() {
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, interval_, [this] { return woken_ || stopping_; });
      woken_ = false;
    }
    bool last = false;
    {
      std::lock_guard lock(mu_);
      last = stopping_;
    }
    try {
      // A full batch means more may be waiting (a change that mailed a whole course): carry on.
      constexpr int kBatch = 100;
      while (deliver_pending(db_, mailer_, clock_.now_unix(), kBatch) == kBatch) {
      }
    } catch (const std::exception& e) {
      spdlog::warn("mail dispatcher: {}", e.what());
    }
    if (last) return;  // one final delivery so mails of the last requests are not held back
  }
}

}  // namespace mdsc::mail
