#pragma once
// The demo's exams: of the demo trainee's courses, the one that has held most sessions had its
// mid-term in its last session before the demo's day (scores entered by the secretariat, one
// trainee failed and passed the retake, those below the attendance rule did not sit it); another
// course's exam is ahead.
#include <cstdint>

#include "app/demo_curriculum.h"
#include "db/database.h"

namespace mdsc::app {

// After the demo's attendance (eligibility follows it).
void load_demo_exams(db::Database& db, const DemoCurriculum& curriculum);

}  // namespace mdsc::app
