#include "app/demo_mail.h"

#include <spdlog/spdlog.h>

#include <string>

#include "core/mail.h"
#include "platform/outbox.h"

namespace mdsc::app {
namespace {

// A relay in the past: what it accepted was delivered long ago, so it is not written anywhere.
class DemoRelay final : public mail::Mailer {
 public:
  bool send(const mail::Message& m) override {
    const std::string domain = kDemoBouncingDomain;
    return m.to.size() < domain.size() || m.to.compare(m.to.size() - domain.size(), domain.size(), domain) != 0;
  }
};

}  // namespace

void deliver_demo_mail(db::Database& db, std::int64_t until) {
  DemoRelay relay;
  // The outbox logs each refused attempt; in the demo's history that is noise, not news.
  const auto level = spdlog::get_level();
  spdlog::set_level(spdlog::level::err);
  try {
    // Each round delivers what is due at the earliest time anything is due (retries back off up to
    // an hour, ten attempts at most), so the rounds are few and each delivers or gives up on one.
    for (;;) {
      const auto next = db.read([](db::Conn& c) {
        return c.scalar_i64("SELECT COALESCE(MIN(next_attempt_at), -1) FROM mail_outbox WHERE status = 'pending'");
      });
      if (next < 0 || next > until) break;
      mail::deliver_pending(db, relay, next, 1000);
    }
  } catch (...) {
    spdlog::set_level(level);
    throw;
  }
  spdlog::set_level(level);
}

}  // namespace mdsc::app
