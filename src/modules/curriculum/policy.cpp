#include "modules/curriculum/policy.h"

#include <algorithm>

#include "modules/curriculum/repo.h"

namespace mdsc::curriculum {

std::vector<std::int64_t> taught_courses(db::Conn& c, const web::Principal& p) {
  auto ids = repo::courses_taught_by_user(c, p.user_id);
  for (auto id : p.scope_ids(web::Role::instructor))
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool can_see_roster(db::Conn& c, const std::optional<web::Principal>& p, std::int64_t course_id) {
  if (!p) return false;
  if (manages_curriculum(p)) return true;
  if (p->has_scoped(web::Role::instructor, "course", course_id)) return true;
  return repo::user_teaches(c, p->user_id, course_id);
}

}  // namespace mdsc::curriculum
