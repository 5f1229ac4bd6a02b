#pragma once
// The exams module's face (decision 0018): whether a trainee passed a course's exams, for the
// completion rules. Reads take the caller's connection.
#include <cstdint>
#include <map>

#include "db/database.h"

namespace mdsc::exams {

struct CourseOutcome {
  int exams = 0;   // the course's exams
  int passed = 0;  // of those, the ones the trainee passed (in either attempt)
  bool all_passed() const { return passed == exams; }
};

CourseOutcome outcome(db::Conn& c, std::int64_t course_id, std::int64_t user_id);
// The outcome of every trainee with a result in the course's exams, by user id (read once for
// them all); a trainee without one has passed none of them.
std::map<std::int64_t, CourseOutcome> outcomes_of_course(db::Conn& c, std::int64_t course_id);
// The number of the course's exams.
int exams_of_course(db::Conn& c, std::int64_t course_id);

}  // namespace mdsc::exams
