#include "modules/timetable/terms/term_form.h"

#include <charconv>
#include <map>
#include <sstream>

namespace mdsc::timetable {
namespace {

// The band names a clerk may type, in either language.
std::string band_of(const std::string& word) {
  if (word == "daytime" || word == "day" || word == "日中" || word == "昼間") return "daytime";
  if (word == "evening" || word == "夜間" || word == "夜") return "evening";
  return "";
}

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
  auto f = [](const char* name, const char* label, const char* type, const std::string& value, const char* hint = "") {
    web::FieldSpec s{name, label, type, true, "off"};
    s.value = value;
    s.hint_id = hint;
    return s;
  };
  std::vector<web::FieldSpec> out = {
      f("fiscal_year", "timetable.fiscal_year", "number", t.fiscal_year ? std::to_string(t.fiscal_year) : ""),
      f("name", "timetable.term_name", "text", t.name, "timetable.term_name_hint"),
      f("starts_on", "timetable.starts_on", "date", t.starts_on),
      f("ends_on", "timetable.ends_on", "date", t.ends_on)};
  auto brk = f("year_end_break", "timetable.year_end_break", "checkbox", t.year_end_break ? "1" : "0");
  brk.required = false;
  out.push_back(brk);
  for (int i = 0; i < 7; ++i) {
    auto d = f(("wd" + std::to_string(i + 1)).c_str(), weekday_message_id(static_cast<unsigned>(i + 1)), "checkbox",
               t.teaching_weekdays.size() == 7 && t.teaching_weekdays[i] == '1' ? "1" : "0");
    d.required = false;
    out.push_back(d);
  }
  out.push_back(f("periods", "timetable.periods", "textarea", periods_text(t.periods), "timetable.periods_hint"));
  return out;
}

Term term_from_form(const web::Context& ctx, Status& st) {
  Term t;
  const std::string fy = ctx.form.trimmed("fiscal_year");
  auto [p, ec] = std::from_chars(fy.data(), fy.data() + fy.size(), t.fiscal_year);
  if (fy.empty() || ec != std::errc() || p != fy.data() + fy.size()) st.field("fiscal_year", "validation.number");
  t.name = ctx.form.trimmed("name");
  t.starts_on = ctx.form.trimmed("starts_on");
  t.ends_on = ctx.form.trimmed("ends_on");
  t.year_end_break = ctx.form.has("year_end_break");
  t.teaching_weekdays.clear();
  for (int i = 1; i <= 7; ++i) t.teaching_weekdays += ctx.form.has("wd" + std::to_string(i)) ? '1' : '0';
  if (!parse_periods(ctx.form.get("periods"), t.periods)) st.field("periods", "timetable.periods_invalid");
  return t;
}

}  // namespace mdsc::timetable
