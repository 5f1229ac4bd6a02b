#include "web/templates.h"

#include <kainjow/mustache.hpp>

#include <memory>
#include <regex>
#include <stdexcept>
#include <unordered_map>

#include "core/i18n.h"
#include "core/resources.h"

namespace mdsc::web {
namespace mstch = kainjow::mustache;

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '{': out += "&#123;"; break;  // translations must never open a mustache tag
      case '}': out += "&#125;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

constexpr std::string_view kOpenT = "{{#t}}";
constexpr std::string_view kCloseT = "{{/t}}";

std::string load_source(std::string_view name) {
  auto text = resources::read("templates/" + std::string(name));
  if (!text) throw std::runtime_error("template not found: " + std::string(name));
  return *text;
}

// Inlines partials and translates {{#t}}...{{/t}}.
std::string preprocess(std::string src, std::string_view lang, int depth) {
  if (depth > 8) throw std::runtime_error("template partials nest too deeply");
  std::string out;
  out.reserve(src.size());
  std::size_t pos = 0;
  while (pos < src.size()) {
    std::size_t t = src.find(kOpenT, pos);
    std::size_t p = src.find("{{>", pos);
    std::size_t next = std::min(t, p);
    if (next == std::string::npos) {
      out.append(src, pos, std::string::npos);
      break;
    }
    out.append(src, pos, next - pos);
    if (next == t) {
      std::size_t end = src.find(kCloseT, t);
      if (end == std::string::npos) throw std::runtime_error("unclosed {{#t}}");
      std::string id = src.substr(t + kOpenT.size(), end - t - kOpenT.size());
      out += html_escape(i18n::t(lang, id));
      pos = end + kCloseT.size();
    } else {
      std::size_t end = src.find("}}", p);
      if (end == std::string::npos) throw std::runtime_error("unclosed partial");
      std::string name = src.substr(p + 3, end - p - 3);
      while (!name.empty() && name.front() == ' ') name.erase(0, 1);
      while (!name.empty() && name.back() == ' ') name.pop_back();
      if (name.find('.') == std::string::npos) name += ".html";
      out += preprocess(load_source(name), lang, depth + 1);
      pos = end + 2;
    }
  }
  return out;
}

mstch::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mstch::data d{mstch::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), to_data(it.value()));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mstch::data d{mstch::data::type::list};
      for (const auto& e : j) d.push_back(to_data(e));
      return d;
    }
    case nlohmann::json::value_t::string: {
      // Empty strings are falsy, as in other Mustache implementations ({{#hint}}...{{/hint}}).
      const auto& str = j.get_ref<const std::string&>();
      return str.empty() ? mstch::data(false) : mstch::data(str);
    }
    case nlohmann::json::value_t::boolean: return mstch::data(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return mstch::data(j.dump());
    default: return mstch::data(false);
  }
}

struct Cached {
  std::unique_ptr<mstch::mustache> tmpl;
};

mstch::mustache& get_template(std::string_view name, std::string_view lang) {
  thread_local std::unordered_map<std::string, Cached> cache;
  bool dev = !resources::override_dir().empty();
  std::string key = std::string(lang) + "\n" + std::string(name);
  auto it = cache.find(key);
  if (it == cache.end() || dev) {
    auto m = std::make_unique<mstch::mustache>(preprocess(load_source(name), lang, 0));
    if (!m->is_valid())
      throw std::runtime_error("template " + std::string(name) + ": " + m->error_message());
    // Our escaping also covers single quotes and braces.
    m->set_custom_escape([](const std::string& s) { return html_escape(s); });
    it = cache.insert_or_assign(key, Cached{std::move(m)}).first;
  }
  return *it->second.tmpl;
}

}  // namespace

std::string render_template(std::string_view name, std::string_view lang, const nlohmann::json& data) {
  auto& tmpl = get_template(name, lang);
  std::string out = tmpl.render(to_data(data));
  if (!tmpl.error_message().empty())
    throw std::runtime_error("template " + std::string(name) + ": " + tmpl.error_message());
  return out;
}

std::vector<std::string> template_message_ids(std::string_view source) {
  std::vector<std::string> ids;
  std::size_t pos = 0;
  while ((pos = source.find(kOpenT, pos)) != std::string_view::npos) {
    std::size_t end = source.find(kCloseT, pos);
    if (end == std::string_view::npos) break;
    ids.emplace_back(source.substr(pos + kOpenT.size(), end - pos - kOpenT.size()));
    pos = end;
  }
  return ids;
}

}  // namespace mdsc::web
