#include "core/jp_holidays.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

namespace mdsc::jp {
namespace {

using namespace std::chrono;

year_month_day nth_monday(int y, unsigned m, unsigned n) {
  return year_month_day{year{y} / month{m} / weekday_indexed{Monday, n}};
}

// The equinox days the National Astronomical Observatory announces follow this approximation
// for 1980–2099 (the day of the equinox in Japan Standard Time).
unsigned equinox_day(int y, double base) {
  const int since = y - 1980;
  return static_cast<unsigned>(static_cast<int>(base + 0.242194 * since) - since / 4);
}

std::map<sys_days, std::string_view> compute(int y) {
  std::map<sys_days, std::string_view> proper;
  auto add = [&](year_month_day d, std::string_view id) { proper[sys_days{d}] = id; };
  auto on = [&](unsigned m, unsigned d, std::string_view id) { add(year{y} / month{m} / day{d}, id); };

  on(1, 1, "holiday.new_years_day");
  add(nth_monday(y, 1, 2), "holiday.coming_of_age_day");
  on(2, 11, "holiday.national_foundation_day");
  if (y >= 2020) on(2, 23, "holiday.emperors_birthday");
  on(3, equinox_day(y, 20.8431), "holiday.vernal_equinox_day");
  on(4, 29, "holiday.showa_day");
  on(5, 3, "holiday.constitution_day");
  on(5, 4, "holiday.greenery_day");
  on(5, 5, "holiday.childrens_day");
  // The Olympic years moved Marine, Sports and Mountain Day next to the opening and closing ceremonies.
  if (y == 2020) {
    on(7, 23, "holiday.marine_day");
    on(7, 24, "holiday.sports_day");
    on(8, 10, "holiday.mountain_day");
  } else if (y == 2021) {
    on(7, 22, "holiday.marine_day");
    on(7, 23, "holiday.sports_day");
    on(8, 8, "holiday.mountain_day");
  } else {
    add(nth_monday(y, 7, 3), "holiday.marine_day");
    if (y >= 2016) on(8, 11, "holiday.mountain_day");
    add(nth_monday(y, 10, 2), y >= 2020 ? "holiday.sports_day" : "holiday.health_sports_day");
  }
  add(nth_monday(y, 9, 3), "holiday.respect_for_the_aged_day");
  on(9, equinox_day(y, 23.2488), "holiday.autumnal_equinox_day");
  on(11, 3, "holiday.culture_day");
  on(11, 23, "holiday.labour_thanksgiving_day");
  if (y <= 2018) on(12, 23, "holiday.emperors_birthday");
  if (y == 2019) {
    on(5, 1, "holiday.enthronement_day");
    on(10, 22, "holiday.enthronement_ceremony_day");
  }

  auto all = proper;
  // A day between two holidays that is not one itself is a citizens' holiday (Art. 3(3)).
  for (const auto& [d, id] : proper) {
    const sys_days between = d + days{1};
    if (!proper.count(between) && proper.count(between + days{1}) && year_month_day{between}.year() == year{y})
      all[between] = "holiday.citizens_holiday";
  }
  // A holiday on a Sunday moves to the next day that is not a holiday (Art. 3(2)).
  for (const auto& [d, id] : proper) {
    if (weekday{d} != Sunday) continue;
    sys_days next = d + days{1};
    while (all.count(next)) next += days{1};
    all[next] = "holiday.substitute_holiday";
  }
  return all;
}

void check_year(int y) {
  if (y < kFirstHolidayYear || y > kLastHolidayYear)
    throw std::out_of_range("Japanese holidays are computed for " + std::to_string(kFirstHolidayYear) + "–" +
                            std::to_string(kLastHolidayYear) + ", not " + std::to_string(y));
}

}  // namespace

std::vector<Holiday> holidays_of_year(int y) {
  check_year(y);
  std::vector<Holiday> out;
  for (const auto& [d, id] : compute(y))
    if (year_month_day{d}.year() == year{y}) out.push_back({year_month_day{d}, id});
  return out;
}

std::string_view holiday_on(std::chrono::year_month_day date) {
  const int y = static_cast<int>(date.year());
  check_year(y);
  // A substitute for Dec 31st cannot spill into January (Jan 1st is itself a holiday), so the
  // year of the date is the only one to look at.
  const auto all = compute(y);
  auto it = all.find(sys_days{date});
  return it == all.end() ? std::string_view{} : it->second;
}

}  // namespace mdsc::jp
