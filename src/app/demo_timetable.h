#pragma once
// FY2017 demo term and rooms: the trial period of December to February the prospectus
// schedules, with the default daily grid, and the rooms of the representative institution.
#include "db/database.h"

namespace mdsc::app {

void load_demo_timetable(db::Database& db, std::int64_t now);

}  // namespace mdsc::app
