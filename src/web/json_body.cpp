#include "web/json_body.h"

#include "web/render.h"

namespace mdsc::web {

std::optional<nlohmann::json> body_json(const Context& ctx) {
  auto j = nlohmann::json::parse(ctx.req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  return j;
}

http::Response bad_json(Context& ctx) { return error(ctx, Status(Code::invalid, "error.bad_json")); }

std::string json_text(const nlohmann::json& j, const char* key, const std::string& dflt) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : dflt;
}

std::int64_t json_int(const nlohmann::json& j, const char* key, std::int64_t dflt) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : dflt;
}

bool json_flag(const nlohmann::json& j, const char* key, bool dflt) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() ? it->get<bool>() : dflt;
}

}  // namespace mdsc::web
