#include "modules/timetable/planning/pins.h"

#include <algorithm>
#include <map>
#include <set>

namespace mdsc::timetable {

std::vector<ctt::Placement> pins_in(const BuiltInstance& built, const std::vector<Pin>& pins) {
  std::vector<ctt::Placement> out;
  for (const auto& pin : pins) {
    const auto day = std::find(built.days.begin(), built.days.end(), pin.day) - built.days.begin();
    int slot = -1;
    for (std::size_t s = 0; s < built.slots.size(); ++s)
      if (built.slots[s].band == pin.band && built.slots[s].position == pin.position) slot = static_cast<int>(s);
    const auto course = std::find(built.course_ids.begin(), built.course_ids.end(), pin.course_id) - built.course_ids.begin();
    const auto room = std::find(built.room_ids.begin(), built.room_ids.end(), pin.room_id) - built.room_ids.begin();
    if (day == static_cast<long>(built.days.size()) || slot < 0 || course == static_cast<long>(built.course_ids.size()) ||
        room == static_cast<long>(built.room_ids.size()))
      continue;  // a pin on a day that no longer teaches, or of a course or room that is gone: placed afresh
    out.push_back({static_cast<int>(course), static_cast<int>(room),
                   static_cast<int>(day) * built.instance.periods_per_day + slot});
  }
  return out;
}

std::vector<ctt::Placement> hold_pins(BuiltInstance& built, const std::vector<ctt::Placement>& pins) {
  std::vector<ctt::Placement> held;
  auto& in = built.instance;
  const int C = static_cast<int>(in.courses.size());
  std::vector<std::set<int>> blocks(C);  // course -> courses it may not share a period with
  for (int c = 0; c < C; ++c) blocks[c].insert(c);
  for (const auto& q : in.curricula)
    for (int a : q.courses)
      for (int b : q.courses) blocks[a].insert(b);
  for (int a = 0; a < C; ++a)
    for (int b = 0; b < C; ++b)
      if (in.courses[a].teacher == in.courses[b].teacher) blocks[a].insert(b);
  for (const auto& p : pins) {
    auto& course = in.courses[p.course];
    if (course.lectures == 0) continue;
    held.push_back(p);
    --course.lectures;
    course.min_working_days = std::min(course.min_working_days, course.lectures);
    for (int other : blocks[p.course]) in.unavailable[static_cast<std::size_t>(other) * in.periods() + p.period] = 1;
  }
  return held;
}

int close_past_days(BuiltInstance& built, const std::string& today) {
  auto& in = built.instance;
  int closed = 0;
  for (int d = 0; d < in.days && built.days[static_cast<std::size_t>(d)] < today; ++d, ++closed)
    for (std::size_t c = 0; c < in.courses.size(); ++c)
      for (int s = 0; s < in.periods_per_day; ++s)
        in.unavailable[c * static_cast<std::size_t>(in.periods()) + static_cast<std::size_t>(d * in.periods_per_day + s)] = 1;
  return closed;
}

int merge_pins(const BuiltInstance& built, ctt::Solution& solution, const std::vector<ctt::Placement>& pins) {
  std::map<int, std::set<int>> used;  // period -> rooms
  for (const auto& p : pins) used[p.period].insert(p.room);
  int left = 0;
  for (auto& l : solution.lectures) {
    if (!l.placed()) continue;
    if (used[l.period].count(l.room)) {
      // Another room free at that period, the smallest that seats the course, else the largest.
      const int students = built.instance.courses[l.course].students;
      int best = -1;
      for (int r = 0; r < static_cast<int>(built.instance.rooms.size()); ++r) {
        if (used[l.period].count(r)) continue;
        bool taken = false;
        for (const auto& o : solution.lectures) taken = taken || (&o != &l && o.period == l.period && o.room == r);
        if (taken) continue;
        const int cap = built.instance.rooms[r].capacity, best_cap = best < 0 ? 0 : built.instance.rooms[best].capacity;
        const bool fits = cap >= students, best_fits = best >= 0 && best_cap >= students;
        if (best < 0 || (fits && (!best_fits || cap < best_cap)) || (!fits && !best_fits && cap > best_cap)) best = r;
      }
      if (best < 0) ++left;
      else l.room = best;
    }
    used[l.period].insert(l.room);
  }
  for (const auto& p : pins) solution.lectures.push_back(p);
  return left;
}

}  // namespace mdsc::timetable
