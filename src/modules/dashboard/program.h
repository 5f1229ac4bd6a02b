#pragma once
// The program at a glance, for the roles whose own modules have not arrived yet (steering
// committee, promotion office, career office, supervisors, institution officers): this fiscal
// year's courses, trainees admitted against the targets, how far the timetable has come, and the
// pages each of them can open. Counted in one statement.
#include "web/registry.h"

namespace mdsc::dashboard {

web::DashboardPanel program_panel();

}  // namespace mdsc::dashboard
