#pragma once
// Statuses as enums, each with one table (decision 0017): its names (as stored and in the API), and
// the moves allowed from each state. The operation that changes a status and the page that offers
// the next states both ask this table, so the rule is written once.
//
//   enum class MembershipStatus { applied, active, ended, cancelled };
//   const States<MembershipStatus>& states_of(MembershipStatus);        (beside the enum)
//   const States<MembershipStatus>& states_of(MembershipStatus) {       (model.cpp)
//     using S = MembershipStatus;
//     static const States<S> t{{{S::applied, "applied"}, {S::active, "active"}, {S::ended, "ended"},
//                               {S::cancelled, "cancelled"}},
//                              {{S::applied, S::active}, {S::applied, S::cancelled},
//                               {S::active, S::ended}, {S::active, S::cancelled}}};
//     return t;
//   }
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mdsc {

template <typename E>
struct States {
  std::vector<std::pair<E, std::string_view>> names;
  std::vector<std::pair<E, E>> moves;  // allowed transitions, from → to

  std::string_view name(E e) const {
    for (const auto& [v, n] : names)
      if (v == e) return n;
    return {};
  }
  std::optional<E> parse(std::string_view text) const {
    for (const auto& [v, n] : names)
      if (n == text) return v;
    return std::nullopt;
  }
  bool allows(E from, E to) const {
    for (const auto& [a, b] : moves)
      if (a == from && b == to) return true;
    return false;
  }
  // The states `from` may move to, in the table's order.
  std::vector<E> next(E from) const {
    std::vector<E> out;
    for (const auto& [a, b] : moves)
      if (a == from) out.push_back(b);
    return out;
  }
  std::vector<std::string> all_names() const {
    std::vector<std::string> out;
    for (const auto& [v, n] : names) out.emplace_back(n);
    return out;
  }
};

// Each status enum's table: `states_of(E)`, declared beside the enum (found by argument-dependent
// lookup) and defined in its module's model.cpp.
template <typename E>
const States<E>& states() {
  return states_of(E{});
}

template <typename E>
std::string_view name_of(E e) {
  return states<E>().name(e);
}

}  // namespace mdsc
