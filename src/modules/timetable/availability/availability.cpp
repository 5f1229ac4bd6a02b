#include "modules/timetable/availability/availability.h"

#include <algorithm>
#include <set>

#include "modules/curriculum.h"
#include "modules/timetable/model.h"
#include "modules/timetable/terms/term.h"
#include "nlohmann/json.hpp"

namespace mdsc::timetable {
namespace {

constexpr std::size_t kMaxReasonChars = 100;

std::size_t utf8_chars(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  }));
}

db::Param nullable(int v) { return v ? db::Param(v) : db::Param(nullptr); }
db::Param nullable(const std::string& v) { return v.empty() ? db::Param(nullptr) : db::Param(v); }
db::Param nullable(const std::optional<std::int64_t>& v) { return v ? db::Param(*v) : db::Param(nullptr); }

CourseRule stored_rule(const db::Row& r) {
  auto k = entity::from_row<CourseRule>(r);
  k.stored = true;
  return k;
}

// Weekly rules first (by weekday), then dated ones (by date); within, the whole day first.
constexpr const char* kOrder = " ORDER BY CASE WHEN weekday IS NULL THEN 1 ELSE 0 END, weekday, day, band, position, id";

// The (band, position) pairs of every term's grid and of the default grid.
std::vector<std::pair<std::string, int>> known_grid(db::Conn& c) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& p : default_periods()) out.emplace_back(p.band, p.position);
  for (const auto& r : c.query("SELECT DISTINCT band, position FROM term_periods"))
    out.emplace_back(r.str("band"), static_cast<int>(r.i64("position")));
  return out;
}

}  // namespace

bool Unavailability::covers(const std::string& iso_day, unsigned iso_weekday, const std::string& band_,
                            int position_) const {
  if (day.empty() ? weekday != static_cast<int>(iso_weekday) : day != iso_day) return false;
  if (band.empty()) return true;
  return band == band_ && (position == 0 || position == position_);
}

nlohmann::json to_json(const Unavailability& u) { return entity::to_json(u); }
nlohmann::json to_json(const CourseRule& r) { return entity::to_json(r); }

namespace availability {

std::map<std::int64_t, std::vector<Unavailability>> of_year(db::Conn& c, int fiscal_year) {
  std::map<std::int64_t, std::vector<Unavailability>> out;
  for (const auto& r : c.query(std::string("SELECT * FROM instructor_unavailability WHERE instructor_id IN "
                                           "(SELECT ci.instructor_id FROM course_instructors ci JOIN courses k ON "
                                           "k.id = ci.course_id WHERE k.fiscal_year = ?)") +
                                   kOrder,
                               {fiscal_year}))
    out[r.i64("instructor_id")].push_back(entity::from_row<Unavailability>(r));
  return out;
}

std::vector<Unavailability> of_instructor(db::Conn& c, std::int64_t instructor_id) {
  return entity::from_rows<Unavailability>(c.query(
      std::string("SELECT * FROM instructor_unavailability WHERE instructor_id = ?") + kOrder, {instructor_id}));
}

std::optional<Unavailability> rule(db::Conn& c, std::int64_t id) {
  return entity::select_first<Unavailability>(c, "SELECT * FROM instructor_unavailability WHERE id = ?", {id});
}

std::map<std::int64_t, CourseRule> course_rules(db::Conn& c, int fiscal_year) {
  std::map<std::int64_t, CourseRule> out;
  for (const auto& r : c.query(
           "SELECT r.* FROM course_schedule_rules r JOIN courses k ON k.id = r.course_id WHERE k.fiscal_year = ?",
           {fiscal_year})) {
    auto k = stored_rule(r);
    out[k.course_id] = k;
  }
  return out;
}

CourseRule course_rule(db::Conn& c, std::int64_t course_id) {
  auto r = c.query_one("SELECT * FROM course_schedule_rules WHERE course_id = ?", {course_id});
  if (r) return stored_rule(*r);
  CourseRule k;
  k.course_id = course_id;
  return k;
}

Status validate(const Unavailability& u, const std::vector<std::pair<std::string, int>>& grid) {
  Status st;
  std::chrono::year_month_day date{};
  if (u.weekday != 0 && !u.day.empty()) st.field("weekday", "availability.weekday_or_date");
  else if (u.day.empty() && (u.weekday < 1 || u.weekday > 7)) st.field("weekday", "availability.weekday_or_date");
  else if (!u.day.empty() && !parse_iso_date(u.day, date)) st.field("day", "validation.date");
  if (!u.band.empty() && u.band != "daytime" && u.band != "evening") st.field("band", "validation.choice");
  if (u.position < 0) st.field("position", "validation.positive");
  else if (u.position > 0) {
    if (u.band.empty()) st.field("position", "availability.position_needs_band");
    else if (u.band == "daytime" || u.band == "evening") {
      std::vector<std::pair<std::string, int>> known = grid;
      if (known.empty())
        for (const auto& p : default_periods()) known.emplace_back(p.band, p.position);
      if (std::find(known.begin(), known.end(), std::make_pair(u.band, u.position)) == known.end())
        st.field("position", "availability.no_such_period");
    }
  }
  if (u.strength != "unavailable" && u.strength != "avoid") st.field("strength", "validation.choice");
  if (utf8_chars(u.reason) > kMaxReasonChars) st.field("reason", "validation.too_long");
  return st;
}

Status validate(const CourseRule& r, int course_periods) {
  Status st;
  if (r.weekdays.size() != 7 || r.weekdays.find_first_not_of("01") != std::string::npos ||
      r.weekdays.find('1') == std::string::npos)
    st.field("weekdays", "timetable.weekdays_required");
  if (r.max_per_week && *r.max_per_week < 1) st.field("max_per_week", "validation.positive");
  if (r.min_days) {
    if (*r.min_days < 1) st.field("min_days", "validation.positive");
    else if (*r.min_days > course_periods)
      st.field("min_days", "availability.min_days_too_many", {{"periods", std::to_string(course_periods)}});
  }
  return st;
}

Result<std::int64_t> add_rule(Work& w, Unavailability u) {
  auto& c = w.conn;
  if (Status st = validate(u, known_grid(c)); !st) return st;
  // The instructor's lock, so that the same rule added twice at once is found the second time.
  if (c.exec("UPDATE instructors SET updated_at = updated_at WHERE id = ?", {u.instructor_id}) == 0)
    return Status::not_found();
  for (const auto& other : of_instructor(c, u.instructor_id))
    if (other.weekday == u.weekday && other.day == u.day && other.band == u.band && other.position == u.position &&
        other.strength == u.strength)
      return Status(Code::conflict, "error.invalid_input")
          .field(u.day.empty() ? "weekday" : "day", "availability.duplicate");
  u.id = c.insert(
      "INSERT INTO instructor_unavailability (instructor_id, weekday, day, band, position, strength, reason, "
      "created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {u.instructor_id, nullable(u.weekday), nullable(u.day), nullable(u.band), nullable(u.position), u.strength,
       u.reason, w.now});
  w.audit("create", "instructor_unavailability", u.id, nlohmann::json::object(), to_json(u));
  return u.id;
}

Status remove_rule(Work& w, std::int64_t instructor_id, std::int64_t rule_id) {
  auto& c = w.conn;
  auto u = rule(c, rule_id);
  if (!u || u->instructor_id != instructor_id) return Status::not_found();
  // Removed by this request, or by a concurrent one (which records it): one audit entry.
  if (c.exec("DELETE FROM instructor_unavailability WHERE id = ?", {rule_id}) == 0) return Status::not_found();
  w.audit("delete", "instructor_unavailability", rule_id, to_json(*u), nlohmann::json::object());
  return Status::ok();
}

Status save_course_rule(Work& w, const CourseRule& r) {
  auto& c = w.conn;
  auto course = curriculum::find_course(c, r.course_id);
  if (!course) return Status::not_found();
  if (Status st = validate(r, course->periods); !st) return st;
  const CourseRule before = course_rule(c, r.course_id);
  if (before.stored)
    c.exec(
        "UPDATE course_schedule_rules SET weekdays = ?, max_per_week = ?, min_days = ?, updated_at = ? "
        "WHERE course_id = ?",
        {r.weekdays, nullable(r.max_per_week), nullable(r.min_days), w.now, r.course_id});
  else
    c.exec(
        "INSERT INTO course_schedule_rules (course_id, weekdays, max_per_week, min_days, updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        {r.course_id, r.weekdays, nullable(r.max_per_week), nullable(r.min_days), w.now});
  CourseRule after = r;
  after.stored = true;
  w.audit(before.stored ? "update" : "create", "course_schedule_rule", r.course_id,
          before.stored ? to_json(before) : nlohmann::json::object(), to_json(after));
  return Status::ok();
}

}  // namespace availability
}  // namespace mdsc::timetable
