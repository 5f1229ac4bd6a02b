#pragma once
// Changes to instructors' unavailability and courses' schedule rules, each validated and audited
// in the caller's unit of work (entities "instructor_unavailability" and "course_schedule_rule").
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "modules/timetable/availability/model.h"
#include "platform/work.h"

namespace mdsc::timetable {

// The new rule's id; an identical rule of the instructor is a conflict on "weekday" (or "day").
Result<std::int64_t> add_unavailability(Work& w, Unavailability u);
// Not found unless the rule belongs to that instructor.
Status remove_unavailability(Work& w, std::int64_t instructor_id, std::int64_t rule_id);
// Creates or replaces the course's row.
Status save_course_rule(Work& w, CourseRule r);

// Field errors of a rule as typed, before any database work: weekday 1–7 or a date (exactly
// one), band daytime / evening or "" (whole day), position only with a band and present in a
// term's grid (or the default grid), reason at most 100 characters.
// `grid` is the (band, position) pairs that exist; empty: default_periods().
Status validate(const Unavailability& u, const std::vector<std::pair<std::string, int>>& grid = {});
// weekdays: seven 0/1 with at least one 1; max_per_week and min_days positive; min_days at most
// the course's periods.
Status validate(const CourseRule& r, int course_periods);

}  // namespace mdsc::timetable
