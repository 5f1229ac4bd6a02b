#pragma once
// FY2017 demo data of the curriculum module: the catalogue exactly as the prospectus's
// カリキュラム(案) (20171027) lists it — 6 common subjects, the big-data medicine and AI drug
// discovery tracks — with the instructors and institutions it names, and the year's free choice.
#include <cstdint>
#include <vector>

#include "core/clock.h"
#include "db/database.h"

namespace mdsc::app {

struct DemoCurriculum {
  std::int64_t instructor_course = 0;       // システム医学概論: the demo instructor's course
  std::vector<std::int64_t> trainee_courses;  // what the demo trainee chose
};

// After the institutions exist (load_demo_organizations); adds those the prospectus names that
// are missing.
DemoCurriculum load_demo_curriculum(db::Database& db, std::int64_t now);
// After the users exist: the demo trainee's enrollments.
void load_demo_enrollments(db::Database& db, const DemoCurriculum& curriculum, std::int64_t trainee_user_id,
                           std::int64_t now);

}  // namespace mdsc::app
