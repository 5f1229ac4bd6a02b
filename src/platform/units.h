#pragma once
// One unit of work per request (decision 0016): the route's handler runs inside one transaction
// (read-only for GET, a write for the others), with a Work it reaches through ctx.work(). An error
// response rolls the write back; a serialisation failure on PostgreSQL runs the handler again.
#include <functional>
#include <string>

#include "db/database.h"
#include "platform/events.h"
#include "web/context.h"
#include "web/services.h"

namespace mdsc::platform {

class Units final : public web::UnitRunner {
 public:
  // on_mail: called after a commit that queued mail (wakes this instance's dispatcher).
  Units(db::Database& db, std::string base_url, const events::Bus& bus, std::function<void()> on_mail)
      : db_(db), base_url_(std::move(base_url)), bus_(bus), on_mail_(std::move(on_mail)) {}
  http::Response run(web::Context& ctx, bool write) override;

 private:
  db::Database& db_;
  std::string base_url_;
  const events::Bus& bus_;
  std::function<void()> on_mail_;
};

}  // namespace mdsc::platform
