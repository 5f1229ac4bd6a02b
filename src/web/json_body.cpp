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

int json_int(const nlohmann::json& j, const char* key, Status& st) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return 0;
  if (!it->is_number_integer()) {
    st.field(key, "validation.number");
    return 0;
  }
  return it->get<int>();
}

std::string json_text(const nlohmann::json& j, const char* key, Status& st) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (!it->is_string()) {
    st.field(key, "validation.invalid_input");
    return "";
  }
  return it->get<std::string>();
}

bool json_flag(const nlohmann::json& j, const char* key, bool dflt) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() ? it->get<bool>() : dflt;
}

}  // namespace mdsc::web
