// Message catalogues and Accept-Language negotiation. Number, fiscal-year and date formatting
// live in money.cpp, fiscal_year.cpp and tokyo_time.cpp.
#include "core/i18n.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

#include "core/blanks.h"
#include "core/resources.h"

namespace mdsc::i18n {
namespace {

constexpr std::string_view kTestLang = "qqx";

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Replaces {name} with args[name]; unknown placeholders stay visible so a missing argument is
// noticed on the page instead of silently vanishing.
std::string substitute(std::string_view text, const Args& args) {
  if (args.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      auto close = text.find('}', i + 1);
      if (close != std::string_view::npos) {
        auto it = args.find(std::string(text.substr(i + 1, close - i - 1)));
        if (it != args.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

// Parses one catalogue: a flat JSON object of id -> text. A malformed catalogue is a build
// defect, so it throws with the language named.
std::map<std::string, std::string, std::less<>> parse_catalogue(std::string_view lang,
                                                                 const std::string& json_text) {
  std::map<std::string, std::string, std::less<>> out;
  auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (!j.is_object())
    throw std::runtime_error("i18n/" + std::string(lang) + ".json is not a JSON object");
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!it.value().is_string())
      throw std::runtime_error("i18n/" + std::string(lang) + ".json: " + it.key() +
                               " is not a string");
    out.emplace(it.key(), it.value().get<std::string>());
  }
  return out;
}

}  // namespace

const std::vector<std::string>& supported_languages() {
  static const std::vector<std::string> langs{"ja", "en"};
  return langs;
}

// qqx is accepted (e.g. ?lang=qqx) although it is not offered to users.
bool is_supported(std::string_view lang) {
  if (lang == kTestLang) return true;
  const auto& langs = supported_languages();
  return std::find(langs.begin(), langs.end(), lang) != langs.end();
}

const Catalog& Catalog::instance() {
  static const Catalog catalog = [] {
    std::map<std::string, std::string> texts;
    for (const auto& lang : supported_languages()) {
      auto json = resources::read("i18n/" + lang + ".json");
      if (!json) throw std::runtime_error("i18n/" + lang + ".json is missing");
      texts[lang] = *json;
    }
    return from_json(texts);
  }();
  return catalog;
}

Catalog Catalog::from_json(const std::map<std::string, std::string>& lang_to_json) {
  Catalog c;
  for (const auto& [lang, json] : lang_to_json) c.by_lang_[lang] = parse_catalogue(lang, json);
  return c;
}

std::string Catalog::text(std::string_view lang, std::string_view id, const Args& args) const {
  if (lang == kTestLang) return "⧼" + std::string(id) + "⧽";
  for (std::string_view l : {lang, std::string_view(kDefaultLang)}) {
    auto cat = by_lang_.find(l);
    if (cat == by_lang_.end()) continue;
    auto msg = cat->second.find(id);
    if (msg != cat->second.end()) return substitute(msg->second, args);
  }
  return std::string(id);
}

bool Catalog::has(std::string_view lang, std::string_view id) const {
  auto cat = by_lang_.find(lang == kTestLang ? std::string_view(kDefaultLang) : lang);
  return cat != by_lang_.end() && cat->second.find(id) != cat->second.end();
}

std::vector<std::string> Catalog::ids(std::string_view lang) const {
  std::vector<std::string> out;
  auto cat = by_lang_.find(lang == kTestLang ? std::string_view(kDefaultLang) : lang);
  if (cat == by_lang_.end()) return out;
  for (const auto& [id, text] : cat->second) out.push_back(id);
  return out;  // std::map keeps them sorted
}

std::string t(std::string_view lang, std::string_view id, const Args& args) {
  return Catalog::instance().text(lang, id, args);
}

// RFC 9110 §12.5.4: comma-separated ranges with optional ";q=" weights. The range's primary
// subtag decides ("en-GB" -> en). q=0 means "not acceptable"; ties go to the earlier entry.
// "*" and the test language qqx are not chosen from a header.
std::string from_accept_language(std::string_view header) {
  std::string best;
  double best_q = 0.0;
  while (!header.empty()) {
    auto comma = header.find(',');
    std::string_view item = trim_blanks(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);

    std::string_view range = item;
    double q = 1.0;
    auto semi = item.find(';');
    if (semi != std::string_view::npos) {
      range = trim_blanks(item.substr(0, semi));
      std::string_view params = item.substr(semi + 1);
      while (!params.empty()) {
        auto next = params.find(';');
        std::string_view p = trim_blanks(params.substr(0, next));
        params = next == std::string_view::npos ? std::string_view() : params.substr(next + 1);
        if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
          // from_chars, not stod: the C locale's decimal comma must not change the result.
          std::string_view v = p.substr(2);
          auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), q);
          if (ec != std::errc() || end != v.data() + v.size())
            q = 0.0;  // a malformed weight makes the entry unusable, not the whole header
        }
      }
    }
    std::string primary = lower_ascii(range.substr(0, range.find('-')));
    if (q <= 0.0 || q > 1.0 || primary == kTestLang || !is_supported(primary)) continue;
    if (q > best_q) {
      best = primary;
      best_q = q;
    }
  }
  return best;
}

}  // namespace mdsc::i18n
