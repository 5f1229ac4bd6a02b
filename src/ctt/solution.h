#pragma once
// A timetable: where each lecture takes place.
#include <vector>

namespace mdsc::ctt {

struct Placement {
  int course = 0;
  int room = 0;    // -1 = not placed (only in a solver's best effort on an impossible instance)
  int period = 0;  // day * periods_per_day + slot; -1 = not placed
  bool placed() const { return room >= 0 && period >= 0; }
};

struct Solution {
  std::vector<Placement> lectures;
};

}  // namespace mdsc::ctt
