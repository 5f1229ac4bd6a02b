#include "modules/timetable/curriculum_view.h"

#include "modules/curriculum/policy.h"
#include "modules/curriculum/repo.h"

namespace mdsc::timetable::curriculum_view {

namespace {
// Beyond any consortium's roster of instructors: the choice lists show them all.
constexpr long kAllInstructors = 2000;
}  // namespace

std::vector<Course> courses(db::Conn& c, int fiscal_year) { return curriculum::repo::courses(c, fiscal_year); }

std::optional<Course> course(db::Conn& c, std::int64_t id) { return curriculum::repo::course(c, id); }

std::vector<int> course_years(db::Conn& c) { return curriculum::repo::course_years(c); }

std::optional<Instructor> instructor(db::Conn& c, std::int64_t id) { return curriculum::repo::instructor(c, id); }

std::optional<Instructor> instructor_of_user(db::Conn& c, std::int64_t user_id) {
  return curriculum::repo::instructor_of_user(c, user_id);
}

std::vector<Instructor> all_instructors(db::Conn& c) {
  curriculum::repo::InstructorQuery q;
  q.limit = kAllInstructors;
  return curriculum::repo::instructors(c, q);
}

std::vector<std::pair<std::int64_t, std::string>> trainee_choices(db::Conn& c) {
  return curriculum::repo::trainee_choices(c);
}

std::vector<std::int64_t> taught_courses(db::Conn& c, const web::Principal& p) {
  return curriculum::taught_courses(c, p);
}

bool user_teaches(db::Conn& c, std::int64_t user_id, std::int64_t course_id) {
  return curriculum::repo::user_teaches(c, user_id, course_id);
}

bool sees_rosters(const std::optional<web::Principal>& p) { return curriculum::manages_curriculum(p); }

}  // namespace mdsc::timetable::curriculum_view
