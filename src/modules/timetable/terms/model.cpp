#include "modules/timetable/terms/model.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/jp_holidays.h"
#include "modules/timetable/fields.h"

namespace mdsc {

template <>
const States<timetable::DayStatus>& states<timetable::DayStatus>() {
  using S = timetable::DayStatus;
  static const States<S> t{{{S::teaching, "teaching"}, {S::holiday, "holiday"}, {S::year_end, "year_end"},
                            {S::closed, "closed"}, {S::no_teaching, "no_teaching"}},
                           {}};
  return t;
}

template <>
const entity::Table<timetable::Term>& entity::table<timetable::Term>() {
  static const Table<timetable::Term> t{"term",
                             {field("id", &timetable::Term::id).key(),
                              field("fiscal_year", &timetable::Term::fiscal_year).label("timetable.fiscal_year", "number").required(),
                              field("name", &timetable::Term::name).label("timetable.term_name").required(),
                              field("starts_on", &timetable::Term::starts_on).label("timetable.starts_on", "date").required(),
                              field("ends_on", &timetable::Term::ends_on).label("timetable.ends_on", "date").required(),
                              field("year_end_break", &timetable::Term::year_end_break).label("timetable.year_end_break", "checkbox"),
                              field("teaching_weekdays", &timetable::Term::teaching_weekdays),
                              timetable::internal(field("created_at", &timetable::Term::created_at)),
                              timetable::internal(field("updated_at", &timetable::Term::updated_at))}};
  return t;
}

template <>
const entity::Table<timetable::Period>& entity::table<timetable::Period>() {
  static const Table<timetable::Period> t{"term_period",
                               {timetable::internal(field("term_id", &timetable::Period::term_id)), field("band", &timetable::Period::band),
                                field("position", &timetable::Period::position), field("starts_at", &timetable::Period::starts_at),
                                field("ends_at", &timetable::Period::ends_at)}};
  return t;
}

template <>
const entity::Table<timetable::ClosedDay>& entity::table<timetable::ClosedDay>() {
  static const Table<timetable::ClosedDay> t{"term_closed_day",
                                  {field("term_id", &timetable::ClosedDay::term_id), field("day", &timetable::ClosedDay::day),
                                   field("reason", &timetable::ClosedDay::reason)}};
  return t;
}

template <>
const entity::Table<timetable::Room>& entity::table<timetable::Room>() {
  static const Table<timetable::Room> t{"room",
                             {field("id", &timetable::Room::id).key(),
                              field("name", &timetable::Room::name).label("timetable.room_name").required().max(100),
                              field("capacity", &timetable::Room::capacity).label("timetable.capacity", "number").range(1, 100000),
                              field("location", &timetable::Room::location).label("timetable.location").max(200),
                              field("active", &timetable::Room::active).label("timetable.active", "checkbox"),
                              timetable::internal(field("created_at", &timetable::Room::created_at)),
                              timetable::internal(field("updated_at", &timetable::Room::updated_at))}};
  return t;
}

}  // namespace mdsc

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

sys_days monday_of(year_month_day d) {
  const sys_days day{d};
  return day - days{weekday{day}.iso_encoding() - 1};
}

namespace {

bool in_year_end_break(const year_month_day& d) {
  const unsigned m = static_cast<unsigned>(d.month()), md = static_cast<unsigned>(d.day());
  return (m == 12 && md >= 29) || (m == 1 && md <= 3);
}

// What a day is that is no holiday: the break, closed, a teaching weekday or not.
void classify(const Term& term, TermDay& t) {
  if (term.year_end_break && in_year_end_break(t.date)) {
    t.status = DayStatus::year_end;
    return;
  }
  for (const auto& c : term.closed_days)
    if (c.day == t.iso) {
      t.status = DayStatus::closed;
      t.reason = c.reason;
      return;
    }
  const bool teaches = term.teaching_weekdays.size() == 7 && term.teaching_weekdays[t.weekday - 1] == '1';
  t.status = teaches ? DayStatus::teaching : DayStatus::no_teaching;
}

}  // namespace

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
    if (auto h = holidays.find(d); h != holidays.end()) {
      t.status = DayStatus::holiday;
      t.holiday_id = std::string(h->second);
    } else {
      classify(term, t);
    }
    out.push_back(std::move(t));
  }
  return out;
}

int teaching_day_count(const Term& term) {
  int n = 0;
  for (const auto& d : term_days(term)) n += d.status == DayStatus::teaching;
  return n;
}

std::vector<Period> grid_order(std::vector<Period> periods) {
  std::stable_sort(periods.begin(), periods.end(), [](const Period& a, const Period& b) {
    return std::make_pair(a.band != "daytime", a.position) < std::make_pair(b.band != "daytime", b.position);
  });
  return periods;
}

const char* weekday_message_id(unsigned iso_weekday) {
  static const char* kIds[] = {"weekday.mon", "weekday.tue", "weekday.wed", "weekday.thu",
                               "weekday.fri", "weekday.sat", "weekday.sun"};
  return kIds[(iso_weekday + 6) % 7];
}

nlohmann::json term_json(const Term& t) {
  auto j = entity::to_json(t);
  auto periods = nlohmann::json::array();
  for (const auto& p : t.periods) periods.push_back(entity::to_json(p));
  auto closed = nlohmann::json::array();
  for (const auto& c : t.closed_days) {
    auto day = entity::to_json(c);
    day.erase("term_id");
    closed.push_back(day);
  }
  j["periods"] = periods;
  j["closed_days"] = closed;
  j["teaching_days"] = teaching_day_count(t);
  return j;
}

}  // namespace mdsc::timetable
