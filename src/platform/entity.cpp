#include "platform/entity.h"

#include <charconv>

#include "core/clock.h"
#include "web/text.h"

namespace mdsc::entity::detail {
namespace {

// Lists are stored as one comma-separated text column ("common,bigdata_medicine").
std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ",") + x;
  return out;
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    auto comma = s.find(',', pos);
    if (comma == std::string::npos) comma = s.size();
    if (comma > pos) out.push_back(s.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return out;
}

std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

std::size_t chars(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

db::Param to_param(const std::string& v, bool null_when_empty) {
  return null_when_empty && v.empty() ? db::Param(nullptr) : db::Param(v);
}
db::Param to_param(std::int64_t v, bool null_when_empty) {
  return null_when_empty && v == 0 ? db::Param(nullptr) : db::Param(v);
}
db::Param to_param(const std::vector<std::string>& v, bool null_when_empty) {
  return null_when_empty && v.empty() ? db::Param(nullptr) : db::Param(join(v));
}

db::Param to_param(int v, bool) { return db::Param(static_cast<std::int64_t>(v)); }

db::Param to_param(bool v, bool) { return db::Param(static_cast<std::int64_t>(v)); }

db::Param to_param(const std::optional<std::int64_t>& v, bool) { return v ? db::Param(*v) : db::Param(nullptr); }

void read_value(const db::Row& r, std::string_view column, std::string& out) { out = r.str(column); }
void read_value(const db::Row& r, std::string_view column, std::int64_t& out) { out = r.i64(column); }
void read_value(const db::Row& r, std::string_view column, int& out) { out = static_cast<int>(r.i64(column)); }
void read_value(const db::Row& r, std::string_view column, bool& out) { out = r.boolean(column); }
void read_value(const db::Row& r, std::string_view column, std::optional<std::int64_t>& out) {
  out = r.opt_i64(column);
}
void read_value(const db::Row& r, std::string_view column, std::vector<std::string>& out) {
  out = split(r.str(column));
}

nlohmann::json json_of(const std::string& v, bool null_when_empty) {
  return null_when_empty && v.empty() ? nlohmann::json() : nlohmann::json(v);
}
nlohmann::json json_of(std::int64_t v, bool null_when_empty) {
  return null_when_empty && v == 0 ? nlohmann::json() : nlohmann::json(v);
}
nlohmann::json json_of(int v, bool null_when_empty) { return json_of(static_cast<std::int64_t>(v), null_when_empty); }
nlohmann::json json_of(bool v, bool) { return v; }
nlohmann::json json_of(const std::optional<std::int64_t>& v, bool) { return v ? nlohmann::json(*v) : nlohmann::json(); }
nlohmann::json json_of(const std::vector<std::string>& v, bool) { return v; }

bool assign(const nlohmann::json& j, std::string& out) {
  if (j.is_null()) return out.clear(), true;
  if (!j.is_string()) return false;
  out = web::trim(j.get<std::string>());
  return true;
}
bool assign(const nlohmann::json& j, std::int64_t& out) {
  if (j.is_null()) return out = 0, true;
  if (!j.is_number_integer()) return false;
  out = j.get<std::int64_t>();
  return true;
}
bool assign(const nlohmann::json& j, int& out) {
  std::int64_t v = 0;
  if (!assign(j, v) || v < INT32_MIN || v > INT32_MAX) return false;
  out = static_cast<int>(v);
  return true;
}
bool assign(const nlohmann::json& j, bool& out) {
  if (!j.is_boolean()) return false;
  out = j.get<bool>();
  return true;
}
bool assign(const nlohmann::json& j, std::optional<std::int64_t>& out) {
  if (j.is_null()) return out.reset(), true;
  if (!j.is_number_integer()) return false;
  out = j.get<std::int64_t>();
  return true;
}
bool assign(const nlohmann::json& j, std::vector<std::string>& out) {
  if (!j.is_array()) return false;
  std::vector<std::string> v;
  for (const auto& x : j) {
    if (!x.is_string()) return false;
    v.push_back(x.get<std::string>());
  }
  out = std::move(v);
  return true;
}

bool parse(const web::Form& form, std::string_view name, std::string& out) {
  out = form.trimmed(name);
  return true;
}
bool parse(const web::Form& form, std::string_view name, std::int64_t& out) {
  auto text = form.trimmed(name);
  if (text.empty()) return out = 0, true;
  auto n = whole_number(text);
  if (!n) return false;
  out = *n;
  return true;
}
bool parse(const web::Form& form, std::string_view name, int& out) {
  std::int64_t v = 0;
  if (!parse(form, name, v) || v < INT32_MIN || v > INT32_MAX) return false;
  out = static_cast<int>(v);
  return true;
}
bool parse(const web::Form& form, std::string_view name, bool& out) {
  out = form.get(name) == "1";
  return true;
}
bool parse(const web::Form& form, std::string_view name, std::optional<std::int64_t>& out) {
  auto text = form.trimmed(name);
  if (text.empty()) return out.reset(), true;
  auto n = whole_number(text);
  if (!n) return false;
  out = *n;
  return true;
}
bool parse(const web::Form& form, std::string_view name, std::vector<std::string>& out) {
  out = form.all(name);
  return true;
}

std::string iso(std::int64_t unix_seconds) { return to_iso_utc(unix_seconds); }
bool parse_instant(const nlohmann::json& j, std::int64_t& out) {
  if (j.is_null()) return out = 0, true;
  return j.is_string() && parse_iso_utc(j.get<std::string>(), out);
}

std::string text_of(const std::string& v) { return v; }
std::string text_of(std::int64_t v) { return std::to_string(v); }
std::string text_of(int v) { return std::to_string(v); }
std::string text_of(bool v) { return v ? "1" : ""; }
std::string text_of(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : ""; }
std::string text_of(const std::vector<std::string>& v) { return join(v); }

FieldError check_text(const std::string& v, bool required, std::size_t max_chars, const std::vector<std::string>* choices,
                      Check extra) {
  if (v.empty()) return {required ? "validation.required" : "", {}};
  if (max_chars && chars(v) > max_chars) return {"validation.longer_than", {{"max", std::to_string(max_chars)}}};
  if (choices) {
    bool known = false;
    for (const auto& c : *choices) known = known || c == v;
    if (!known) return {"validation.choice", {}};
  }
  if (extra) return {extra(v), {}};
  return {};
}

FieldError check_number(std::int64_t v, bool required, std::int64_t lo, std::int64_t hi) {
  if (required && v == 0) return {"validation.required", {}};
  if (v < lo) return {lo == 0 ? "validation.not_negative" : "validation.too_small", {{"min", std::to_string(lo)}}};
  if (v > hi) return {"validation.too_large", {{"max", std::to_string(hi)}}};
  return {};
}

}  // namespace mdsc::entity::detail
