// Japanese national holidays as the Act on National Holidays (国民の祝日に関する法律) defines
// them: the fixed and "Happy Monday" days, the equinoxes, the 2019–2021 one-off changes
// (enthronement, the Tokyo Olympics), substitute holidays (振替休日) and citizens' holidays
// (国民の休日). Timetables must not place sessions on them.
#pragma once

#include <chrono>
#include <string_view>
#include <vector>

namespace mdsc::jp {

struct Holiday {
  std::chrono::year_month_day date;
  std::string_view message_id;  // "holiday.culture_day"; the name in the ja/en catalogues
};

// The rules implemented hold from 2007 (substitute holidays on the next free weekday) and the
// equinox formula to 2099; years outside that range throw std::out_of_range.
constexpr int kFirstHolidayYear = 2007;
constexpr int kLastHolidayYear = 2099;

// Every holiday of the year, in date order.
std::vector<Holiday> holidays_of_year(int year);

// The holiday's message id, or an empty view on a working day.
std::string_view holiday_on(std::chrono::year_month_day date);

}  // namespace mdsc::jp
