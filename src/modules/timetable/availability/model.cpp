#include "modules/timetable/availability/model.h"

#include "modules/timetable/fields.h"

namespace mdsc {

template <>
const States<timetable::Strength>& states<timetable::Strength>() {
  static const States<timetable::Strength> t{{{timetable::Strength::unavailable, "unavailable"}, {timetable::Strength::avoid, "avoid"}}, {}};
  return t;
}

template <>
const entity::Table<timetable::Unavailability>& entity::table<timetable::Unavailability>() {
  using U = timetable::Unavailability;
  static const Table<U> t{"instructor_unavailability",
                          {field("id", &U::id).key(), field("instructor_id", &U::instructor_id),
                           field("weekday", &U::weekday).nullable(), field("day", &U::day).nullable(),
                           field("band", &U::band).nullable(), field("position", &U::position).nullable(),
                           enum_field<&U::strength>("strength"), field("reason", &U::reason),
                           timetable::internal(field("created_at", &U::created_at))}};
  return t;
}

template <>
const entity::Table<timetable::CourseRule>& entity::table<timetable::CourseRule>() {
  static const Table<timetable::CourseRule> t{"course_schedule_rule",
                                   {field("course_id", &timetable::CourseRule::course_id), field("weekdays", &timetable::CourseRule::weekdays),
                                    field("max_per_week", &timetable::CourseRule::max_per_week),
                                    field("min_days", &timetable::CourseRule::min_days),
                                    timetable::internal(field("updated_at", &timetable::CourseRule::updated_at)),
                                    field("stored", &timetable::CourseRule::stored).joined()}};
  return t;
}

template <>
const entity::Table<timetable::InstructorCourse>& entity::table<timetable::InstructorCourse>() {
  using K = timetable::InstructorCourse;
  static const Table<K> t{"course",
                          {field("id", &K::id).key(), field("fiscal_year", &K::fiscal_year), field("code", &K::code),
                           field("title_ja", &K::title_ja), field("title_en", &K::title_en),
                           field("time_band", &K::time_band)}};
  return t;
}

}  // namespace mdsc

namespace mdsc::timetable {

bool Unavailability::covers(const std::string& iso_day, unsigned iso_weekday, const std::string& band_,
                            int position_) const {
  if (day.empty() ? weekday != static_cast<std::int64_t>(iso_weekday) : day != iso_day) return false;
  if (band.empty()) return true;
  return band == band_ && (position == 0 || position == position_);
}

}  // namespace mdsc::timetable
