#include "modules/timetable/planning/edit_views.h"

#include "core/i18n.h"

namespace mdsc::timetable {

std::string text_of(const std::string& lang, const Text& t) {
  std::string out;
  if (!t.message_id.empty()) {
    i18n::Args args;
    for (const auto& [k, id] : t.message_args) args[k] = i18n::t(lang, id);
    out = i18n::t(lang, t.message_id, args);
  } else {
    out = lang == "en" && !t.en.empty() ? t.en : t.ja;
  }
  return out + t.suffix;
}

std::string clash_text(const std::string& lang, const Clash& c) {
  i18n::Args args;
  for (const auto& [k, v] : c.args) args[k] = text_of(lang, v);
  return i18n::t(lang, c.message_id, args);
}

}  // namespace mdsc::timetable
