#include "web/json_body.h"

#include "web/render.h"

namespace mdsc::web {

std::optional<nlohmann::json> body_json(const Context& ctx) {
  auto j = nlohmann::json::parse(ctx.req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  return j;
}

http::Response bad_json(Context& ctx) { return error(ctx, Status(Code::invalid, "error.bad_json")); }

}  // namespace mdsc::web
