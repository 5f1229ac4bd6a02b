#include "web/templates.h"

#include <kainjow/mustache.hpp>

#include <deque>
#include <functional>
#include <memory>
#include <regex>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

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

// The renderer's view of the nlohmann::json data: names are looked up in the json itself, and
// only the values that tags use become mustache data, when they are used. (Converting the
// whole json into kainjow's data first, a tree of hash maps and string copies, and destroying
// both afterwards, was a third of a page's rendering time.)
//
// It answers exactly as kainjow's own context would over that conversion:
//   object -> an object (sections push it; names are then looked up in it)
//   array  -> a list of the converted elements
//   string -> a string; the empty string is false, as in other Mustache implementations
//             ({{#hint}}...{{/hint}})
//   number -> its JSON text;  boolean -> true/false;  null -> false
// An object is handed to the renderer as a stand-in (a `true`, which it only pushes and pops)
// that this context maps back to the json object.
class JsonContext final : public mstch::basic_context<std::string> {
 public:
  explicit JsonContext(const nlohmann::json& root) { frames_.push_back({&root_, &root}); }

  void push(const mstch::data* data) override { frames_.push_back({data, object_of(data)}); }
  void pop() override { frames_.pop_back(); }

  const mstch::data* get(const std::string& name) const override {
    if (name.size() == 1 && name[0] == '.') return frames_.back().data;
    if (name.find('.') == std::string::npos) return lookup(name);
    const auto names = mstch::split(name, '.');
    for (auto frame = frames_.rbegin(); frame != frames_.rend(); ++frame) {
      const nlohmann::json* var = frame->json;
      for (const auto& n : names) {
        var = member(var, n);
        if (!var) break;
      }
      if (var) return convert(*var);
    }
    return nullptr;
  }

  const mstch::data* get_partial(const std::string& name) const override { return lookup(name); }

 private:
  struct Frame {
    const mstch::data* data;
    const nlohmann::json* json;  // the object a stand-in stands for; else null
  };

  static const nlohmann::json* member(const nlohmann::json* object, const std::string& name) {
    if (!object || !object->is_object()) return nullptr;
    auto it = object->find(name);
    return it == object->end() ? nullptr : &*it;
  }

  const mstch::data* lookup(const std::string& name) const {
    for (auto frame = frames_.rbegin(); frame != frames_.rend(); ++frame)
      if (const auto* var = member(frame->json, name)) return convert(*var);
    return nullptr;
  }

  const nlohmann::json* object_of(const mstch::data* data) const {
    for (auto it = stand_ins_.rbegin(); it != stand_ins_.rend(); ++it)
      if (it->first == data) return it->second;
    return nullptr;
  }

  // A value that needs no storage of its own, or null.
  static const mstch::data* scalar(const nlohmann::json& j) {
    static const mstch::data kTrue(true), kFalse(false);
    switch (j.type()) {
      case nlohmann::json::value_t::string:
        return j.get_ref<const std::string&>().empty() ? &kFalse : nullptr;
      case nlohmann::json::value_t::boolean: return j.get<bool>() ? &kTrue : &kFalse;
      case nlohmann::json::value_t::number_integer:
      case nlohmann::json::value_t::number_unsigned:
      case nlohmann::json::value_t::number_float:
      case nlohmann::json::value_t::object:
      case nlohmann::json::value_t::array: return nullptr;
      default: return &kFalse;
    }
  }

  // A list element or a stored value (the stand-in's json is registered by the caller).
  static mstch::data value_of(const nlohmann::json& j) {
    switch (j.type()) {
      case nlohmann::json::value_t::object: return mstch::data(true);
      case nlohmann::json::value_t::array: {
        mstch::data list{mstch::data::type::list};
        // The list is ours (kainjow only exposes it const): moving the elements in spares
        // push_back's deep copy.
        auto& items = const_cast<mstch::list&>(list.list_value());
        items.reserve(j.size());
        for (const auto& e : j) items.push_back(value_of(e));
        return list;
      }
      case nlohmann::json::value_t::string: {
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

  // Registers the stand-ins inside a converted list (their addresses are final by now).
  void register_stand_ins(const mstch::data& data, const nlohmann::json& j) const {
    if (j.is_object()) {
      stand_ins_.emplace_back(&data, &j);
    } else if (j.is_array()) {
      const auto& items = data.list_value();
      std::size_t i = 0;
      for (const auto& e : j) register_stand_ins(items[i++], e);
    }
  }

  const mstch::data* convert(const nlohmann::json& j) const {
    if (const auto* s = scalar(j)) return s;
    const mstch::data& stored = store_.emplace_back(value_of(j));
    register_stand_ins(stored, j);
    return &stored;
  }

  const mstch::data root_{true};
  std::vector<Frame> frames_;
  // What the renderer holds pointers to, until the render ends. A deque never moves its elements.
  mutable std::deque<mstch::data> store_;
  mutable std::vector<std::pair<const mstch::data*, const nlohmann::json*>> stand_ins_;
};

// Collects the renderer's output (its stream interface) into one string.
struct StringSink {
  std::string* out;
  StringSink& operator<<(const std::string& s) {
    out->append(s);
    return *this;
  }
};

struct Cached {
  std::unique_ptr<mstch::mustache> tmpl;
  std::size_t size_hint = 0;  // the last output's size, to reserve the next one
};

// Looked up by string_view: no key is built per render.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

Cached& get_template(std::string_view name, std::string_view lang) {
  thread_local StringMap<StringMap<Cached>> cache;  // language -> template name -> parsed
  const bool dev = !resources::override_dir().empty();
  auto by_lang = cache.find(lang);
  if (by_lang == cache.end()) by_lang = cache.try_emplace(std::string(lang)).first;
  auto& templates = by_lang->second;
  auto it = templates.find(name);
  if (it == templates.end() || dev) {
    auto m = std::make_unique<mstch::mustache>(preprocess(load_source(name), lang, 0));
    if (!m->is_valid())
      throw std::runtime_error("template " + std::string(name) + ": " + m->error_message());
    // Our escaping also covers single quotes and braces.
    m->set_custom_escape([](const std::string& s) { return html_escape(s); });
    if (it == templates.end()) it = templates.try_emplace(std::string(name)).first;
    it->second.tmpl = std::move(m);
  }
  return it->second;
}

}  // namespace

std::string render_template(std::string_view name, std::string_view lang, const nlohmann::json& data) {
  auto& cached = get_template(name, lang);
  auto& tmpl = *cached.tmpl;
  std::string out;
  out.reserve(cached.size_hint + cached.size_hint / 8);
  {
    JsonContext context(data);
    StringSink sink{&out};
    tmpl.render(context, sink);
  }
  if (!tmpl.error_message().empty())
    throw std::runtime_error("template " + std::string(name) + ": " + tmpl.error_message());
  cached.size_hint = out.size();
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
