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
  for (const auto user_id : users) {
    const auto u = identity::repo::user_by_id(c, user_id);
    if (!u) continue;
    TraineeVerdict t{user_id, u->display_name("ja"), u->display_name("en"), u->email, {}};
    t.verdict = judge(out.rule, courses, [&](const CourseInfo& k) {
      CourseState s;
      s.enrolled = enrolled.count({user_id, k.id}) > 0;
      if (s.enrolled) {
        s.standing = attendance::standing_in(c, k.id, user_id, now);
        s.exams = exams::outcome(c, k.id, user_id);
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
