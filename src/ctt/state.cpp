#include "ctt/state.h"

#include <algorithm>

#include "ctt/rng.h"

namespace mdsc::ctt {
namespace {

// Busy slots with no busy neighbour (counted branch-free: baseline x86-64 has no popcnt
// instruction, and the library's popcount is a call).
inline int isolated(std::uint64_t m) {
  std::uint64_t x = m & ~(m << 1) & ~(m >> 1);
  x -= (x >> 1) & 0x5555555555555555ULL;
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
}
inline int excess(int n, int cap) { return n > cap ? n - cap : 0; }

}  // namespace

Model::Model(const Instance& instance)
    : in(instance),
      C(static_cast<int>(instance.courses.size())),
      R(static_cast<int>(instance.rooms.size())),
      P(instance.periods()),
      D(instance.days),
      ppd(instance.periods_per_day),
      Q(static_cast<int>(instance.curricula.size())),
      T(static_cast<int>(instance.teachers.size())),
      W(1),
      L(instance.total_lectures()) {
  const Weights& w = instance.weights;
  w_days = w.min_working_days;
  w_compact = w.curriculum_compactness;
  w_stability = w.room_stability;
  w_spread = w.spread;

  course_first_lecture.assign(C + 1, 0);
  for (int c = 0; c < C; ++c) {
    course_first_lecture[c + 1] = course_first_lecture[c] + instance.courses[c].lectures;
    for (int k = 0; k < instance.courses[c].lectures; ++k) lecture_course.push_back(c);
  }
  teacher.resize(C);
  min_days.resize(C);
  for (int c = 0; c < C; ++c) {
    teacher[c] = instance.courses[c].teacher_index;
    min_days[c] = instance.courses[c].min_working_days;
  }

  std::vector<std::vector<int>> curricula_of(C);
  for (int q = 0; q < Q; ++q)
    for (int c : instance.curricula[q].courses) curricula_of[c].push_back(q);
  curr_begin.assign(1, 0);
  for (int c = 0; c < C; ++c) {
    std::sort(curricula_of[c].begin(), curricula_of[c].end());
    curricula_of[c].erase(std::unique(curricula_of[c].begin(), curricula_of[c].end()), curricula_of[c].end());
    curr_list.insert(curr_list.end(), curricula_of[c].begin(), curricula_of[c].end());
    curr_begin.push_back(static_cast<int>(curr_list.size()));
  }

  unavailable = instance.unavailable;
  unavailable.resize(static_cast<std::size_t>(C) * P, 0);
  avail_begin.assign(1, 0);
  for (int c = 0; c < C; ++c) {
    for (int p = 0; p < P; ++p)
      if (!unavailable[c * P + p]) avail_list.push_back(p);
    avail_begin.push_back(static_cast<int>(avail_list.size()));
  }

  capacity_cost.resize(static_cast<std::size_t>(C) * R);
  for (int c = 0; c < C; ++c)
    for (int r = 0; r < R; ++r)
      capacity_cost[c * R + r] = excess(instance.courses[c].students, instance.rooms[r].capacity) * w.room_capacity;

  if (w.preferences && !instance.period_penalty.empty()) {
    preference_cost.resize(static_cast<std::size_t>(C) * P);
    for (int c = 0; c < C; ++c)
      for (int p = 0; p < P; ++p) preference_cost[c * P + p] = instance.penalty(c, p) * w.preferences;
  }

  day_of.resize(P);
  slot_of.resize(P);
  for (int p = 0; p < P; ++p) {
    day_of[p] = p / ppd;
    slot_of[p] = p % ppd;
  }
  week_of_day.assign(D, 0);
  if (instance.has_weeks())
    for (int d = 0; d < D; ++d) {
      week_of_day[d] = instance.week_of(d);
      W = std::max(W, week_of_day[d] + 1);
    }
  conflict.assign(static_cast<std::size_t>(C) * C, 0);
  for (int c = 0; c < C; ++c) conflict[c * C + c] = 1;
  for (const auto& q : instance.curricula)
    for (int a : q.courses)
      for (int b : q.courses) conflict[a * C + b] = 1;
  for (int a = 0; a < C; ++a)
    for (int b = 0; b < C; ++b)
      if (teacher[a] == teacher[b]) conflict[a * C + b] = 1;

  max_day.assign(C, 0);
  max_week.assign(C, 0);
  spread_on = false;
  if (w.spread > 0) {
    for (int c = 0; c < C; ++c) {
      max_day[c] = instance.courses[c].max_per_day;
      max_week[c] = instance.has_weeks() ? instance.courses[c].max_per_week : 0;
      if (max_day[c] || max_week[c]) spread_on = true;
    }
  }
}

State::State(const Model& model)
    : m_(model),
      per_(model.L, -1),
      room_(model.L, -1),
      cell_(static_cast<std::size_t>(model.P) * model.R, -1),
      course_day_(static_cast<std::size_t>(model.C) * model.D, 0),
      working_days_(model.C, 0),
      course_week_(static_cast<std::size_t>(model.C) * model.W, 0),
      course_room_(static_cast<std::size_t>(model.C) * model.R, 0),
      rooms_used_(model.C, 0),
      teacher_period_(static_cast<std::size_t>(model.T) * model.P, 0),
      curr_period_(static_cast<std::size_t>(model.Q) * model.P, 0),
      curr_day_mask_(static_cast<std::size_t>(model.Q) * model.D, 0),
      curr_day_isolated_(static_cast<std::size_t>(model.Q) * model.D, 0),
      in_chain_(model.L, 0) {
  Delta d = recount();
  hard_ = d.hard;
  soft_ = d.soft;
}

void State::place(int l, int p, int r) {
  const Model& m = m_;
  const int c = m.lecture_course[l];
  per_[l] = p;
  room_[l] = r;
  cell_[p * m.R + r] = l;
  if (course_room_[c * m.R + r]++ == 0) ++rooms_used_[c];
  const int d = m.day_of[p];
  if (course_day_[c * m.D + d]++ == 0) ++working_days_[c];
  ++course_week_[c * m.W + m.week_of_day[d]];
  ++teacher_period_[m.teacher[c] * m.P + p];
  for (int i = m.curr_begin[c]; i < m.curr_begin[c + 1]; ++i) {
    const int q = m.curr_list[i];
    if (curr_period_[q * m.P + p]++ == 0) {
      std::uint64_t& mask = curr_day_mask_[q * m.D + d];
      mask |= std::uint64_t{1} << m.slot_of[p];
      curr_day_isolated_[q * m.D + d] = isolated(mask);
    }
  }
}

void State::unplace(int l) {
  const Model& m = m_;
  const int c = m.lecture_course[l], p = per_[l], r = room_[l];
  cell_[p * m.R + r] = -1;
  per_[l] = room_[l] = -1;
  if (--course_room_[c * m.R + r] == 0) --rooms_used_[c];
  const int d = m.day_of[p];
  if (--course_day_[c * m.D + d] == 0) --working_days_[c];
  --course_week_[c * m.W + m.week_of_day[d]];
  --teacher_period_[m.teacher[c] * m.P + p];
  for (int i = m.curr_begin[c]; i < m.curr_begin[c + 1]; ++i) {
    const int q = m.curr_list[i];
    if (--curr_period_[q * m.P + p] == 0) {
      std::uint64_t& mask = curr_day_mask_[q * m.D + d];
      mask &= ~(std::uint64_t{1} << m.slot_of[p]);
      curr_day_isolated_[q * m.D + d] = isolated(mask);
    }
  }
}

Delta State::insertion_delta(int c, int p, int r) const {
  const Model& m = m_;
  Delta x;
  const int d = m.day_of[p];
  x.hard += m.unavailable[c * m.P + p];
  x.hard += teacher_period_[m.teacher[c] * m.P + p] >= 1;
  x.soft += m.capacity_cost[c * m.R + r];
  if (course_room_[c * m.R + r] == 0 && rooms_used_[c] >= 1) x.soft += m.w_stability;
  if (course_day_[c * m.D + d] == 0 && working_days_[c] < m.min_days[c]) x.soft -= m.w_days;
  for (int i = m.curr_begin[c]; i < m.curr_begin[c + 1]; ++i) {
    const int q = m.curr_list[i];
    if (curr_period_[q * m.P + p] >= 1) {
      ++x.hard;
    } else {
      const std::uint64_t mask = curr_day_mask_[q * m.D + d];
      x.soft += m.w_compact * (isolated(mask | (std::uint64_t{1} << m.slot_of[p])) - curr_day_isolated_[q * m.D + d]);
    }
  }
  if (!m.preference_cost.empty()) x.soft += m.preference_cost[c * m.P + p];
  if (m.spread_on) {
    if (m.max_day[c] && course_day_[c * m.D + d] >= m.max_day[c]) x.soft += m.w_spread;
    if (m.max_week[c] && course_week_[c * m.W + m.week_of_day[d]] >= m.max_week[c]) x.soft += m.w_spread;
  }
  return x;
}

void State::construct(Rng& rng, int hard_weight) {
  const Model& m = m_;
  for (int l = 0; l < m.L; ++l)
    if (per_[l] >= 0) unplace(l);
  std::vector<int> remaining(m.C);
  for (int c = 0; c < m.C; ++c) remaining[c] = m.in.courses[c].lectures;
  std::vector<int> free_rooms(m.P, m.R);

  for (int step = 0; step < m.L; ++step) {
    // The course with the fewest clash-free periods per lecture left to place goes next.
    int best_c = -1;
    double best_score = 0;
    int ties = 0;
    for (int c = 0; c < m.C; ++c) {
      if (!remaining[c]) continue;
      int clean = 0;
      for (int i = m.avail_begin[c]; i < m.avail_begin[c + 1]; ++i) {
        const int p = m.avail_list[i];
        if (!free_rooms[p] || teacher_period_[m.teacher[c] * m.P + p]) continue;
        bool ok = true;
        for (int k = m.curr_begin[c]; k < m.curr_begin[c + 1] && ok; ++k)
          ok = curr_period_[m.curr_list[k] * m.P + p] == 0;
        clean += ok;
      }
      double score = static_cast<double>(clean) / remaining[c];
      if (best_c < 0 || score < best_score) {
        best_c = c, best_score = score, ties = 1;
      } else if (score == best_score && rng.below(++ties) == 0) {
        best_c = c;
      }
    }
    const int c = best_c;
    // Its cheapest free cell.
    long best_cost = 0;
    int bp = -1, br = -1;
    ties = 0;
    for (int p = 0; p < m.P; ++p) {
      if (!free_rooms[p]) continue;
      for (int r = 0; r < m.R; ++r) {
        if (cell_[p * m.R + r] >= 0) continue;
        Delta x = insertion_delta(c, p, r);
        long cost = static_cast<long>(hard_weight) * x.hard + x.soft;
        if (bp < 0 || cost < best_cost) {
          best_cost = cost, bp = p, br = r, ties = 1;
        } else if (cost == best_cost && rng.below(++ties) == 0) {
          bp = p, br = r;
        }
      }
    }
    --remaining[c];
    if (bp < 0) continue;  // no free cell anywhere: the lecture stays unplaced
    int l = m.course_first_lecture[c];
    while (per_[l] >= 0) ++l;
    place(l, bp, br);
    --free_rooms[bp];
  }
  Delta d = recount();
  hard_ = d.hard;
  soft_ = d.soft;
}

void State::load(const std::vector<int>& period, const std::vector<int>& room) {
  for (int l = 0; l < m_.L; ++l)
    if (per_[l] >= 0) unplace(l);
  for (int l = 0; l < m_.L; ++l)
    if (period[l] >= 0) place(l, period[l], room[l]);
  Delta d = recount();
  hard_ = d.hard;
  soft_ = d.soft;
}

Delta State::delta(const Move& mv) const {
  const Model& m = m_;
  const int l1 = mv.l1, c1 = m.lecture_course[l1], p1 = per_[l1], r1 = room_[l1];
  const int p2 = mv.p2, r2 = mv.r2, l2 = mv.l2;
  const int c2 = l2 >= 0 ? m.lecture_course[l2] : -1;
  const int R = m.R, P = m.P, D = m.D;
  Delta x;

  if (r1 != r2) {
    x.soft += m.capacity_cost[c1 * R + r2] - m.capacity_cost[c1 * R + r1];
    x.soft += m.w_stability * ((course_room_[c1 * R + r2] == 0) - (course_room_[c1 * R + r1] == 1));
    if (c2 >= 0) {
      x.soft += m.capacity_cost[c2 * R + r1] - m.capacity_cost[c2 * R + r2];
      x.soft += m.w_stability * ((course_room_[c2 * R + r1] == 0) - (course_room_[c2 * R + r2] == 1));
    }
  }
  if (p1 == p2) return x;

  x.hard += m.unavailable[c1 * P + p2] - m.unavailable[c1 * P + p1];
  if (!m.preference_cost.empty()) x.soft += m.preference_cost[c1 * P + p2] - m.preference_cost[c1 * P + p1];
  if (c2 >= 0) {
    x.hard += m.unavailable[c2 * P + p1] - m.unavailable[c2 * P + p2];
    if (!m.preference_cost.empty()) x.soft += m.preference_cost[c2 * P + p1] - m.preference_cost[c2 * P + p2];
  }

  // Teachers: a lecture leaving pa and joining pb.
  auto teacher_move = [&](int t, int pa, int pb) {
    return (teacher_period_[t * P + pb] >= 1) - (teacher_period_[t * P + pa] >= 2);
  };
  const int t1 = m.teacher[c1];
  if (c2 < 0) {
    x.hard += teacher_move(t1, p1, p2);
  } else if (m.teacher[c2] != t1) {
    x.hard += teacher_move(t1, p1, p2) + teacher_move(m.teacher[c2], p2, p1);
  }

  // Curricula: only those of one of the two courses see a change.
  const int d1 = m.day_of[p1], d2 = m.day_of[p2];
  const std::uint64_t b1 = std::uint64_t{1} << m.slot_of[p1], b2 = std::uint64_t{1} << m.slot_of[p2];
  int compact = 0;
  auto curriculum_move = [&](int q, int pa, int pb, int da, int db, std::uint64_t ba, std::uint64_t bb) {
    const int na = curr_period_[q * P + pa], nb = curr_period_[q * P + pb];
    x.hard += (nb >= 1) - (na >= 2);
    if (na != 1 && nb != 0) return;  // the busy slots stay the same
    if (da == db) {
      const std::uint64_t mask = curr_day_mask_[q * D + da];
      std::uint64_t after = mask;
      if (na == 1) after &= ~ba;
      if (nb == 0) after |= bb;
      compact += isolated(after) - curr_day_isolated_[q * D + da];
    } else {
      if (na == 1) compact += isolated(curr_day_mask_[q * D + da] & ~ba) - curr_day_isolated_[q * D + da];
      if (nb == 0) compact += isolated(curr_day_mask_[q * D + db] | bb) - curr_day_isolated_[q * D + db];
    }
  };
  int i = m.curr_begin[c1];
  const int i_end = m.curr_begin[c1 + 1];
  if (c2 < 0) {
    for (; i < i_end; ++i) curriculum_move(m.curr_list[i], p1, p2, d1, d2, b1, b2);
  } else {
    int j = m.curr_begin[c2];
    const int j_end = m.curr_begin[c2 + 1];
    while (i < i_end || j < j_end) {
      const int qi = i < i_end ? m.curr_list[i] : 1 << 30;
      const int qj = j < j_end ? m.curr_list[j] : 1 << 30;
      if (qi == qj) {
        ++i, ++j;  // shared curriculum: one lecture leaves each period, one arrives
      } else if (qi < qj) {
        curriculum_move(qi, p1, p2, d1, d2, b1, b2);
        ++i;
      } else {
        curriculum_move(qj, p2, p1, d2, d1, b2, b1);
        ++j;
      }
    }
  }
  x.soft += m.w_compact * compact;

  if (d1 != d2) {
    auto days_move = [&](int c, int da, int db) {
      const int wd = working_days_[c], need = m.min_days[c];
      const int after = wd - (course_day_[c * D + da] == 1) + (course_day_[c * D + db] == 0);
      return m.w_days * (excess(need, after) - excess(need, wd));
    };
    x.soft += days_move(c1, d1, d2);
    if (c2 >= 0) x.soft += days_move(c2, d2, d1);
    if (m.spread_on) {
      auto spread_move = [&](int c, int da, int db) {
        int s = 0;
        if (const int cap = m.max_day[c]) {
          const int na = course_day_[c * D + da], nb = course_day_[c * D + db];
          s += excess(na - 1, cap) - excess(na, cap) + excess(nb + 1, cap) - excess(nb, cap);
        }
        const int wa = m.week_of_day[da], wb = m.week_of_day[db];
        if (const int cap = m.max_week[c]; cap && wa != wb) {
          const int na = course_week_[c * m.W + wa], nb = course_week_[c * m.W + wb];
          s += excess(na - 1, cap) - excess(na, cap) + excess(nb + 1, cap) - excess(nb, cap);
        }
        return m.w_spread * s;
      };
      x.soft += spread_move(c1, d1, d2);
      if (c2 >= 0) x.soft += spread_move(c2, d2, d1);
    }
  }
  return x;
}

void State::apply(const Move& mv, const Delta& d) {
  const int l1 = mv.l1, l2 = mv.l2;
  const int p1 = per_[l1], r1 = room_[l1];
  unplace(l1);
  if (l2 >= 0) {
    unplace(l2);
    place(l2, p1, r1);
  }
  place(l1, mv.p2, mv.r2);
  hard_ += d.hard;
  soft_ += d.soft;
}

Delta State::recount() const {
  const Model& m = m_;
  Delta x;
  for (int l = 0; l < m.L; ++l) {
    if (per_[l] < 0) {
      ++x.hard;
      continue;
    }
    const int c = m.lecture_course[l];
    x.hard += m.unavailable[c * m.P + per_[l]];
    x.soft += m.capacity_cost[c * m.R + room_[l]];
    if (!m.preference_cost.empty()) x.soft += m.preference_cost[c * m.P + per_[l]];
  }
  for (int n : teacher_period_) x.hard += excess(n, 1);
  for (int n : curr_period_) x.hard += excess(n, 1);
  for (std::uint64_t mask : curr_day_mask_) x.soft += m.w_compact * isolated(mask);
  for (int c = 0; c < m.C; ++c) {
    x.soft += m.w_days * excess(m.min_days[c], working_days_[c]);
    x.soft += m.w_stability * excess(rooms_used_[c], 1);
    if (m.spread_on) {
      for (int d = 0; d < m.D; ++d)
        if (m.max_day[c]) x.soft += m.w_spread * excess(course_day_[c * m.D + d], m.max_day[c]);
      for (int w = 0; w < m.W; ++w)
        if (m.max_week[c]) x.soft += m.w_spread * excess(course_week_[c * m.W + w], m.max_week[c]);
    }
  }
  return x;
}

Solution State::solution() const {
  Solution s;
  for (int l = 0; l < m_.L; ++l) s.lectures.push_back({m_.lecture_course[l], room_[l], per_[l]});
  return s;
}

}  // namespace mdsc::ctt
