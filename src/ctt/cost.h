#pragma once
// The ITC-2007 cost of a timetable, counted exactly as the official validator counts it
// (validator.cc by Schaerf and Di Gaspero, formulation UD2), from scratch. The solver keeps its
// own incremental count; this is the reference it is checked against.
#include <string>

#include "ctt/instance.h"
#include "ctt/solution.h"

namespace mdsc::ctt {

struct CostReport {
  // Hard: violations.
  int lectures = 0;         // lectures missing (or extra) per course
  int conflicts = 0;        // pairs of conflicting courses (curriculum or teacher) per shared period
  int availability = 0;     // lectures in a period where the course is unavailable
  int room_occupation = 0;  // lectures beyond the first in one room and period
  // Soft: already multiplied by their weights.
  int room_capacity = 0;
  int min_working_days = 0;
  int curriculum_compactness = 0;
  int room_stability = 0;
  int preferences = 0;  // extension, 0 unless Weights::preferences is set
  int spread = 0;       // extension, 0 unless Weights::spread is set

  int hard() const { return lectures + conflicts + availability + room_occupation; }
  int soft() const {
    return room_capacity + min_working_days + curriculum_compactness + room_stability + preferences + spread;
  }
  bool feasible() const { return hard() == 0; }
};

CostReport evaluate(const Instance& instance, const Solution& solution);

// The validator's report, one "name : value" line per component, then the total.
std::string format_cost(const CostReport& cost);

}  // namespace mdsc::ctt
