#pragma once
// Who sees what of the curriculum: the secretariat and the promotion office manage courses and
// instructors and see every roster; the secretariat alone enrolls or removes others. An
// instructor — an account linked to one of the course's instructors, or holding the scoped role
// instructor:<course id> — sees that course's roster and nothing of other courses. A trainee sees
// their own enrollments. The catalogue is public.
#include <cstdint>
#include <optional>
#include <vector>

#include "db/database.h"
#include "web/principal.h"

namespace mdsc::curriculum {

inline bool manages_curriculum(const std::optional<web::Principal>& p) {
  return p && (p->has(web::Role::secretariat) || p->has(web::Role::promotion_office));
}

inline bool manages_enrollment(const std::optional<web::Principal>& p) { return p && p->has(web::Role::secretariat); }

// The courses this person teaches (by role scope or by their linked instructor record).
std::vector<std::int64_t> taught_courses(db::Conn& c, const web::Principal& p);
bool can_see_roster(db::Conn& c, const std::optional<web::Principal>& p, std::int64_t course_id);

}  // namespace mdsc::curriculum
