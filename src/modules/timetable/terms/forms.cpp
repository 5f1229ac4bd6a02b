#include "modules/timetable/terms/forms.h"

#include <map>
#include <sstream>

#include "platform/entity.h"

namespace mdsc::timetable::forms {
namespace {

// The band names a clerk may type, in either language.
std::string band_of(const std::string& word) {
  if (word == "daytime" || word == "day" || word == "日中" || word == "昼間") return "daytime";
  if (word == "evening" || word == "夜間" || word == "夜") return "evening";
  return "";
}

std::string weekday_field(int i) { return "wd" + std::to_string(i); }

}  // namespace

std::string periods_text(const std::vector<Period>& periods) {
  std::string out;
  for (const auto& p : periods) out += p.band + " " + p.starts_at + "-" + p.ends_at + "\n";
  return out;
}

bool parse_periods(const std::string& text, std::vector<Period>& out) {
  out.clear();
  std::map<std::string, int> next;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::istringstream words(line);
    std::string band_word, span, extra;
    if (!(words >> band_word)) continue;  // blank line
    if (!(words >> span) || (words >> extra)) return false;
    const auto dash = span.find('-');
    const std::string band = band_of(band_word);
    if (band.empty() || dash == std::string::npos) return false;
    out.push_back({band, ++next[band], span.substr(0, dash), span.substr(dash + 1)});
  }
  return !out.empty();
}

std::vector<web::FieldSpec> term_fields(const Term& t) {
  auto out = entity::form_fields(t);  // the fiscal year, name, dates and the year-end break
  for (auto& f : out) {
    f.autocomplete = "off";
    if (f.name == "name") f.hint_id = "timetable.term_name_hint";
    if (f.name == "fiscal_year" && t.fiscal_year == 0) f.value.clear();
  }
  for (int i = 0; i < 7; ++i) {
    web::FieldSpec d{weekday_field(i + 1), weekday_message_id(static_cast<unsigned>(i + 1)), "checkbox", false, "off"};
    d.value = t.teaching_weekdays.size() == 7 && t.teaching_weekdays[i] == '1' ? "1" : "0";
    out.push_back(d);
  }
  web::FieldSpec periods{"periods", "timetable.periods", "textarea", true, "off"};
  periods.value = periods_text(t.periods);
  periods.hint_id = "timetable.periods_hint";
  out.push_back(periods);
  return out;
}

Term term_from_form(const web::Form& form, Status& st) {
  Term t;
  entity::from_form(form, t, st);
  if (form.trimmed("fiscal_year").empty()) st.field("fiscal_year", "validation.number");
  t.teaching_weekdays.clear();
  for (int i = 1; i <= 7; ++i) t.teaching_weekdays += form.has(weekday_field(i)) ? '1' : '0';
  if (!parse_periods(form.get("periods"), t.periods)) st.field("periods", "timetable.periods_invalid");
  return t;
}

Term term_from_json(const nlohmann::json& j, Status& st) {
  Term t;
  entity::from_json(j, t, st);
  if (!j.contains("fiscal_year") || !j["fiscal_year"].is_number_integer()) st.field("fiscal_year", "validation.number");
  if (!j.contains("periods")) return t;
  if (!j["periods"].is_array()) {
    st.field("periods", "timetable.periods_invalid");
    return t;
  }
  for (const auto& p : j["periods"]) {
    Period period;
    Status typed;
    if (p.is_object()) entity::from_json(p, period, typed);
    if (!p.is_object() || !typed) {
      st.field("periods", "timetable.periods_invalid");
      break;
    }
    t.periods.push_back(period);
  }
  return t;
}

Room room_from_form(const web::Form& form, Status& st) {
  Room r;
  entity::from_form(form, r, st);
  // The new room's form has no box: a new room is active. A row's box, unticked, sends nothing.
  r.active = !form.has("active_present") || form.has("active");
  if (form.trimmed("capacity").empty()) st.field("capacity", "validation.number");
  return r;
}

}  // namespace mdsc::timetable::forms
