#pragma once
// Reading an API request's JSON body: one object, or a 400 that says so.
#include <optional>
#include <string>

#include "core/result.h"
#include "http/message.h"
#include "nlohmann/json.hpp"
#include "web/context.h"

namespace mdsc::web {

// The body as a JSON object; nullopt when it is not valid JSON or not an object.
std::optional<nlohmann::json> body_json(const Context& ctx);
// 400 error.bad_json, in the API's error format.
http::Response bad_json(Context& ctx);

// A member of a JSON object, or `dflt` when it is absent or of another type: a wrongly typed
// value is treated as missing, never thrown at the caller as a 500.
std::string json_text(const nlohmann::json& j, const char* key, const std::string& dflt = "");
std::int64_t json_int(const nlohmann::json& j, const char* key, std::int64_t dflt = 0);
bool json_flag(const nlohmann::json& j, const char* key, bool dflt);

// Strict readers: absent or null gives 0 or ""; a value of another type is a field error in `st`
// (validation.number, validation.invalid_input) rather than taken as absent.
int json_int(const nlohmann::json& j, const char* key, Status& st);
std::string json_text(const nlohmann::json& j, const char* key, Status& st);

}  // namespace mdsc::web
