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

}  // namespace mdsc::exams
