#pragma once
// A unit of work: the one transaction a request (or a command, or a job) makes its changes in,
// with who acts, when, and the site's address for links. Operations take it first and never open
// transactions of their own; the request pipeline opens it (decision 0016).
//
//   Result<std::int64_t> create_course(Work& w, Course c);   // validates, writes, audits, publishes
//
// Everything an operation does through it happens with the transaction or not at all: the audit
// entry, the mails (queued in the outbox, sent after the commit) and the events' subscribers.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/mail.h"
#include "core/result.h"
#include "db/database.h"
#include "nlohmann/json.hpp"
#include "platform/audit.h"
#include "platform/events.h"

namespace mdsc {

struct Work {
  db::Conn& conn;
  audit::Actor actor;
  std::int64_t now = 0;
  std::string base_url;           // "https://mdsc.example.jp", for links in mails
  const events::Bus* bus = nullptr;
  const std::function<void()>* on_mail = nullptr;  // after the commit of a change that queued mail

  // Appends the change to the audit log (field by field, before and after).
  void audit(std::string_view action, std::string_view entity, std::string_view entity_id,
             const nlohmann::json& before, const nlohmann::json& after) const;
  void audit(std::string_view action, std::string_view entity, std::int64_t entity_id, const nlohmann::json& before,
             const nlohmann::json& after) const {
    audit(action, entity, std::to_string(entity_id), before, after);
  }
  // Queues a mail in the outbox; it leaves after the commit, never for a change rolled back.
  void mail(const mail::Message& m) const;
  // Runs the subscribers of E now, in this transaction: one that throws rolls the whole change back.
  template <typename E>
  void publish(const E& event) {
    if (bus) bus->publish(*this, event);
  }
};

// Who acts and when, for a unit of work opened outside a request (commands, jobs, tests).
struct Who {
  audit::Actor actor;
  std::int64_t now = 0;
  std::string base_url;
  const events::Bus* bus = nullptr;
  const std::function<void()>* on_mail = nullptr;
};

namespace work_detail {
template <typename R>
bool refused(const R& r) {
  if constexpr (std::is_same_v<R, Status>) return !r.is_ok();
  else if constexpr (requires { r.status(); r.is_ok(); }) return !r.is_ok();
  else return false;
}
struct RolledBack {};  // not a std::exception: the database's retry loop lets it through
}  // namespace work_detail

// Runs fn(Work&) in one write transaction. A Status or Result that is not ok rolls it back (a
// refused change leaves nothing behind, whatever it wrote before it was refused) and is returned.
template <typename F>
auto write_unit(db::Database& db, const Who& who, F&& fn) -> std::invoke_result_t<F, Work&> {
  using R = std::invoke_result_t<F, Work&>;
  if constexpr (std::is_void_v<R>) {
    db.write([&](db::Conn& c) {
      Work w{c, who.actor, who.now, who.base_url, who.bus, who.on_mail};
      fn(w);
    });
  } else {
    std::optional<R> refusal;
    try {
      return db.write([&](db::Conn& c) -> R {
        Work w{c, who.actor, who.now, who.base_url, who.bus, who.on_mail};
        R r = fn(w);
        if (work_detail::refused(r)) {
          refusal.emplace(std::move(r));
          throw work_detail::RolledBack{};
        }
        return r;
      });
    } catch (const work_detail::RolledBack&) {
      return std::move(*refusal);
    }
  }
}

// Runs fn(Work&) in a read-only transaction (a write in it fails, on both databases).
template <typename F>
auto read_unit(db::Database& db, const Who& who, F&& fn) -> std::invoke_result_t<F, Work&> {
  return db.read([&](db::Conn& c) {
    Work w{c, who.actor, who.now, who.base_url, who.bus, who.on_mail};
    return fn(w);
  });
}

}  // namespace mdsc
