#include "modules/timetable/planning.h"

#include "modules/curriculum/repo.h"
#include "modules/timetable/availability.h"
#include "modules/timetable/repo.h"

namespace mdsc::timetable {

std::optional<PlanningData> planning_data(db::Conn& c, std::int64_t term_id) {
  auto term = repo::term(c, term_id);
  if (!term) return std::nullopt;
  PlanningData data;
  data.term = *term;
  data.courses = curriculum::repo::courses(c, term->fiscal_year);
  for (const auto& r : repo::rooms(c))
    if (r.active) data.rooms.push_back(r);
  for (const auto& row : c.query(
           "SELECT e.course_id, e.user_id FROM enrollments e JOIN courses k ON k.id = e.course_id "
           "WHERE k.fiscal_year = ? AND e.status = 'enrolled' ORDER BY e.course_id, e.user_id",
           {term->fiscal_year}))
    data.enrolled.emplace_back(row.i64("course_id"), row.i64("user_id"));
  data.unavailability = availability::of_year(c, term->fiscal_year);
  data.rules = availability::course_rules(c, term->fiscal_year);
  return data;
}

}  // namespace mdsc::timetable
