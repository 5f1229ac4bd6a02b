#pragma once
// The solver's instance for a term's courses (docs/decisions/0007): one instance "day" per
// teaching day of the term, one period per row of the term's grid (daytime, then evening), the
// courses' time bands as unavailability, and as curricula the common subjects, each track, every
// pair of courses that share an enrolled trainee, and every instructor's courses. Instructors'
// 'unavailable' rules and the weekdays a course's rule excludes are unavailable periods; 'avoid'
// rules are period penalties (Weights::preferences); a course's rule gives its minimum working
// days and its cap per calendar week (Weights::spread, weeks Monday to Sunday from the term's first).
#include "modules/timetable/planning/model.h"

namespace mdsc::timetable {

BuiltInstance build_instance(const PlanningData& data);

}  // namespace mdsc::timetable
