#pragma once
// SQL of instructors' unavailability and courses' schedule rules.
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "db/database.h"
#include "modules/timetable/availability/model.h"

namespace mdsc::timetable::repo {

// The INSERTs, for the test that they name the entities' columns in their tables' order.
extern const std::string_view kInsertUnavailability, kInsertCourseRule;

// Every rule of the instructors of a fiscal year's courses, by instructor id.
std::map<std::int64_t, std::vector<Unavailability>> rules_of_year(db::Conn& c, int fiscal_year);
std::vector<Unavailability> rules_of_instructor(db::Conn& c, std::int64_t instructor_id);
std::optional<Unavailability> rule(db::Conn& c, std::int64_t id);
std::int64_t insert_rule(db::Conn& c, const Unavailability& u);
bool delete_rule(db::Conn& c, std::int64_t id);
// The instructor's row lock (their rules are decided one change at a time); false: no instructor.
bool lock_instructor(db::Conn& c, std::int64_t instructor_id);

// The rules of a fiscal year's courses, by course id (courses without a row are absent).
std::map<std::int64_t, CourseRule> course_rules(db::Conn& c, int fiscal_year);
CourseRule course_rule(db::Conn& c, std::int64_t course_id);  // defaults when there is no row
void insert_course_rule(db::Conn& c, const CourseRule& r);
void update_course_rule(db::Conn& c, const CourseRule& r);

// The courses an instructor teaches, newest year first.
std::vector<InstructorCourse> courses_of_instructor(db::Conn& c, std::int64_t instructor_id);

}  // namespace mdsc::timetable::repo
