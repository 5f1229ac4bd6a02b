#pragma once
#include "platform/audit.h"
#include "platform/work.h"
#include "web/context.h"
#include "web/services.h"

namespace mdsc::audit {

// The actor of a web request: the signed-in user, or "anonymous".
inline Actor actor_of(const web::Context& ctx) {
  if (ctx.user) return Actor{ctx.user->user_id, "user:" + std::to_string(ctx.user->user_id), ctx.req.request_id};
  return Actor{0, "anonymous", ctx.req.request_id};
}

}  // namespace mdsc::audit

namespace mdsc {

// Who acts in a route that opens its own units of work (Tx::none: slow work such as a password
// check or the solver stays outside the write transaction; a refusal that must still be counted);
// mail it queues wakes the dispatcher after the commit.
inline Who who_of(const web::Context& ctx) {
  return Who{audit::actor_of(ctx), ctx.now(), ctx.services.config.base_url, nullptr, &ctx.services.after_commit};
}

}  // namespace mdsc
