#pragma once
// What the availability pages show, and the links other pages make to them.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "modules/timetable/availability/model.h"
#include "modules/timetable/curriculum_view.h"
#include "nlohmann/json.hpp"

namespace mdsc::timetable::views {

std::string availability_href(std::int64_t instructor_id);
std::string course_rules_href(int fiscal_year);

// "毎週水曜日" / "2018-01-24 (水)", and "終日" / "夜間 2": when a rule applies.
std::string when_label(std::string_view lang, const Unavailability& u);
std::string time_label(std::string_view lang, const Unavailability& u);
nlohmann::json rule_row(std::string_view lang, const Unavailability& u, bool can_edit);
nlohmann::json course_links(std::string_view lang, const std::vector<InstructorCourse>& courses);
// A course's instructors with links to their availability.
nlohmann::json instructor_links(std::string_view lang, const Course& k);
nlohmann::json year_links(std::string_view lang, const std::vector<int>& years, int current);

}  // namespace mdsc::timetable::views
