#pragma once
// FY2017 demo term and rooms: the trial period of December to February the prospectus
// schedules, with the default daily grid, and the rooms of the representative institution.
#include "db/database.h"

namespace mdsc::app {

void load_demo_timetable(db::Database& db, std::int64_t now);
// After the enrollments: the FY2017 timetable generated and published on 2017-11-24, and a newer
// draft (2018-01-11, after an instructor's day away was known) waiting for the secretariat.
void load_demo_timetable_history(db::Database& db);

}  // namespace mdsc::app
