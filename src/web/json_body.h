#pragma once
// Reading an API request's JSON body: one object, or a 400 that says so.
#include <optional>
#include <string>

#include "http/message.h"
#include "nlohmann/json.hpp"
#include "web/context.h"

namespace mdsc::web {

// The body as a JSON object; nullopt when it is not valid JSON or not an object.
std::optional<nlohmann::json> body_json(const Context& ctx);
// 400 error.bad_json, in the API's error format.
http::Response bad_json(Context& ctx);

}  // namespace mdsc::web
