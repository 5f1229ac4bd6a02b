#pragma once
// The solver's working timetable with incremental (delta) cost evaluation.
//
// Every lecture sits in its own (period, room) cell, so room occupation holds by construction; a
// move either takes a free cell or swaps with the lecture in it. Curriculum and teacher clashes and
// unavailable periods are counted as hard violations, the soft constraints with their weights.
// A move's cost change is computed from per-course, per-teacher and per-curriculum counters
// without touching them (delta()), and only applied when accepted (apply()).
//
// Internal counting: a clash costs 1 per lecture beyond the first of a curriculum or teacher in a
// period, and compactness is counted on the set of a curriculum's busy periods. With no hard
// violation both agree with the official validator (cost.h), which the tests check.
#include <cstdint>
#include <vector>

#include "ctt/instance.h"
#include "ctt/solution.h"

namespace mdsc::ctt {

class Rng;

// Read-only data derived from an Instance, laid out for the inner loop.
struct Model {
  explicit Model(const Instance& instance);

  const Instance& in;
  int C, R, P, D, ppd, Q, T, W, L;           // courses, rooms, periods, days, slots/day, curricula,
                                             // teachers, weeks, lectures
  std::vector<int> lecture_course;           // L
  std::vector<int> course_first_lecture;     // C + 1
  std::vector<int> teacher;                  // C
  std::vector<int> curr_begin, curr_list;    // curricula of each course (sorted), CSR layout
  std::vector<int> avail_begin, avail_list;  // available periods of each course, CSR layout
  std::vector<std::uint8_t> unavailable;     // C × P
  std::vector<int> capacity_cost;            // C × R, weighted
  std::vector<int> preference_cost;          // C × P, weighted; empty when unused
  std::vector<int> min_days;                 // C
  std::vector<int> max_day, max_week;        // C, 0 = none (only when Weights::spread > 0)
  std::vector<int> day_of, slot_of, week_of_day;
  std::vector<std::uint8_t> conflict;        // C × C: same teacher or a shared curriculum (or same course)
  bool conflicting(int a, int b) const { return conflict[a * C + b]; }
  int w_days, w_compact, w_stability, w_spread;
  bool spread_on;
};

struct Move {
  int l1 = -1;  // lecture moving to (p2, r2)
  int p2 = 0;
  int r2 = 0;
  int l2 = -1;  // lecture in (p2, r2) that takes l1's old cell, or -1
};

struct Delta {
  int hard = 0;
  int soft = 0;
};

// A lecture's new cell, for moves of several lectures at once.
struct Relocation {
  int l = -1;
  int p = -1;
  int r = -1;
};

class State {
 public:
  explicit State(const Model& model);

  // Puts every lecture in a cell: lectures hardest to place first, each where it costs least
  // (ties broken at random). Lectures that find no cell at all stay unplaced (hard violations).
  void construct(Rng& rng, int hard_weight);
  void load(const std::vector<int>& period, const std::vector<int>& room);

  Delta delta(const Move& m) const;
  void apply(const Move& m, const Delta& d);

  // Moves several lectures at once (all leave, then all arrive) and returns the cost change;
  // `undo` receives the relocations that restore the previous timetable.
  Delta relocate(const std::vector<Relocation>& moves, std::vector<Relocation>& undo);
  // Takes back a relocate() that returned d, given its `undo`: the cost change is known, so only
  // the counters are restored (half the work of relocating back).
  void revert(const std::vector<Relocation>& undo, const Delta& d);

  // A Kempe chain between the periods of lecture l and p2: the lectures of both periods that
  // are linked by conflicts, starting from l, exchange periods (so a timetable without clashes
  // keeps none). Rooms: each keeps its own if free, else takes the free room that costs least.
  // False when the chain does not fit (a course unavailable, not enough rooms).
  bool kempe_chain(int l, int p2, std::vector<Relocation>& out);

  int hard() const { return hard_; }
  int soft() const { return soft_; }
  int period(int l) const { return per_[l]; }
  int room(int l) const { return room_[l]; }
  int at(int p, int r) const { return cell_[p * m_.R + r]; }
  const std::vector<int>& periods() const { return per_; }
  const std::vector<int>& rooms() const { return room_; }
  const Model& model() const { return m_; }

  // The cost counted from scratch with the same internal rules (for consistency checks).
  Delta recount() const;
  Solution solution() const;

 private:
  void place(int l, int p, int r);
  void unplace(int l);
  Delta insertion_delta(int c, int p, int r) const;

  const Model& m_;
  std::vector<int> per_, room_, cell_;
  std::vector<int> course_day_, working_days_, course_week_;  // C × D, C, C × W
  std::vector<int> course_room_, rooms_used_;                 // C × R, C
  std::vector<int> teacher_period_;                           // T × P
  std::vector<int> curr_period_;                              // Q × P
  std::vector<std::uint64_t> curr_day_mask_;                  // Q × D: busy slots
  std::vector<int> curr_day_isolated_;                        // Q × D: isolated busy slots
  std::vector<int> chain_a_, chain_b_, free_a_, free_b_;       // kempe_chain scratch
  std::vector<char> in_chain_;
  int hard_ = 0, soft_ = 0;
};

}  // namespace mdsc::ctt
