// Moves of several lectures at once: evaluated by doing them (each leaving and arriving lecture's
// marginal cost is exact, see State::insertion_delta) and undone when rejected.
#include <algorithm>

#include "ctt/state.h"

namespace mdsc::ctt {

Delta State::relocate(const std::vector<Relocation>& moves, std::vector<Relocation>& undo) {
  const Model& m = m_;
  undo.clear();
  Delta d;
  for (const auto& mv : moves) {
    const int l = mv.l, p = per_[l], r = room_[l];
    undo.push_back({l, p, r});
    unplace(l);
    const Delta x = insertion_delta(m.lecture_course[l], p, r);
    d.hard -= x.hard;
    d.soft -= x.soft;
  }
  for (const auto& mv : moves) {
    const Delta x = insertion_delta(m.lecture_course[mv.l], mv.p, mv.r);
    d.hard += x.hard;
    d.soft += x.soft;
    place(mv.l, mv.p, mv.r);
  }
  hard_ += d.hard;
  soft_ += d.soft;
  return d;
}

void State::revert(const std::vector<Relocation>& undo, const Delta& d) {
  for (const auto& mv : undo) unplace(mv.l);
  for (const auto& mv : undo) place(mv.l, mv.p, mv.r);
  hard_ -= d.hard;
  soft_ -= d.soft;
}

bool State::kempe_chain(int l, int p2, std::vector<Relocation>& out) {
  const Model& m = m_;
  const int p1 = per_[l], R = m.R, P = m.P;
  out.clear();
  if (p1 < 0 || p1 == p2) return false;
  chain_a_.assign(1, l);  // at p1, going to p2
  chain_b_.clear();       // at p2, going to p1
  in_chain_[l] = 1;
  std::size_t ia = 0, ib = 0;
  while (ia < chain_a_.size() || ib < chain_b_.size()) {
    const bool from_a = ia < chain_a_.size();
    const int x = from_a ? chain_a_[ia++] : chain_b_[ib++];
    const int cx = m.lecture_course[x];
    const int* row = &cell_[(from_a ? p2 : p1) * R];
    for (int r = 0; r < R; ++r) {
      const int y = row[r];
      if (y < 0 || in_chain_[y] || !m.conflicting(cx, m.lecture_course[y])) continue;
      in_chain_[y] = 1;
      (from_a ? chain_b_ : chain_a_).push_back(y);
    }
  }
  for (int x : chain_a_) in_chain_[x] = 0;
  for (int y : chain_b_) in_chain_[y] = 0;

  for (int x : chain_a_)
    if (m.unavailable[m.lecture_course[x] * P + p2]) return false;
  for (int y : chain_b_)
    if (m.unavailable[m.lecture_course[y] * P + p1]) return false;

  // Rooms free once the chain has left: free_a_ at p1, free_b_ at p2.
  free_a_.assign(R, 0);
  free_b_.assign(R, 0);
  int n_free_a = 0, n_free_b = 0;
  for (int r = 0; r < R; ++r) {
    n_free_a += free_a_[r] = cell_[p1 * R + r] < 0;
    n_free_b += free_b_[r] = cell_[p2 * R + r] < 0;
  }
  for (int x : chain_a_) n_free_a += free_a_[room_[x]] = 1;
  for (int y : chain_b_) n_free_b += free_b_[room_[y]] = 1;
  if (static_cast<int>(chain_a_.size()) > n_free_b || static_cast<int>(chain_b_.size()) > n_free_a) return false;

  // Each keeps its room where it can, the others take the cheapest free one.
  auto assign = [&](const std::vector<int>& movers, std::vector<int>& free, int target) {
    const std::size_t first = out.size();
    for (int x : movers) {
      if (free[room_[x]]) {
        free[room_[x]] = 0;
        out.push_back({x, target, room_[x]});
      }
    }
    for (int x : movers) {
      if (std::any_of(out.begin() + static_cast<long>(first), out.end(), [x](const Relocation& v) { return v.l == x; }))
        continue;
      const int c = m.lecture_course[x];
      int best = -1, best_cost = 0;
      for (int r = 0; r < R; ++r) {
        if (!free[r]) continue;
        const int cost = m.capacity_cost[c * R + r] + (course_room_[c * R + r] == 0 ? m.w_stability : 0);
        if (best < 0 || cost < best_cost) best = r, best_cost = cost;
      }
      free[best] = 0;
      out.push_back({x, target, best});
    }
  };
  assign(chain_a_, free_b_, p2);
  assign(chain_b_, free_a_, p1);
  return true;
}

}  // namespace mdsc::ctt
