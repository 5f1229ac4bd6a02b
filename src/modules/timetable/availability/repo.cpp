#include "modules/timetable/availability/repo.h"

namespace mdsc::timetable::repo {

const std::string_view kInsertUnavailability =
    "INSERT INTO instructor_unavailability (instructor_id, weekday, day, band, position, strength, reason, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
const std::string_view kInsertCourseRule =
    "INSERT INTO course_schedule_rules (course_id, weekdays, max_per_week, min_days, updated_at) VALUES (?, ?, ?, ?, ?)";

namespace {

// Weekly rules first (by weekday), then dated ones (by date); within, the whole day first.
constexpr const char* kOrder = " ORDER BY CASE WHEN weekday IS NULL THEN 1 ELSE 0 END, weekday, day, band, position, id";
// A stored rule reads as stored.
constexpr const char* kSelectRule = "SELECT r.*, 1 AS stored FROM course_schedule_rules r";

}  // namespace

std::map<std::int64_t, std::vector<Unavailability>> rules_of_year(db::Conn& c, int fiscal_year) {
  std::map<std::int64_t, std::vector<Unavailability>> out;
  for (auto& u : entity::from_rows<Unavailability>(
           c.query(std::string("SELECT * FROM instructor_unavailability WHERE instructor_id IN "
                               "(SELECT ci.instructor_id FROM course_instructors ci JOIN courses k ON "
                               "k.id = ci.course_id WHERE k.fiscal_year = ?)") +
                       kOrder,
                   {fiscal_year})))
    out[u.instructor_id].push_back(std::move(u));
  return out;
}

std::vector<Unavailability> rules_of_instructor(db::Conn& c, std::int64_t instructor_id) {
  return entity::from_rows<Unavailability>(
      c.query(std::string("SELECT * FROM instructor_unavailability WHERE instructor_id = ?") + kOrder, {instructor_id}));
}

std::optional<Unavailability> rule(db::Conn& c, std::int64_t id) {
  auto r = c.query_one("SELECT * FROM instructor_unavailability WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return entity::from_row<Unavailability>(*r);
}

std::int64_t insert_rule(db::Conn& c, const Unavailability& u) {
  return c.insert(std::string(kInsertUnavailability), entity::params(u));
}

bool delete_rule(db::Conn& c, std::int64_t id) {
  return c.exec("DELETE FROM instructor_unavailability WHERE id = ?", {id}) > 0;
}

bool lock_instructor(db::Conn& c, std::int64_t instructor_id) {
  return c.exec("UPDATE instructors SET updated_at = updated_at WHERE id = ?", {instructor_id}) > 0;
}

std::map<std::int64_t, CourseRule> course_rules(db::Conn& c, int fiscal_year) {
  std::map<std::int64_t, CourseRule> out;
  for (auto& r : entity::from_rows<CourseRule>(c.query(
           std::string(kSelectRule) + " JOIN courses k ON k.id = r.course_id WHERE k.fiscal_year = ?", {fiscal_year})))
    out[r.course_id] = std::move(r);
  return out;
}

CourseRule course_rule(db::Conn& c, std::int64_t course_id) {
  auto r = c.query_one(std::string(kSelectRule) + " WHERE r.course_id = ?", {course_id});
  if (r) return entity::from_row<CourseRule>(*r);
  CourseRule k;
  k.course_id = course_id;
  return k;
}

void insert_course_rule(db::Conn& c, const CourseRule& r) { c.exec(std::string(kInsertCourseRule), entity::params(r)); }

void update_course_rule(db::Conn& c, const CourseRule& r) {
  // The INSERT's parameters with the course moved last, to the WHERE.
  auto p = entity::params(r);
  p.erase(p.begin());
  p.emplace_back(r.course_id);
  c.exec("UPDATE course_schedule_rules SET weekdays = ?, max_per_week = ?, min_days = ?, updated_at = ? WHERE course_id = ?",
         p);
}

std::vector<InstructorCourse> courses_of_instructor(db::Conn& c, std::int64_t instructor_id) {
  return entity::from_rows<InstructorCourse>(
      c.query("SELECT k.id, k.fiscal_year, k.code, k.title_ja, k.title_en, k.time_band FROM courses k "
              "JOIN course_instructors ci ON ci.course_id = k.id WHERE ci.instructor_id = ? "
              "ORDER BY k.fiscal_year DESC, k.code, k.id",
              {instructor_id}));
}

}  // namespace mdsc::timetable::repo
