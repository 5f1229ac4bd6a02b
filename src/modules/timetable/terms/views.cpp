#include "modules/timetable/terms/views.h"

#include "core/i18n.h"

namespace mdsc::timetable::views {

std::string term_href(std::int64_t term_id) { return "/timetable/terms/" + std::to_string(term_id); }

std::string rooms_href() { return "/timetable/rooms"; }

std::string day_label(const std::string& iso_day, std::string_view lang) {
  std::chrono::year_month_day ymd{};
  if (!parse_iso_date(iso_day, ymd)) return iso_day;
  const unsigned wd = std::chrono::weekday{std::chrono::sys_days{ymd}}.iso_encoding();
  return iso_day + " (" + i18n::t(lang, weekday_message_id(wd)) + ")";
}

std::string period_label(std::string_view lang, const std::string& band, int position) {
  return i18n::t(lang, "timetable.band." + band) + " " + std::to_string(position);
}

std::string period_with_times(std::string_view lang, const Period& p) {
  return period_label(lang, p.band, p.position) + " (" + p.starts_at + "–" + p.ends_at + ")";
}

std::string day_status_id(DayStatus s) { return "timetable.day." + std::string(name_of(s)); }

namespace {

// A month table being filled: the current week's cells, closed at each Sunday.
struct MonthTables {
  nlohmann::json months = nlohmann::json::array();
  nlohmann::json month, week = nlohmann::json::array();

  void close_week() {
    if (week.empty()) return;
    while (week.size() < 7) week.push_back({{"blank", true}});
    month["weeks"].push_back({{"days", week}});
    week = nlohmann::json::array();
  }
  void close_month() {
    close_week();
    if (!month.empty()) months.push_back(month);
  }
  void open_month(const TermDay& d) {
    close_month();
    const unsigned m = static_cast<unsigned>(d.date.month());
    month = {{"title", std::to_string(static_cast<int>(d.date.year())) + "-" + (m < 10 ? "0" : "") + std::to_string(m)},
             {"weeks", nlohmann::json::array()}};
    for (unsigned wd = 1; wd < d.weekday; ++wd) week.push_back({{"blank", true}});
  }
};

std::string day_note(std::string_view lang, const TermDay& d) {
  switch (d.status) {
    case DayStatus::holiday: return i18n::t(lang, d.holiday_id);
    case DayStatus::year_end: return i18n::t(lang, "timetable.day.year_end");
    case DayStatus::closed: return d.reason.empty() ? i18n::t(lang, "timetable.day.closed") : d.reason;
    default: return "";
  }
}

}  // namespace

nlohmann::json calendar(std::string_view lang, const Term& t) {
  MonthTables tables;
  unsigned current = 0;
  for (const auto& d : term_days(t)) {
    if (static_cast<unsigned>(d.date.month()) != current) {
      current = static_cast<unsigned>(d.date.month());
      tables.open_month(d);
    }
    tables.week.push_back({{"day", static_cast<unsigned>(d.date.day())}, {"iso", d.iso}, {"status", std::string(name_of(d.status))},
                           {"label", day_note(lang, d)}, {"teaching", d.status == DayStatus::teaching}});
    if (d.weekday == 7) tables.close_week();
  }
  tables.close_month();
  return tables.months;
}

nlohmann::json closed_rows(const Term& t) {
  auto rows = nlohmann::json::array();
  for (const auto& c : t.closed_days) rows.push_back({{"day", c.day}, {"reason", c.reason}});
  return rows;
}

nlohmann::json term_rows(std::string_view lang, const std::vector<Term>& terms) {
  auto rows = nlohmann::json::array();
  for (const auto& t : terms)
    rows.push_back({{"href", term_href(t.id)}, {"name", t.name}, {"fy", i18n::fiscal_year_display(lang, t.fiscal_year)},
                    {"starts_on", t.starts_on}, {"ends_on", t.ends_on}, {"teaching_days", teaching_day_count(t)}});
  return rows;
}

nlohmann::json term_with_days(const Term& t) {
  auto j = term_json(t);
  auto days = nlohmann::json::array();
  for (const auto& d : term_days(t)) {
    nlohmann::json day{{"date", d.iso}, {"weekday", d.weekday}, {"status", std::string(name_of(d.status))}};
    if (!d.holiday_id.empty()) day["holiday"] = d.holiday_id;
    if (!d.reason.empty()) day["reason"] = d.reason;
    days.push_back(day);
  }
  j["days"] = days;
  return j;
}

}  // namespace mdsc::timetable::views
