#pragma once
// What the timetable reads of the curriculum (courses with their instructors, instructors,
// trainees, who teaches what, who sees rosters), in one place: the only file of the module that
// includes the curriculum's headers. When the curriculum offers its face (modules/curriculum.h),
// only this header and curriculum_view.cpp change.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.h"
#include "modules/curriculum/model.h"
#include "web/principal.h"

namespace mdsc::timetable {

using Course = curriculum::Course;
using CourseInstructor = curriculum::CourseInstructor;
using Instructor = curriculum::Instructor;

namespace curriculum_view {

// A fiscal year's courses with their instructors and enrolment counts, by code.
std::vector<Course> courses(db::Conn& c, int fiscal_year);
std::optional<Course> course(db::Conn& c, std::int64_t id);
// Years that have courses, newest first.
std::vector<int> course_years(db::Conn& c);

std::optional<Instructor> instructor(db::Conn& c, std::int64_t id);
// The instructor record linked to an account, if any.
std::optional<Instructor> instructor_of_user(db::Conn& c, std::int64_t user_id);
// Every instructor (for the secretariat's choices), by name.
std::vector<Instructor> all_instructors(db::Conn& c);
// Active trainees as (user id, "name <e-mail>").
std::vector<std::pair<std::int64_t, std::string>> trainee_choices(db::Conn& c);

// The courses a person teaches (their instructor record, or the role instructor:<course>).
std::vector<std::int64_t> taught_courses(db::Conn& c, const web::Principal& p);
// Whether the account is linked to one of the course's instructors.
bool user_teaches(db::Conn& c, std::int64_t user_id, std::int64_t course_id);
// Whether the person sees every roster (and so which trainee takes which course).
bool sees_rosters(const std::optional<web::Principal>& p);

}  // namespace curriculum_view
}  // namespace mdsc::timetable
