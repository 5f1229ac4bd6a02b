#pragma once
// What the pages show of terms: links, the calendar of teaching days, the days and periods in
// words (also in mails, in the recipient's language).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "modules/timetable/terms/model.h"
#include "nlohmann/json.hpp"

namespace mdsc::timetable::views {

std::string term_href(std::int64_t term_id);
std::string rooms_href();

// "2018-01-10 (水)" / "2018-01-10 (Wed)": a date with its weekday.
std::string day_label(const std::string& iso_day, std::string_view lang);
// "日中 2" / "Daytime 2".
std::string period_label(std::string_view lang, const std::string& band, int position);
// "日中 2 (10:40–12:10)".
std::string period_with_times(std::string_view lang, const Period& p);
// "timetable.day.holiday" … the message id of what a day is.
std::string day_status_id(DayStatus s);

// The term's days as month tables, weeks from Monday, for the calendar on the term's page.
nlohmann::json calendar(std::string_view lang, const Term& t);
nlohmann::json closed_rows(const Term& t);
nlohmann::json term_rows(std::string_view lang, const std::vector<Term>& terms);
// The API's term: its JSON with every day of it and what the day is.
nlohmann::json term_with_days(const Term& t);

}  // namespace mdsc::timetable::views
