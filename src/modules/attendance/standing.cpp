#include "modules/attendance/standing.h"

#include <algorithm>

namespace mdsc::attendance {

std::optional<std::pair<std::int64_t, std::int64_t>> parse_threshold(std::string_view text) {
  auto number = [](std::string_view t, std::int64_t& out) {
    if (t.empty() || t.size() > 4) return false;
    out = 0;
    for (char ch : t) {
      if (ch < '0' || ch > '9') return false;
      out = out * 10 + (ch - '0');
    }
    return true;
  };
  std::int64_t num = 0, den = 100;
  if (const auto slash = text.find('/'); slash != std::string_view::npos) {
    if (!number(text.substr(0, slash), num) || !number(text.substr(slash + 1), den)) return std::nullopt;
  } else {
    for (std::string_view pct : {"%", "\xef\xbc\x85"})  // % or the full-width ％
      if (text.size() >= pct.size() && text.substr(text.size() - pct.size()) == pct) text.remove_suffix(pct.size());
    if (!number(text, num)) return std::nullopt;
  }
  if (num <= 0 || den <= 0 || num > den) return std::nullopt;
  return std::make_pair(num, den);
}

std::string threshold_text(const Rule& r) {
  if (r.threshold_den == 100) return std::to_string(r.threshold_num) + "%";
  return std::to_string(r.threshold_num) + "/" + std::to_string(r.threshold_den);
}

Standing standing_of(const Rule& rule, std::int64_t user_id, const std::vector<timetable::Session>& sessions,
                     const std::map<std::int64_t, Mark>& marks, std::int64_t now) {
  Standing s;
  s.course_id = rule.course_id;
  s.user_id = user_id;
  s.rule = rule;
  std::vector<const timetable::Session*> held;
  for (const auto& session : sessions) {
    if (session.status != timetable::SessionStatus::scheduled) continue;
    ++s.total;
    if (session.end_unix() <= now) held.push_back(&session);
  }
  std::sort(held.begin(), held.end(), [](auto* a, auto* b) { return a->start_unix() < b->start_unix(); });
  s.held = static_cast<int>(held.size());
  for (const auto* session : held) {
    const auto m = marks.find(session->id);
    const bool missed = m == marks.end() || m->second == Mark::absent;
    if (missed) {
      ++s.missed;
      ++s.missed_in_row;
      continue;
    }
    // An excused absence is not missed (it breaks a run of misses) but counts as attended only
    // if the course's rule says so.
    s.missed_in_row = 0;
    if (m->second == Mark::excused) {
      ++s.excused;
      if (!rule.excused_counts) continue;
    }
    ++s.attended;
  }
  s.needed = static_cast<int>((s.total * rule.threshold_num + rule.threshold_den - 1) / rule.threshold_den);
  return s;
}

using entity::Table, entity::field, entity::columns;

const entity::Table<Rule>& Rule::table() {
  using R = Rule;
  static const Table<R> t{"attendance_rules",
                          {columns<&R::course_id, &R::threshold_num, &R::threshold_den, &R::excused_counts>(),
                           field<&R::updated_at>().instant().not_audited(), field<&R::live_url>()}};
  return t;
}

}  // namespace mdsc::attendance
