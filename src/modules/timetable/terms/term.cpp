#include "modules/timetable/terms/term.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/i18n.h"
#include "core/jp_holidays.h"
#include "nlohmann/json.hpp"
#include "platform/entity.h"

namespace mdsc::timetable {

using namespace std::chrono;

std::vector<Period> default_periods() {
  return {{"daytime", 1, "09:00", "10:30"}, {"daytime", 2, "10:40", "12:10"}, {"daytime", 3, "13:00", "14:30"},
          {"daytime", 4, "14:40", "16:10"}, {"daytime", 5, "16:20", "17:50"}, {"evening", 1, "18:00", "19:30"},
          {"evening", 2, "19:40", "21:10"}};
}

bool parse_iso_date(const std::string& s, year_month_day& out) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (std::sscanf(s.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return false;
  out = year{y} / month{m} / day{d};
  return out.ok();
}

std::string iso_date(year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

std::vector<TermDay> term_days(const Term& term) {
  year_month_day first{}, last{};
  if (!parse_iso_date(term.starts_on, first) || !parse_iso_date(term.ends_on, last)) return {};
  // The holidays of each year the term touches, computed once (not once per day).
  std::map<sys_days, std::string_view> holidays;
  for (int y = static_cast<int>(first.year()); y <= static_cast<int>(last.year()); ++y)
    for (const auto& h : jp::holidays_of_year(y)) holidays[sys_days{h.date}] = h.message_id;
  std::vector<TermDay> out;
  for (sys_days d = sys_days{first}; d <= sys_days{last}; d += days{1}) {
    TermDay t;
    t.date = year_month_day{d};
    t.iso = iso_date(t.date);
    t.weekday = weekday{d}.iso_encoding();
    const unsigned m = static_cast<unsigned>(t.date.month()), md = static_cast<unsigned>(t.date.day());
    if (auto h = holidays.find(d); h != holidays.end()) {
      t.status = "holiday";
      t.holiday_id = std::string(h->second);
    } else if (term.year_end_break && ((m == 12 && md >= 29) || (m == 1 && md <= 3))) {
      t.status = "year_end";
    } else {
      for (const auto& c : term.closed_days)
        if (c.day == t.iso) {
          t.status = "closed";
          t.reason = c.reason;
        }
      if (t.status.empty())
        t.status = term.teaching_weekdays.size() == 7 && term.teaching_weekdays[t.weekday - 1] == '1' ? "teaching"
                                                                                                        : "no_teaching";
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<Period> grid_order(std::vector<Period> periods) {
  std::stable_sort(periods.begin(), periods.end(), [](const Period& a, const Period& b) {
    return std::make_pair(a.band != "daytime", a.position) < std::make_pair(b.band != "daytime", b.position);
  });
  return periods;
}

std::string day_label(const std::string& iso_day, const std::string& lang) {
  std::chrono::year_month_day ymd{};
  if (!parse_iso_date(iso_day, ymd)) return iso_day;
  return iso_day + " (" + i18n::t(lang, weekday_message_id(std::chrono::weekday{std::chrono::sys_days{ymd}}.iso_encoding())) + ")";
}

const char* weekday_message_id(unsigned iso_weekday) {
  static const char* kIds[] = {"weekday.mon", "weekday.tue", "weekday.wed", "weekday.thu",
                               "weekday.fri", "weekday.sat", "weekday.sun"};
  return kIds[(iso_weekday + 6) % 7];
}

int teaching_day_count(const Term& term) {
  int n = 0;
  for (const auto& d : term_days(term)) n += d.status == "teaching";
  return n;
}

// The term's own fields from its table, then its periods, closed days and count of teaching days.
nlohmann::json to_json(const Term& term) {
  auto periods = nlohmann::json::array();
  for (const auto& p : term.periods) periods.push_back(entity::to_json(p));
  auto closed = nlohmann::json::array();
  for (const auto& c : term.closed_days) closed.push_back(entity::to_json(c));
  auto j = entity::to_json(term);
  j["periods"] = std::move(periods);
  j["closed_days"] = std::move(closed);
  j["teaching_days"] = teaching_day_count(term);
  return j;
}

}  // namespace mdsc::timetable
