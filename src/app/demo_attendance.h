#pragma once
// The demo's attendance: eleven more of the accepted trainees join the demo trainee's courses,
// and everyone checks in to the sessions held before the demo's day, as they would have: most on
// time from their own phones, some late, a few absent, one excused by the secretariat, and one
// who checked in a friend from the friend's phone (both flagged, one of them already reviewed).
#include <cstdint>
#include <vector>

#include "app/demo_curriculum.h"
#include "db/database.h"
#include "modules/timetable.h"

namespace mdsc::app {

// The course's sessions that ended before the demo's day, by day and time.
std::vector<timetable::Session> held_sessions(db::Database& db, std::int64_t course_id);
// Of the demo trainee's courses, the one that has held most sessions (the solver decides which,
// and it may differ between the databases).
std::int64_t most_held_course(db::Database& db, const DemoCurriculum& curriculum);

// After the timetable is published and its history made (the drafts did not see these trainees).
void load_demo_attendance(db::Database& db, const DemoCurriculum& curriculum, std::int64_t trainee_user_id);

}  // namespace mdsc::app
