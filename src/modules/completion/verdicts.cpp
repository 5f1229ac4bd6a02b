#include "modules/completion/verdicts.h"

#include <algorithm>
#include <map>
#include <set>

#include "modules/completion/repo.h"
#include "modules/curriculum.h"
#include "platform/identity/repo.h"

namespace mdsc::completion {

YearVerdicts verdicts_of_year(db::Conn& c, int fiscal_year, std::int64_t now, std::int64_t only_user) {
  YearVerdicts out;
  out.rule = repo::rule_of(c, fiscal_year);
  std::vector<CourseInfo> courses;
  for (const auto& k : curriculum::courses_of_year(c, fiscal_year))
    courses.push_back({k.id, k.code, k.title_ja, k.title_en, k.category, k.track});
  std::set<std::pair<std::int64_t, std::int64_t>> enrolled;  // (user, course)
  std::set<std::int64_t> users;
  for (const auto& [course, user] : curriculum::enrolled_trainees(c, fiscal_year)) {
    if (only_user && user != only_user) continue;
    enrolled.insert({user, course});
    users.insert(user);
  }
  // Each course's standings and exam outcomes, read once for all its trainees.
  struct CourseFacts {
    std::map<std::int64_t, attendance::Standing> standings;
    std::map<std::int64_t, exams::CourseOutcome> outcomes;
    int exams = 0;
  };
  std::map<std::int64_t, CourseFacts> facts;
  for (const auto& k : courses) {
    if (std::none_of(enrolled.begin(), enrolled.end(), [&](const auto& e) { return e.second == k.id; })) continue;
    facts[k.id] = {attendance::standings_of_course(c, k.id, now), exams::outcomes_of_course(c, k.id),
                   exams::exams_of_course(c, k.id)};
  }
  for (const auto user_id : users) {
    const auto u = identity::repo::user_by_id(c, user_id);
    if (!u) continue;
    TraineeVerdict t{user_id, u->display_name("ja"), u->display_name("en"), u->email, {}};
    t.verdict = judge(out.rule, courses, [&](const CourseInfo& k) {
      CourseState s;
      s.enrolled = enrolled.count({user_id, k.id}) > 0;
      if (s.enrolled) {
        const auto& f = facts[k.id];
        const auto it = f.standings.find(user_id);
        s.standing = it != f.standings.end() ? it->second : attendance::standing_in(c, k.id, user_id, now);
        const auto o = f.outcomes.find(user_id);
        s.exams = o != f.outcomes.end() ? o->second : exams::CourseOutcome{f.exams, 0};
      }
      return s;
    });
    t.confirmation = repo::confirmation_of(c, fiscal_year, user_id);
    out.trainees.push_back(std::move(t));
  }
  std::sort(out.trainees.begin(), out.trainees.end(),
            [](const TraineeVerdict& a, const TraineeVerdict& b) { return a.name < b.name; });
  return out;
}

}  // namespace mdsc::completion
