#include "ctt/diagnosis.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace mdsc::ctt {
namespace {

std::string when(const Instance& in, int p) {
  return "day " + std::to_string(in.day_of(p)) + " period " + std::to_string(in.slot_of(p));
}

// Lectures of a group of mutually exclusive courses must take distinct periods, each available to
// its course: more lectures than the union of their available periods cannot fit.
void check_group(const Instance& in, const std::vector<int>& courses, Blocker::Kind kind,
                 const std::string& what, const std::string& name, std::vector<Blocker>& out) {
  if (courses.size() < 2) return;
  const int P = in.periods();
  std::vector<char> usable(P, 0);
  int lectures = 0;
  for (int c : courses) {
    lectures += in.courses[c].lectures;
    for (int p = 0; p < P; ++p)
      if (in.is_available(c, p)) usable[p] = 1;
  }
  const int periods = static_cast<int>(std::count(usable.begin(), usable.end(), 1));
  if (lectures > periods)
    out.push_back({kind, courses, name, -1,
                   what + " " + name + ": its courses have " + std::to_string(lectures) +
                       " lectures that must not overlap, but only " + std::to_string(periods) +
                       " periods are available to them"});
}

}  // namespace

std::string Diagnosis::to_string() const {
  std::string s;
  for (const auto& b : impossible) s += "impossible: " + b.message + "\n";
  for (const auto& b : residual) s += "unresolved: " + b.message + "\n";
  return s;
}

std::vector<Blocker> precheck(const Instance& in) {
  std::vector<Blocker> out;
  const int P = in.periods(), C = static_cast<int>(in.courses.size()), R = static_cast<int>(in.rooms.size());
  for (int c = 0; c < C; ++c) {
    int avail = 0;
    for (int p = 0; p < P; ++p) avail += in.is_available(c, p);
    if (in.courses[c].lectures > avail)
      out.push_back({Blocker::Kind::availability, {c}, "", -1,
                     "course " + in.courses[c].name + " has " + std::to_string(in.courses[c].lectures) +
                         " lectures but only " + std::to_string(avail) + " available periods"});
  }
  for (const auto& q : in.curricula) check_group(in, q.courses, Blocker::Kind::curriculum, "curriculum", q.name, out);
  std::vector<std::vector<int>> by_teacher(in.teachers.size());
  for (int c = 0; c < C; ++c) by_teacher[in.courses[c].teacher_index].push_back(c);
  for (std::size_t t = 0; t < by_teacher.size(); ++t)
    check_group(in, by_teacher[t], Blocker::Kind::teacher, "teacher", in.teachers[t], out);

  // Rooms: a period holds at most one lecture per room and one per course available then.
  int capacity = 0;
  for (int p = 0; p < P; ++p) {
    int courses = 0;
    for (int c = 0; c < C; ++c) courses += in.courses[c].lectures > 0 && in.is_available(c, p);
    capacity += std::min(R, courses);
  }
  if (in.total_lectures() > capacity) {
    std::vector<int> all;
    for (int c = 0; c < C; ++c)
      if (in.courses[c].lectures > 0) all.push_back(c);
    out.push_back({Blocker::Kind::rooms, all, "", -1,
                   std::to_string(in.total_lectures()) + " lectures in all but only " + std::to_string(capacity) +
                       " room slots they can use (" + std::to_string(R) + " rooms × " + std::to_string(P) +
                       " periods, within the courses' availability)"});
  }
  return out;
}

std::vector<Blocker> violations(const Instance& in, const Solution& sol) {
  std::vector<Blocker> out;
  const int P = in.periods(), C = static_cast<int>(in.courses.size()), R = static_cast<int>(in.rooms.size());
  std::vector<int> tt(static_cast<std::size_t>(C) * P, 0);
  std::vector<int> placed(C, 0);
  for (const auto& l : sol.lectures) {
    if (!l.placed()) continue;
    int& cell = tt[static_cast<std::size_t>(l.course) * P + l.period];
    if (cell == 0) {
      cell = l.room + 1;
      ++placed[l.course];
    }
  }
  auto at = [&](int c, int p) { return tt[static_cast<std::size_t>(c) * P + p]; };

  for (int c = 0; c < C; ++c)
    if (placed[c] != in.courses[c].lectures)
      out.push_back({Blocker::Kind::unplaced, {c}, "", -1,
                     "course " + in.courses[c].name + ": " + std::to_string(placed[c]) + " of " +
                         std::to_string(in.courses[c].lectures) + " lectures placed in distinct periods"});
  for (int c = 0; c < C; ++c)
    for (int p = 0; p < P; ++p)
      if (at(c, p) && !in.is_available(c, p))
        out.push_back({Blocker::Kind::availability, {c}, "", p,
                       "course " + in.courses[c].name + " is taught on " + when(in, p) + " where it is unavailable"});

  // Which curriculum (or teacher) makes each pair of courses exclusive.
  std::map<std::pair<int, int>, int> shared;  // (a, b) -> curriculum index
  for (std::size_t q = 0; q < in.curricula.size(); ++q)
    for (int a : in.curricula[q].courses)
      for (int b : in.curricula[q].courses)
        if (a < b) shared.emplace(std::make_pair(a, b), static_cast<int>(q));
  for (int a = 0; a < C; ++a)
    for (int b = a + 1; b < C; ++b) {
      const bool same_teacher = in.courses[a].teacher_index == in.courses[b].teacher_index;
      auto it = shared.find({a, b});
      if (!same_teacher && it == shared.end()) continue;
      for (int p = 0; p < P; ++p) {
        if (!at(a, p) || !at(b, p)) continue;
        Blocker bl;
        bl.courses = {a, b};
        bl.period = p;
        std::string why;
        if (same_teacher) {
          bl.kind = Blocker::Kind::teacher;
          bl.constraint = in.courses[a].teacher;
          why = "same teacher " + bl.constraint;
        } else {
          bl.kind = Blocker::Kind::curriculum;
          bl.constraint = in.curricula[it->second].name;
          why = "both in curriculum " + bl.constraint;
        }
        bl.message = "courses " + in.courses[a].name + " and " + in.courses[b].name + " clash on " + when(in, p) +
                     " (" + why + ")";
        out.push_back(std::move(bl));
      }
    }

  std::vector<std::vector<int>> in_room(static_cast<std::size_t>(R) * P);
  for (int c = 0; c < C; ++c)
    for (int p = 0; p < P; ++p)
      if (int r = at(c, p)) in_room[static_cast<std::size_t>(r - 1) * P + p].push_back(c);
  for (int r = 0; r < R; ++r)
    for (int p = 0; p < P; ++p) {
      const auto& v = in_room[static_cast<std::size_t>(r) * P + p];
      if (v.size() < 2) continue;
      std::string names;
      for (int c : v) names += (names.empty() ? "" : ", ") + in.courses[c].name;
      out.push_back({Blocker::Kind::rooms, v, in.rooms[r].name, p,
                     "room " + in.rooms[r].name + " holds " + std::to_string(v.size()) + " lectures on " + when(in, p) +
                         " (" + names + ")"});
    }
  return out;
}

}  // namespace mdsc::ctt
