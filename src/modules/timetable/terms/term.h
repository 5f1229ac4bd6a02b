// A term: the dates a fiscal year's sessions fall in, the weekdays that may hold them, the daily
// grid of periods, and the days without teaching (national holidays, the year-end break, days
// the secretariat closes). The solver and the pages both read the term's days from here.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "nlohmann/json_fwd.hpp"
#include "platform/entity_fwd.h"

namespace mdsc::timetable {

struct Period {
  std::string band;  // "daytime" or "evening"
  int position = 0;  // 1, 2, ... within the band
  std::string starts_at;  // "HH:MM"
  std::string ends_at;

  static const entity::Table<Period>& table();  // its fields, described once
};

struct ClosedDay {
  std::string day;  // "YYYY-MM-DD"
  std::string reason;

  static const entity::Table<ClosedDay>& table();  // its fields, described once
};

struct Term {
  std::int64_t id = 0;
  int fiscal_year = 0;
  std::string name;
  std::string starts_on;
  std::string ends_on;
  bool year_end_break = true;
  std::string teaching_weekdays = "1111100";  // Monday first
  std::vector<Period> periods;
  std::vector<ClosedDay> closed_days;

  static const entity::Table<Term>& table();  // its fields, described once
};

// The grid a new term starts with: five daytime periods of 90 minutes and two evening ones from 18:00.
std::vector<Period> default_periods();

// What a day of the term is. A day that is several things shows the first that applies:
// holiday, year-end break, closed by the secretariat, not a teaching weekday.
struct TermDay {
  std::chrono::year_month_day date;
  std::string iso;
  unsigned weekday = 0;       // ISO: 1 Monday … 7 Sunday
  std::string status;         // "teaching", "holiday", "year_end", "closed", "no_teaching"
  std::string holiday_id;     // message id of the holiday's name when status is "holiday"
  std::string reason;         // the secretariat's reason when status is "closed"
};

std::vector<TermDay> term_days(const Term& term);
// The periods of a day in the order of the grid: daytime ones, then evening ones, by position.
std::vector<Period> grid_order(std::vector<Period> periods);
// "weekday.mon" … "weekday.sun" for ISO weekdays 1 … 7.
const char* weekday_message_id(unsigned iso_weekday);
// "2018-01-10 (水)" / "2018-01-10 (Wed)": a date with its weekday, as the pages and mails show it.
std::string day_label(const std::string& iso_day, const std::string& lang);
int teaching_day_count(const Term& term);

bool parse_iso_date(const std::string& s, std::chrono::year_month_day& out);
std::string iso_date(std::chrono::year_month_day d);

nlohmann::json to_json(const Term& term);

}  // namespace mdsc::timetable
