#pragma once
// What the solver needs of a term, read in one transaction: the term, its FY's courses with
// their instructors, the active rooms, the enrolled trainees, the instructors' unavailability
// and the courses' schedule rules.
#include <optional>

#include "db/database.h"
#include "modules/timetable/planning/instance_builder.h"

namespace mdsc::timetable {

std::optional<PlanningData> planning_data(db::Conn& c, std::int64_t term_id);

}  // namespace mdsc::timetable
