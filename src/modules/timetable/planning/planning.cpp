#include "modules/timetable/planning/planning.h"

#include "modules/curriculum.h"
#include "modules/timetable/availability/availability.h"
#include "modules/timetable/terms/repo.h"

namespace mdsc::timetable {

std::optional<PlanningData> planning_data(db::Conn& c, std::int64_t term_id) {
  auto term = repo::term(c, term_id);
  if (!term) return std::nullopt;
  PlanningData data;
  data.term = *term;
  data.courses = curriculum::courses_of_year(c, term->fiscal_year);
  for (const auto& r : repo::rooms(c))
    if (r.active) data.rooms.push_back(r);
  data.enrolled = curriculum::enrolled_trainees(c, term->fiscal_year);
  data.unavailability = availability::of_year(c, term->fiscal_year);
  data.rules = availability::course_rules(c, term->fiscal_year);
  return data;
}

}  // namespace mdsc::timetable
