#pragma once
// Curriculum-based course timetabling (ITC-2007 track 3): the instance model.
//
// A week of `days` × `periods_per_day` periods (period p is day p / periods_per_day, slot
// p % periods_per_day). Each course has a number of lectures to place, each in one period and one
// room. Courses of one curriculum, and courses of one teacher, must not share a period.
//
// Pure C++: no database or web dependency, so the platform, the CLI and the tests all use it.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mdsc::ctt {

struct Course {
  std::string name;
  std::string teacher;
  int teacher_index = 0;     // into Instance::teachers
  int lectures = 0;
  int min_working_days = 0;
  int students = 0;
  // Extensions (not in the .ctt format; 0 = no limit): soft caps counted by Weights::spread.
  int max_per_day = 0;
  int max_per_week = 0;      // needs Instance::week_of_day or Instance::days_per_week
};

struct Room {
  std::string name;
  int capacity = 0;
};

struct Curriculum {
  std::string name;
  std::vector<int> courses;  // indices into Instance::courses, no duplicates
};

// Soft-constraint weights. The defaults are ITC-2007's (formulation UD2); the two extensions are
// off by default so that the objective is exactly the competition's.
struct Weights {
  int room_capacity = 1;           // per student over the room's capacity
  int min_working_days = 5;        // per day missing below a course's minimum
  int curriculum_compactness = 2;  // per lecture with no adjacent lecture of its curriculum
  int room_stability = 1;          // per room beyond the first that a course uses
  int preferences = 0;             // per unit of Instance::period_penalty (instructor wishes)
  int spread = 0;                  // per lecture beyond a course's max_per_day / max_per_week
};

struct Instance {
  std::string name;
  int days = 0;
  int periods_per_day = 0;
  std::vector<Course> courses;
  std::vector<Room> rooms;
  std::vector<Curriculum> curricula;
  std::vector<std::string> teachers;     // distinct teacher names, in order of appearance
  std::vector<std::uint8_t> unavailable;  // courses × periods: 1 = the course may not be taught then

  // Extensions for the platform (all neutral by default):
  std::vector<int> period_penalty;  // courses × periods, >= 0; empty = none (instructor preferences)
  int days_per_week = 0;            // groups days into weeks for Course::max_per_week; 0 = none
  // The week (0, 1, ...; non-decreasing) of each day, for instances whose days are not a fixed
  // number per week (the platform's days are teaching days only). Empty: days_per_week applies.
  std::vector<int> week_of_day;
  Weights weights;

  int periods() const { return days * periods_per_day; }
  int day_of(int period) const { return period / periods_per_day; }
  int slot_of(int period) const { return period % periods_per_day; }
  bool is_available(int course, int period) const {
    return !unavailable[static_cast<std::size_t>(course) * periods() + period];
  }
  int penalty(int course, int period) const {
    return period_penalty.empty() ? 0
                                  : period_penalty[static_cast<std::size_t>(course) * periods() + period];
  }
  int course_index(std::string_view name) const;  // -1 when unknown
  int room_index(std::string_view name) const;    // -1 when unknown
  int total_lectures() const;
  // Whether days are grouped into weeks (week_of_day or days_per_week), and the week of a day.
  bool has_weeks() const { return !week_of_day.empty() || days_per_week > 0; }
  int week_of(int day) const {
    return !week_of_day.empty() ? week_of_day[static_cast<std::size_t>(day)] : days_per_week > 0 ? day / days_per_week : 0;
  }

  // Fills teachers / teacher_index from the teachers' names and sizes `unavailable`; call after
  // building an instance by hand (the parser does it).
  void index_teachers();
};

// The largest number of periods per day the solver supports (a day is a 64-bit mask).
inline constexpr int kMaxPeriodsPerDay = 64;

}  // namespace mdsc::ctt
