#pragma once
// Checks on instructors, courses and years that need no database. Each sets field errors with
// message ids from the catalogues.
#include "core/result.h"
#include "modules/curriculum/model.h"

namespace mdsc::curriculum {

inline constexpr int kMaxPeriods = 200;
inline constexpr int kMaxCapacity = 10000;

Status validate_instructor(const Instructor& i);
// Trims the code.
void normalize_course(Course& c);
Status validate_course(const Course& c);
Status validate_year(const CurriculumYear& y);
// YYYY-MM-DD of a real day.
bool valid_date(const std::string& s);

}  // namespace mdsc::curriculum
