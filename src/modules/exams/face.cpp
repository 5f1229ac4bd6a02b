// The exams module's face (modules/exams.h).
#include <map>

#include "modules/exams.h"
#include "modules/exams/repo.h"

namespace mdsc::exams {

CourseOutcome outcome(db::Conn& c, std::int64_t course_id, std::int64_t user_id) {
  CourseOutcome out;
  const auto list = repo::of_course(c, course_id);
  out.exams = static_cast<int>(list.size());
  std::map<std::int64_t, bool> passed;
  for (const auto& r : repo::results_of_user(c, user_id)) passed[r.exam_id] = passed[r.exam_id] || r.passed;
  for (const auto& e : list) out.passed += passed[e.id] ? 1 : 0;
  return out;
}

std::map<std::int64_t, CourseOutcome> outcomes_of_course(db::Conn& c, std::int64_t course_id) {
  const auto list = repo::of_course(c, course_id);
  std::map<std::int64_t, std::map<std::int64_t, bool>> passed;  // user -> exam -> passed
  for (const auto& e : list)
    for (const auto& r : repo::results_of_exam(c, e.id)) passed[r.user_id][e.id] = passed[r.user_id][e.id] || r.passed;
  std::map<std::int64_t, CourseOutcome> out;
  for (const auto& [user, exams] : passed) {
    CourseOutcome o;
    o.exams = static_cast<int>(list.size());
    for (const auto& [exam, ok] : exams) o.passed += ok ? 1 : 0;
    out.emplace(user, o);
  }
  return out;
}

int exams_of_course(db::Conn& c, std::int64_t course_id) { return static_cast<int>(repo::of_course(c, course_id).size()); }

}  // namespace mdsc::exams
