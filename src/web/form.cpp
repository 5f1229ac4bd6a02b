#include "web/form.h"

#include "core/hex.h"

namespace mdsc::web {

std::string url_decode(std::string_view in, bool plus_as_space) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%' && i + 2 < in.size()) {
      int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += (c == '+' && plus_as_space) ? ' ' : c;
  }
  return out;
}

std::string url_encode(std::string_view in) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(in.size() * 3);
  for (unsigned char c : in) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Form Form::parse(std::string_view s) {
  Pairs pairs;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t amp = s.find('&', pos);
    if (amp == std::string_view::npos) amp = s.size();
    std::string_view part = s.substr(pos, amp - pos);
    if (!part.empty()) {
      std::size_t eq = part.find('=');
      if (eq == std::string_view::npos)
        pairs.emplace_back(url_decode(part), "");
      else
        pairs.emplace_back(url_decode(part.substr(0, eq)), url_decode(part.substr(eq + 1)));
    }
    pos = amp + 1;
  }
  return Form(std::move(pairs));
}

bool Form::has(std::string_view name) const {
  for (const auto& [k, v] : pairs_)
    if (k == name) return true;
  return false;
}

std::string Form::get(std::string_view name) const {
  for (const auto& [k, v] : pairs_)
    if (k == name) return v;
  return {};
}

std::optional<std::string> Form::opt(std::string_view name) const {
  for (const auto& [k, v] : pairs_)
    if (k == name) return v;
  return std::nullopt;
}

std::string Form::trimmed(std::string_view name) const { return trim(get(name)); }

std::vector<std::string> Form::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : pairs_)
    if (k == name) out.push_back(v);
  return out;
}

std::string trim(std::string_view s) {
  static const std::string_view ideographic_space = "\xE3\x80\x80";
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
      s.remove_prefix(1);
      changed = true;
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
      s.remove_suffix(1);
      changed = true;
    }
    if (s.substr(0, 3) == ideographic_space) {
      s.remove_prefix(3);
      changed = true;
    }
    if (s.size() >= 3 && s.substr(s.size() - 3) == ideographic_space) {
      s.remove_suffix(3);
      changed = true;
    }
  }
  return std::string(s);
}

}  // namespace mdsc::web
