#include "modules/attendance/rates.h"

#include <algorithm>
#include <map>

#include "modules/attendance/repo.h"

namespace mdsc::attendance {
namespace {

std::vector<std::int64_t> ids_of(const std::vector<timetable::Session>& sessions) {
  std::vector<std::int64_t> ids;
  for (const auto& s : sessions) ids.push_back(s.id);
  return ids;
}

}  // namespace

CourseRates rates_of_course(db::Conn& c, std::int64_t course_id, std::int64_t now) {
  CourseRates out;
  out.rule = repo::rule_of(c, course_id);
  timetable::SessionFilter f;
  f.course_id = course_id;
  const auto sessions = timetable::sessions::list(c, f);
  std::map<std::int64_t, std::map<std::int64_t, Mark>> marks;  // user -> session -> mark
  for (const auto& a : repo::of_sessions(c, ids_of(sessions))) marks[a.user_id][a.session_id] = a.status;
  for (auto& t : curriculum::roster(c, course_id)) {
    Standing s = standing_of(out.rule, t.user_id, sessions, marks[t.user_id], now);
    out.total = s.total;
    out.held = s.held;
    out.lines.push_back({std::move(t), s});
  }
  if (out.lines.empty()) {
    const Standing s = standing_of(out.rule, 0, sessions, {}, now);
    out.total = s.total;
    out.held = s.held;
  }
  return out;
}

std::vector<MyCourse> rates_of_trainee(db::Conn& c, std::int64_t user_id, std::int64_t now) {
  timetable::SessionFilter f;
  f.trainee_id = user_id;
  std::map<std::int64_t, std::vector<timetable::Session>> by_course;
  for (auto& s : timetable::sessions::list(c, f)) by_course[s.course_id].push_back(std::move(s));
  std::vector<MyCourse> out;
  for (auto& [course_id, sessions] : by_course) {
    std::map<std::int64_t, Mark> marks;
    for (const auto& a : repo::of_sessions(c, ids_of(sessions), user_id)) marks[a.session_id] = a.status;
    MyCourse m;
    m.code = sessions.front().course_code;
    m.title_ja = sessions.front().course_title_ja;
    m.title_en = sessions.front().course_title_en;
    m.standing = standing_of(repo::rule_of(c, course_id), user_id, sessions, marks, now);
    for (auto& s : sessions) {
      const auto it = marks.find(s.id);
      m.sessions.push_back({std::move(s), it == marks.end() ? std::nullopt : std::optional<Mark>(it->second)});
    }
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const MyCourse& a, const MyCourse& b) { return a.code < b.code; });
  return out;
}

Standing standing_in(db::Conn& c, std::int64_t course_id, std::int64_t user_id, std::int64_t now) {
  timetable::SessionFilter f;
  f.course_id = course_id;
  const auto sessions = timetable::sessions::list(c, f);
  std::map<std::int64_t, Mark> marks;
  for (const auto& a : repo::of_sessions(c, ids_of(sessions), user_id)) marks[a.session_id] = a.status;
  return standing_of(repo::rule_of(c, course_id), user_id, sessions, marks, now);
}

std::map<std::int64_t, Standing> standings_of_course(db::Conn& c, std::int64_t course_id, std::int64_t now) {
  std::map<std::int64_t, Standing> out;
  for (auto& l : rates_of_course(c, course_id, now).lines) out.emplace(l.trainee.user_id, l.standing);
  return out;
}

nlohmann::json standing_json(const Standing& s) {
  nlohmann::json j{{"course_id", s.course_id},
                   {"user_id", s.user_id},
                   {"sessions", s.total},
                   {"held", s.held},
                   {"attended", s.attended},
                   {"excused", s.excused},
                   {"missed", s.missed},
                   {"missed_in_row", s.missed_in_row},
                   {"needed", s.needed},
                   {"threshold", threshold_text(s.rule)},
                   {"excused_counts", s.rule.excused_counts},
                   {"below_threshold", s.below()},
                   {"reachable", s.reachable()}};
  j["rate_percent"] = s.held ? nlohmann::json(s.rate_percent()) : nlohmann::json(nullptr);
  return j;
}

}  // namespace mdsc::attendance
