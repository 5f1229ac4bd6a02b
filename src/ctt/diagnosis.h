#pragma once
// Why a timetable cannot be feasible: obvious impossibilities found before solving (a course with
// more lectures than available periods, a curriculum or a teacher with more lectures than
// periods, more lectures than room slots), and the hard violations left in the best timetable
// found, each naming the courses and the constraint that blocks them.
#include <string>
#include <vector>

#include "ctt/instance.h"
#include "ctt/solution.h"

namespace mdsc::ctt {

struct Blocker {
  enum class Kind { availability, curriculum, teacher, rooms, unplaced } kind;
  std::vector<int> courses;  // the courses concerned
  std::string constraint;    // curriculum or teacher name when there is one
  int period = -1;           // for a violation in the timetable
  std::string message;       // one readable sentence
};

struct Diagnosis {
  std::vector<Blocker> impossible;  // found before solving: no timetable can satisfy these
  std::vector<Blocker> residual;    // hard violations left in the best timetable found
  bool empty() const { return impossible.empty() && residual.empty(); }
  std::string to_string() const;    // one line per blocker
};

// Counting arguments that prove infeasibility (necessary conditions, not sufficient).
std::vector<Blocker> precheck(const Instance& instance);

// The hard violations of a timetable, per course pair or course.
std::vector<Blocker> violations(const Instance& instance, const Solution& solution);

}  // namespace mdsc::ctt
