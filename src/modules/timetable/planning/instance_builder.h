#pragma once
// The solver's instance for a term's courses (docs/decisions/0007): one instance "day" per
// teaching day of the term, one period per row of the term's grid (daytime, then evening), the
// courses' time bands as unavailability, and as curricula the common subjects, each track, every
// pair of courses that share an enrolled trainee, and every instructor's courses. Instructors'
// 'unavailable' rules and the weekdays a course's rule excludes are unavailable periods; 'avoid'
// rules are period penalties (Weights::preferences); a course's rule gives its minimum working
// days and its cap per calendar week (Weights::spread, weeks Monday to Sunday from the term's first).
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "modules/curriculum.h"
#include "modules/timetable/availability/availability.h"
#include "ctt/instance.h"
#include "modules/timetable/terms/room.h"
#include "modules/timetable/terms/term.h"

namespace mdsc::timetable {

struct PlanningData {
  Term term;                                                 // with its periods and closed days
  std::vector<curriculum::Course> courses;                   // with their instructors
  std::vector<Room> rooms;                                   // active ones
  std::vector<std::pair<std::int64_t, std::int64_t>> enrolled;  // (course id, user id)
  std::map<std::int64_t, std::vector<Unavailability>> unavailability;  // by instructor id
  std::map<std::int64_t, CourseRule> rules;                            // by course id; absent: no rule
};

// The solver's weights for the platform's extensions, and the penalty of one 'avoid' rule at a period.
inline constexpr int kAvoidPenalty = 5;
inline constexpr int kPreferenceWeight = 1;
inline constexpr int kSpreadWeight = 10;

struct BuiltInstance {
  ctt::Instance instance;
  std::vector<std::string> days;          // ISO date of each instance day
  std::vector<Period> slots;              // the grid row of each slot of a day
  std::vector<std::int64_t> course_ids;   // of each instance course
  std::vector<std::int64_t> room_ids;     // of each instance room
};

BuiltInstance build_instance(const PlanningData& data);

}  // namespace mdsc::timetable
