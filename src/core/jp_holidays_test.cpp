#include "core/jp_holidays.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

namespace mdsc::jp {
namespace {

using namespace std::chrono;

// 2017–2027: the Cabinet Office's published list (syukujitsu.csv), substitute and citizens'
// holidays included; 2028–2030: the same law with the observatory's predicted equinoxes.
const std::map<int, std::string> kOfficial = {
    {2017, "01-01 01-02 01-09 02-11 03-20 04-29 05-03 05-04 05-05 07-17 08-11 09-18 09-23 10-09 11-03 11-23 12-23"},
    {2018, "01-01 01-08 02-11 02-12 03-21 04-29 04-30 05-03 05-04 05-05 07-16 08-11 09-17 09-23 09-24 10-08 11-03 11-23 12-23 12-24"},
    {2019, "01-01 01-14 02-11 03-21 04-29 04-30 05-01 05-02 05-03 05-04 05-05 05-06 07-15 08-11 08-12 09-16 09-23 10-14 10-22 11-03 11-04 11-23"},
    {2020, "01-01 01-13 02-11 02-23 02-24 03-20 04-29 05-03 05-04 05-05 05-06 07-23 07-24 08-10 09-21 09-22 11-03 11-23"},
    {2021, "01-01 01-11 02-11 02-23 03-20 04-29 05-03 05-04 05-05 07-22 07-23 08-08 08-09 09-20 09-23 11-03 11-23"},
    {2022, "01-01 01-10 02-11 02-23 03-21 04-29 05-03 05-04 05-05 07-18 08-11 09-19 09-23 10-10 11-03 11-23"},
    {2023, "01-01 01-02 01-09 02-11 02-23 03-21 04-29 05-03 05-04 05-05 07-17 08-11 09-18 09-23 10-09 11-03 11-23"},
    {2024, "01-01 01-08 02-11 02-12 02-23 03-20 04-29 05-03 05-04 05-05 05-06 07-15 08-11 08-12 09-16 09-22 09-23 10-14 11-03 11-04 11-23"},
    {2025, "01-01 01-13 02-11 02-23 02-24 03-20 04-29 05-03 05-04 05-05 05-06 07-21 08-11 09-15 09-23 10-13 11-03 11-23 11-24"},
    {2026, "01-01 01-12 02-11 02-23 03-20 04-29 05-03 05-04 05-05 05-06 07-20 08-11 09-21 09-22 09-23 10-12 11-03 11-23"},
    {2027, "01-01 01-11 02-11 02-23 03-21 03-22 04-29 05-03 05-04 05-05 07-19 08-11 09-20 09-23 10-11 11-03 11-23"},
    {2028, "01-01 01-10 02-11 02-23 03-20 04-29 05-03 05-04 05-05 07-17 08-11 09-18 09-22 10-09 11-03 11-23"},
    {2029, "01-01 01-08 02-11 02-12 02-23 03-20 04-29 04-30 05-03 05-04 05-05 07-16 08-11 09-17 09-23 09-24 10-08 11-03 11-23"},
    {2030, "01-01 01-14 02-11 02-23 03-20 04-29 05-03 05-04 05-05 05-06 07-15 08-11 08-12 09-16 09-23 10-14 11-03 11-04 11-23"},
};

std::string month_days(int y) {
  std::ostringstream out;
  for (const auto& h : holidays_of_year(y)) {
    if (out.tellp() > 0) out << ' ';
    out << (static_cast<unsigned>(h.date.month()) < 10 ? "0" : "") << static_cast<unsigned>(h.date.month()) << '-'
        << (static_cast<unsigned>(h.date.day()) < 10 ? "0" : "") << static_cast<unsigned>(h.date.day());
  }
  return out.str();
}

TEST(JapaneseHolidays, MatchTheOfficialListFrom2017To2030) {
  for (const auto& [y, expected] : kOfficial) EXPECT_EQ(month_days(y), expected) << y;
}

TEST(JapaneseHolidays, TheReiwaChangesAndTheOlympicMoves) {
  EXPECT_EQ(holiday_on(2019y / May / 1d), "holiday.enthronement_day");
  EXPECT_EQ(holiday_on(2019y / April / 30d), "holiday.citizens_holiday");
  EXPECT_EQ(holiday_on(2019y / May / 2d), "holiday.citizens_holiday");
  EXPECT_EQ(holiday_on(2019y / October / 22d), "holiday.enthronement_ceremony_day");
  EXPECT_EQ(holiday_on(2018y / December / 23d), "holiday.emperors_birthday");
  EXPECT_EQ(holiday_on(2019y / December / 23d), "");
  EXPECT_EQ(holiday_on(2020y / February / 23d), "holiday.emperors_birthday");
  EXPECT_EQ(holiday_on(2019y / October / 14d), "holiday.health_sports_day");
  EXPECT_EQ(holiday_on(2020y / July / 24d), "holiday.sports_day");
  EXPECT_EQ(holiday_on(2020y / October / 12d), "");
  EXPECT_EQ(holiday_on(2021y / August / 9d), "holiday.substitute_holiday");
}

TEST(JapaneseHolidays, SubstituteAndCitizensHolidays) {
  // 2017-01-01 was a Sunday: Monday the 2nd is off. 2020-05-03 a Sunday: the 4th and 5th are
  // holidays already, so the substitute is the 6th. 2026-09-22 lies between two holidays.
  EXPECT_EQ(holiday_on(2017y / January / 2d), "holiday.substitute_holiday");
  EXPECT_EQ(holiday_on(2020y / May / 6d), "holiday.substitute_holiday");
  EXPECT_EQ(holiday_on(2026y / September / 22d), "holiday.citizens_holiday");
  EXPECT_EQ(holiday_on(2017y / December / 1d), "");
}

TEST(JapaneseHolidays, YearsOutsideTheRulesAreRefused) {
  EXPECT_THROW(holidays_of_year(2006), std::out_of_range);
  EXPECT_THROW(holiday_on(2100y / January / 1d), std::out_of_range);
  EXPECT_NO_THROW(holidays_of_year(2099));
}

}  // namespace
}  // namespace mdsc::jp
