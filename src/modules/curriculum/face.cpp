// What the face (modules/curriculum.h) offers other modules: reads in their transaction and the
// rules of who may see what. An instructor — an account linked to one of the course's
// instructors, or holding the scoped role instructor:<course id> — sees that course's roster and
// nothing of other courses; the secretariat and the promotion office see everything.
#include <algorithm>

#include "modules/curriculum.h"
#include "modules/curriculum/repo.h"

namespace mdsc::curriculum {

std::vector<int> years_with_courses(db::Conn& c) { return repo::course_years(c); }

std::vector<Course> courses_of_year(db::Conn& c, int fiscal_year) { return repo::courses(c, fiscal_year); }

std::optional<Course> find_course(db::Conn& c, std::int64_t course_id) { return repo::course(c, course_id); }

std::optional<Instructor> find_instructor(db::Conn& c, std::int64_t instructor_id) {
  return repo::instructor(c, instructor_id);
}

std::optional<Instructor> instructor_of_user(db::Conn& c, std::int64_t user_id) {
  return repo::instructor_of_user(c, user_id);
}

std::vector<Instructor> all_instructors(db::Conn& c) {
  repo::InstructorQuery q;
  q.limit = repo::count_instructors(c, q);
  return repo::instructors(c, q);
}

std::vector<Course> courses_of_instructor(db::Conn& c, std::int64_t instructor_id) {
  return repo::courses_of_instructor(c, instructor_id);
}

std::vector<std::pair<std::int64_t, std::int64_t>> enrolled_trainees(db::Conn& c, int fiscal_year) {
  return repo::enrolled_pairs(c, fiscal_year);
}

std::vector<std::pair<std::int64_t, std::string>> trainee_choices(db::Conn& c) { return repo::trainee_choices(c); }

bool manages_curriculum(const std::optional<web::Principal>& p) {
  return p && (p->has(web::Role::secretariat) || p->has(web::Role::promotion_office));
}

std::vector<std::int64_t> taught_courses(db::Conn& c, const web::Principal& p) {
  auto ids = repo::courses_taught_by_user(c, p.user_id);
  for (auto id : p.scope_ids(web::Role::instructor))
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<RosterEntry> roster(db::Conn& c, std::int64_t course_id) {
  repo::EnrollmentQuery q;
  q.course_id = course_id;
  q.status = EnrollmentStatus::enrolled;
  std::vector<RosterEntry> out;
  for (const auto& e : repo::enrollments(c, q)) out.push_back({e.user_id, e.user_name, e.user_kana, e.user_email});
  return out;
}

bool enrolled_in(db::Conn& c, std::int64_t course_id, std::int64_t user_id) {
  const auto e = repo::active_enrollment(c, course_id, user_id);
  return e && e->is(EnrollmentStatus::enrolled);
}

bool teaches_course(db::Conn& c, std::int64_t user_id, std::int64_t course_id) {
  return repo::user_teaches(c, user_id, course_id);
}

bool can_see_roster(db::Conn& c, const std::optional<web::Principal>& p, std::int64_t course_id) {
  if (!p) return false;
  if (manages_curriculum(p)) return true;
  if (p->has_scoped(web::Role::instructor, "course", course_id)) return true;
  return repo::user_teaches(c, p->user_id, course_id);
}

}  // namespace mdsc::curriculum
