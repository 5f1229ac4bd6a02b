#pragma once
// Pinned sessions when a term is generated again: the solver leaves them where the secretariat put
// them. A pin takes one of its course's periods out of the instance and closes its period to the
// course and to every course that may not share it (same curriculum or instructor); after solving,
// a session the solver put in a pinned session's room at that period moves to another free room.
#include <cstdint>
#include <string>
#include <vector>

#include "ctt/solution.h"
#include "modules/timetable/planning/instance_builder.h"
#include "platform/entity_fwd.h"

namespace mdsc::timetable {

struct Pin {
  std::int64_t course_id = 0;
  std::string day;
  std::string band;
  int position = 0;
  std::int64_t room_id = 0;

  static const entity::Table<Pin>& table();  // its fields, described once
};

// Pins whose day, period, course and room are in the instance, as instance placements.
std::vector<ctt::Placement> pins_in(const BuiltInstance& built, const std::vector<Pin>& pins);

// Takes the pinned lectures out of the instance (see above); returns the pins held (a pin beyond
// its course's number of periods is dropped).
std::vector<ctt::Placement> hold_pins(BuiltInstance& built, const std::vector<ctt::Placement>& pins);

// For a term under way: the days before `today` (ISO) are over; closes them to every course,
// so that the solver places what is left of each course on days still to come (the sessions held
// on them are pins). Returns how many days were closed.
int close_past_days(BuiltInstance& built, const std::string& today);

// Adds the pins to a solution of the held instance and moves lectures out of pinned rooms.
// Returns the number of lectures left sharing a room with a pin (no other room was free).
int merge_pins(const BuiltInstance& built, ctt::Solution& solution, const std::vector<ctt::Placement>& pins);

}  // namespace mdsc::timetable
