#pragma once
// All the curriculum module's SQL. Rows are read through the entity tables (model.cpp); the
// INSERTs and UPDATEs name the tables' columns in the tables' order.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.h"
#include "modules/curriculum/model.h"

namespace mdsc::curriculum::repo {

// The INSERT statements, for the test that their columns follow the entity tables.
namespace sql {
extern const char* const insert_instructor;
extern const char* const insert_course;
extern const char* const insert_course_instructor;
extern const char* const save_year;
extern const char* const insert_enrollment;
}  // namespace sql

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
// Takes the instructor row's lock (decision 0011). False: no such instructor.
bool lock_instructor(db::Conn& c, std::int64_t id);
// The kind of an organisation (company, university, research_institute), if it exists. The
// organisations are the members module's; an instructor's affiliation is one of them.
std::optional<std::string> organization_kind(db::Conn& c, std::int64_t organization_id);
// Universities and research institutes, as (id, name), for an instructor's affiliation.
std::vector<std::pair<std::int64_t, std::string>> institution_choices(db::Conn& c);

// Accounts (the platform's users and roles) ------------------------------------------------------
bool user_exists(db::Conn& c, std::int64_t user_id);
bool is_active_trainee(db::Conn& c, std::int64_t user_id);
// Active accounts with the trainee role, as (id, "name <e-mail>").
std::vector<std::pair<std::int64_t, std::string>> trainee_choices(db::Conn& c);
struct Recipient {
  std::string email, lang, name;
};
std::optional<Recipient> recipient(db::Conn& c, std::int64_t user_id);
// Admitted to the programme of that fiscal year: an accepted application (the admissions
// module's table) is what makes someone a trainee of the year; the role alone stays from earlier
// years.
bool accepted_for_year(db::Conn& c, std::int64_t user_id, int fiscal_year);

// Years -----------------------------------------------------------------------------------------
// The stored settings, or the defaults (free choice, no deadline) with stored = false.
CurriculumYear year(db::Conn& c, int fiscal_year);
void save_year(db::Conn& c, const CurriculumYear& y, const std::string& now_iso);
// Years that have courses, newest first.
std::vector<int> course_years(db::Conn& c);

// Courses ---------------------------------------------------------------------------------------
std::optional<Course> course(db::Conn& c, std::int64_t id);
std::optional<std::int64_t> course_id_by_code(db::Conn& c, int fiscal_year, const std::string& code);
// A year's courses with their instructors, by code.
std::vector<Course> courses(db::Conn& c, int fiscal_year);
// An instructor's courses of every year (newest first, by code), without their instructors.
std::vector<Course> courses_of_instructor(db::Conn& c, std::int64_t instructor_id);
std::int64_t insert_course(db::Conn& c, const Course& course, const std::string& now_iso);
void update_course(db::Conn& c, const Course& course, const std::string& now_iso);
void replace_course_instructors(db::Conn& c, std::int64_t course_id, const std::vector<CourseInstructor>& list);
// Takes the course row's lock (decision 0008): enrollments in one course and changes to its
// instructors are decided one after the other. False: no such course.
bool lock_course(db::Conn& c, std::int64_t id);
bool instructor_exists(db::Conn& c, std::int64_t id);

// Courses an account teaches: linked to one of the course's instructors.
std::vector<std::int64_t> courses_taught_by_user(db::Conn& c, std::int64_t user_id);
bool user_teaches(db::Conn& c, std::int64_t user_id, std::int64_t course_id);

// Enrollments -----------------------------------------------------------------------------------
std::optional<Enrollment> enrollment(db::Conn& c, std::int64_t id);
// The course of an enrollment (it never changes: read before taking the course's lock).
std::optional<std::int64_t> course_of_enrollment(db::Conn& c, std::int64_t id);
// The enrollment that is not dropped, if any.
std::optional<Enrollment> active_enrollment(db::Conn& c, std::int64_t course_id, std::int64_t user_id);
struct EnrollmentQuery {
  std::int64_t course_id = 0;
  std::int64_t user_id = 0;
  int fiscal_year = 0;
  std::optional<EnrollmentStatus> status;  // nullopt: all but dropped (or all, with any_status)
  bool any_status = false;
  std::optional<std::vector<std::int64_t>> course_ids;  // restrict (an instructor's courses)
  long limit = 1000, offset = 0;
};
std::vector<Enrollment> enrollments(db::Conn& c, const EnrollmentQuery& q);
long count_enrollments(db::Conn& c, const EnrollmentQuery& q);
// (course id, user id) of those enrolled in the year's courses, by course then user.
std::vector<std::pair<std::int64_t, std::int64_t>> enrolled_pairs(db::Conn& c, int fiscal_year);
std::int64_t insert_enrollment(db::Conn& c, const Enrollment& e, std::int64_t now);
void update_enrollment(db::Conn& c, const Enrollment& e, std::int64_t now);
// The first in line, if any.
std::optional<Enrollment> first_waitlisted(db::Conn& c, std::int64_t course_id);
std::int64_t last_waitlist_position(db::Conn& c, std::int64_t course_id);
// Renumbers the waitlist 1, 2, ... in its current order.
void renumber_waitlist(db::Conn& c, std::int64_t course_id, std::int64_t now);

}  // namespace mdsc::curriculum::repo
