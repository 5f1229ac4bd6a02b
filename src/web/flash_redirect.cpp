#include "web/flash_redirect.h"

#include <utility>

#include "web/render.h"

namespace mdsc::web {

http::Response redirect_with_success(Context& ctx, std::string message_id, std::string location) {
  ctx.flash_next("success", std::move(message_id));
  return redirect(ctx, std::move(location));
}

}  // namespace mdsc::web
