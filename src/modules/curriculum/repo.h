#pragma once
// SQL of the curriculum module. Only operations and handlers' read paths call this.
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "db/database.h"
#include "modules/curriculum/model.h"

namespace mdsc::curriculum::repo {

// Instructors ---------------------------------------------------------------------------------
std::optional<Instructor> instructor(db::Conn& c, std::int64_t id);
std::optional<Instructor> instructor_of_user(db::Conn& c, std::int64_t user_id);
struct InstructorQuery {
  std::string search;  // names, kana, romaji, organisation
  long limit = 100, offset = 0;
};
std::vector<Instructor> instructors(db::Conn& c, const InstructorQuery& q);
long count_instructors(db::Conn& c, const InstructorQuery& q);
std::int64_t insert_instructor(db::Conn& c, const Instructor& i, const std::string& now_iso);
void update_instructor(db::Conn& c, const Instructor& i, const std::string& now_iso);

// Years -----------------------------------------------------------------------------------------
// The stored settings, or the defaults (free choice, no deadline) with stored = false.
CurriculumYear year(db::Conn& c, int fiscal_year);
void save_year(db::Conn& c, const CurriculumYear& y, const std::string& now_iso);
// Years that have courses, newest first.
std::vector<int> course_years(db::Conn& c);

// Courses ---------------------------------------------------------------------------------------
std::optional<Course> course(db::Conn& c, std::int64_t id);
std::optional<Course> course_by_code(db::Conn& c, int fiscal_year, const std::string& code);
// only_ids: when set, restrict to these (an instructor's own courses); empty vector matches none.
std::vector<Course> courses(db::Conn& c, int fiscal_year, const std::optional<std::vector<std::int64_t>>& only_ids = std::nullopt);
std::int64_t insert_course(db::Conn& c, const Course& course, const std::string& now_iso);
void update_course(db::Conn& c, const Course& course, const std::string& now_iso);
void replace_course_instructors(db::Conn& c, std::int64_t course_id, const std::vector<CourseInstructor>& list);
// Takes the course row's lock (PostgreSQL; SQLite's write transaction already serialises
// writers), so that enrollments in one course are decided one after the other. False: no course.
bool lock_course(db::Conn& c, std::int64_t id);

// Courses an account teaches: linked to one of the course's instructors.
std::vector<std::int64_t> courses_taught_by_user(db::Conn& c, std::int64_t user_id);
bool user_teaches(db::Conn& c, std::int64_t user_id, std::int64_t course_id);

// Active accounts with the trainee role, as (id, "name <e-mail>"), for the secretariat's choice.
std::vector<std::pair<std::int64_t, std::string>> trainee_choices(db::Conn& c);
// Universities and research institutes, as (id, name), for an instructor's affiliation.
std::vector<std::pair<std::int64_t, std::string>> institution_choices(db::Conn& c);

// Enrollments -----------------------------------------------------------------------------------
std::optional<Enrollment> enrollment(db::Conn& c, std::int64_t id);
// The enrollment that is not dropped, if any.
std::optional<Enrollment> active_enrollment(db::Conn& c, std::int64_t course_id, std::int64_t user_id);
struct EnrollmentQuery {
  std::int64_t course_id = 0;
  std::int64_t user_id = 0;
  int fiscal_year = 0;
  std::string status;                                   // "" = all but dropped; "all" = all
  std::optional<std::vector<std::int64_t>> course_ids;  // restrict (an instructor's courses)
  long limit = 1000, offset = 0;
};
std::vector<Enrollment> enrollments(db::Conn& c, const EnrollmentQuery& q);
long count_enrollments(db::Conn& c, const EnrollmentQuery& q);
int count_status(db::Conn& c, std::int64_t course_id, const std::string& status);
std::int64_t insert_enrollment(db::Conn& c, const Enrollment& e, std::int64_t now);
void update_enrollment(db::Conn& c, const Enrollment& e, std::int64_t now);
// The first in line, if any.
std::optional<Enrollment> first_waitlisted(db::Conn& c, std::int64_t course_id);
int last_waitlist_position(db::Conn& c, std::int64_t course_id);
// Renumbers the waitlist 1, 2, ... in its current order.
void renumber_waitlist(db::Conn& c, std::int64_t course_id, std::int64_t now);

}  // namespace mdsc::curriculum::repo
