#pragma once
// One unit of work per request (decision 0016): the route's handler runs inside one transaction
// (read-only for GET, a write for the others), with a Work it reaches through ctx.work(). An error
// response rolls the write back; a serialisation failure on PostgreSQL runs the handler again.
#include <functional>
#include <string>

#include "db/database.h"
#include "platform/events.h"
#include "platform/web_actor.h"
#include "platform/work.h"
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

// Runs fn(ctx) with ctx.work() set to a unit of its own (read-only, or a write), for a handler or a
// panel that runs outside the pipeline's unit (a Tx::none route, a dashboard panel rendered by a
// page that has none). Inside a unit already, fn runs in that one.
template <typename F>
auto in_unit(web::Context& ctx, bool write, F&& fn);

}  // namespace mdsc::platform

namespace mdsc::platform {

template <typename F>
auto in_unit(web::Context& ctx, bool write, F&& fn) {
  if (ctx.has_work()) return fn(ctx);
  Who who{audit::actor_of(ctx), ctx.now(), ctx.services.config.base_url};
  auto run = [&](Work& w) {
    ctx.work_ = &w;
    struct Detach {
      web::Context& ctx;
      ~Detach() { ctx.work_ = nullptr; }
    } detach{ctx};
    return fn(ctx);
  };
  return write ? write_unit(ctx.db(), who, run) : read_unit(ctx.db(), who, run);
}

}  // namespace mdsc::platform
