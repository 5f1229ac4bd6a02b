#include "ctt/cost.h"

#include <algorithm>
#include <sstream>

namespace mdsc::ctt {

namespace {

// As the validator reads a solution: course × period -> room + 1 (0 = no lecture); a second
// lecture of a course in one period is dropped (it reads such a file with a warning and skips it).
class Grid {
 public:
  Grid(const Instance& in, const Solution& sol)
      : P(in.periods()), C(static_cast<int>(in.courses.size())), R(static_cast<int>(in.rooms.size())),
        tt_(static_cast<std::size_t>(C) * P, 0) {
    for (const auto& l : sol.lectures) {
      if (!l.placed() || l.course < 0 || l.course >= C || l.room >= R || l.period >= P) continue;
      int& cell = tt_[static_cast<std::size_t>(l.course) * P + l.period];
      if (cell == 0) cell = l.room + 1;
    }
  }
  int at(int c, int p) const { return tt_[static_cast<std::size_t>(c) * P + p]; }
  const int P, C, R;

 private:
  std::vector<int> tt_;
};

// What each course's own lectures cost: lectures, availability, room capacity, preferences,
// minimum working days and room stability.
void count_courses(const Instance& in, const Grid& g, CostReport& r) {
  for (int c = 0; c < g.C; ++c) {
    std::vector<char> day_used(in.days, 0), room_used(g.R, 0);
    int lectures = 0, days = 0, rooms = 0;
    for (int p = 0; p < g.P; ++p) {
      const int room = g.at(c, p);
      if (!room) continue;
      ++lectures;
      if (!day_used[in.day_of(p)]) {
        day_used[in.day_of(p)] = 1;
        ++days;
      }
      if (!room_used[room - 1]) {
        room_used[room - 1] = 1;
        ++rooms;
      }
      if (!in.is_available(c, p)) ++r.availability;
      const int over = in.courses[c].students - in.rooms[room - 1].capacity;
      if (over > 0) r.room_capacity += over * in.weights.room_capacity;
      r.preferences += in.penalty(c, p) * in.weights.preferences;
    }
    r.lectures += std::abs(lectures - in.courses[c].lectures);
    if (days < in.courses[c].min_working_days)
      r.min_working_days += (in.courses[c].min_working_days - days) * in.weights.min_working_days;
    if (rooms > 1) r.room_stability += (rooms - 1) * in.weights.room_stability;
  }
}

// Each pair of distinct courses sharing a curriculum or a teacher, once per period in which both
// have a lecture (however many curricula they share).
int count_conflicts(const Instance& in, const Grid& g) {
  const int C = g.C;
  std::vector<std::vector<char>> conflict(C, std::vector<char>(C, 0));
  for (const auto& q : in.curricula)
    for (int a : q.courses)
      for (int b : q.courses)
        if (a != b) conflict[a][b] = 1;
  for (int a = 0; a < C; ++a)
    for (int b = a + 1; b < C; ++b)
      if (in.courses[a].teacher_index == in.courses[b].teacher_index) conflict[a][b] = conflict[b][a] = 1;
  int n = 0;
  for (int a = 0; a < C; ++a)
    for (int b = a + 1; b < C; ++b)
      if (conflict[a][b])
        for (int p = 0; p < g.P; ++p)
          if (g.at(a, p) && g.at(b, p)) ++n;
  return n;
}

int count_room_occupation(const Grid& g) {
  std::vector<int> room_count(static_cast<std::size_t>(g.R) * g.P, 0);
  for (int c = 0; c < g.C; ++c)
    for (int p = 0; p < g.P; ++p)
      if (int room = g.at(c, p)) ++room_count[static_cast<std::size_t>(room - 1) * g.P + p];
  int extra = 0;
  for (int n : room_count)
    if (n > 1) extra += n - 1;
  return extra;
}

// A curriculum's lectures in a period with no lecture of the curriculum in the period before or
// after on the same day count once each.
int count_compactness(const Instance& in, const Grid& g) {
  const int ppd = in.periods_per_day;
  std::vector<int> q_count(g.P);
  int cost = 0;
  for (const auto& q : in.curricula) {
    std::fill(q_count.begin(), q_count.end(), 0);
    for (int c : q.courses)
      for (int p = 0; p < g.P; ++p)
        if (g.at(c, p)) ++q_count[p];
    for (int p = 0; p < g.P; ++p) {
      if (!q_count[p]) continue;
      const int s = p % ppd;
      const bool before = s > 0 && q_count[p - 1] > 0;
      const bool after = s < ppd - 1 && q_count[p + 1] > 0;
      if (!before && !after) cost += q_count[p] * in.weights.curriculum_compactness;
    }
  }
  return cost;
}

// Extension: lectures beyond a course's daily / weekly cap.
int count_spread(const Instance& in, const Grid& g) {
  int cost = 0;
  for (int c = 0; c < g.C; ++c) {
    const Course& co = in.courses[c];
    if (!co.max_per_day && !(co.max_per_week && in.has_weeks())) continue;
    std::vector<int> per_day(in.days, 0);
    for (int p = 0; p < g.P; ++p)
      if (g.at(c, p)) ++per_day[in.day_of(p)];
    int excess = 0;
    if (co.max_per_day)
      for (int n : per_day) excess += std::max(0, n - co.max_per_day);
    if (co.max_per_week && in.has_weeks()) {
      std::vector<int> per_week;
      for (int d = 0; d < in.days; ++d) {
        const auto w = static_cast<std::size_t>(in.week_of(d));
        if (per_week.size() <= w) per_week.resize(w + 1, 0);
        per_week[w] += per_day[d];
      }
      for (int n : per_week) excess += std::max(0, n - co.max_per_week);
    }
    cost += excess * in.weights.spread;
  }
  return cost;
}

}  // namespace

CostReport evaluate(const Instance& in, const Solution& sol) {
  const Grid g(in, sol);
  CostReport r;
  count_courses(in, g, r);
  r.conflicts = count_conflicts(in, g);
  r.room_occupation = count_room_occupation(g);
  r.curriculum_compactness = count_compactness(in, g);
  if (in.weights.spread) r.spread = count_spread(in, g);
  return r;
}

std::string format_cost(const CostReport& c) {
  std::ostringstream os;
  os << "Violations of Lectures (hard) : " << c.lectures << '\n'
     << "Violations of Conflicts (hard) : " << c.conflicts << '\n'
     << "Violations of Availability (hard) : " << c.availability << '\n'
     << "Violations of RoomOccupation (hard) : " << c.room_occupation << '\n'
     << "Cost of RoomCapacity (soft) : " << c.room_capacity << '\n'
     << "Cost of MinWorkingDays (soft) : " << c.min_working_days << '\n'
     << "Cost of CurriculumCompactness (soft) : " << c.curriculum_compactness << '\n'
     << "Cost of RoomStability (soft) : " << c.room_stability << '\n';
  if (c.preferences) os << "Cost of Preferences (soft) : " << c.preferences << '\n';
  if (c.spread) os << "Cost of Spread (soft) : " << c.spread << '\n';
  os << '\n';
  if (c.hard() > 0) os << "Violations = " << c.hard() << ", ";
  os << "Total Cost = " << c.soft() << '\n';
  return os.str();
}

}  // namespace mdsc::ctt
