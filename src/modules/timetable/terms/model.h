#pragma once
// Terms and rooms. A term: the dates a fiscal year's sessions fall in, the weekdays that may hold
// them, the daily grid of periods, and the days without teaching (national holidays, the year-end
// break, days the secretariat closes). The solver and the pages both read the term's days here.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "platform/entity.h"

namespace mdsc::timetable {

struct Period {
  std::string band;       // "daytime" or "evening"
  int position = 0;       // 1, 2, ... within the band
  std::string starts_at;  // "HH:MM"
  std::string ends_at;
  std::int64_t term_id = 0;
};

struct ClosedDay {
  std::string day;  // "YYYY-MM-DD"
  std::string reason;
  std::int64_t term_id = 0;
};

struct Term {
  std::int64_t id = 0;
  int fiscal_year = 0;
  std::string name;
  std::string starts_on;
  std::string ends_on;
  bool year_end_break = true;
  std::string teaching_weekdays = "1111100";  // Monday first
  std::string created_at, updated_at;         // ISO, UTC
  std::vector<Period> periods;                // term_periods
  std::vector<ClosedDay> closed_days;         // term_closed_days
};

struct Room {
  std::int64_t id = 0;
  std::string name;
  int capacity = 0;
  std::string location;
  bool active = true;
  std::string created_at, updated_at;  // ISO, UTC
};

// The grid a new term starts with: five daytime periods of 90 minutes and two evening ones from 18:00.
std::vector<Period> default_periods();

// What a day of the term is. A day that is several things shows the first that applies:
// holiday, year-end break, closed by the secretariat, not a teaching weekday.
enum class DayStatus { teaching, holiday, year_end, closed, no_teaching };

struct TermDay {
  std::chrono::year_month_day date;
  std::string iso;
  unsigned weekday = 0;  // ISO: 1 Monday … 7 Sunday
  DayStatus status = DayStatus::teaching;
  std::string holiday_id;  // message id of the holiday's name when status is holiday
  std::string reason;      // the secretariat's reason when status is closed
};

std::vector<TermDay> term_days(const Term& term);
int teaching_day_count(const Term& term);
// The periods of a day in the order of the grid: daytime ones, then evening ones, by position.
std::vector<Period> grid_order(std::vector<Period> periods);
// "weekday.mon" … "weekday.sun" for ISO weekdays 1 … 7.
const char* weekday_message_id(unsigned iso_weekday);

bool parse_iso_date(const std::string& s, std::chrono::year_month_day& out);
std::string iso_date(std::chrono::year_month_day d);
// The Monday of the week (Monday to Sunday) a day is in.
std::chrono::sys_days monday_of(std::chrono::year_month_day d);

// The term as the API shows it and the audit log records it: its fields, periods, closed days
// and the number of teaching days.
nlohmann::json term_json(const Term& t);

}  // namespace mdsc::timetable
