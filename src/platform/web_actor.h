#pragma once
#include "platform/audit.h"
#include "web/context.h"

namespace mdsc::audit {

// The actor of a web request: the signed-in user, or "anonymous".
inline Actor actor_of(const web::Context& ctx) {
  if (ctx.user) return Actor{ctx.user->user_id, "user:" + std::to_string(ctx.user->user_id), ctx.req.request_id};
  return Actor{0, "anonymous", ctx.req.request_id};
}

}  // namespace mdsc::audit
