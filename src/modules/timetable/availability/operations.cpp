#include "modules/timetable/availability/operations.h"

#include <algorithm>

#include "modules/timetable/availability/repo.h"
#include "modules/timetable/curriculum_view.h"
#include "modules/timetable/terms/model.h"
#include "modules/timetable/terms/repo.h"

namespace mdsc::timetable {
namespace {

constexpr std::size_t kMaxReasonChars = 100;

std::size_t utf8_chars(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

// The (band, position) pairs of every term's grid and of the default grid.
std::vector<std::pair<std::string, int>> known_grid(db::Conn& c) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& p : default_periods()) out.emplace_back(p.band, p.position);
  for (const auto& p : repo::periods_in_use(c)) out.push_back(p);
  return out;
}

void validate_position(const Unavailability& u, const std::vector<std::pair<std::string, int>>& grid, Status& st) {
  if (u.position < 0) st.field("position", "validation.positive");
  if (u.position <= 0) return;
  if (u.band.empty()) {
    st.field("position", "availability.position_needs_band");
    return;
  }
  if (u.band != "daytime" && u.band != "evening") return;
  std::vector<std::pair<std::string, int>> known = grid;
  if (known.empty())
    for (const auto& p : default_periods()) known.emplace_back(p.band, p.position);
  if (std::find(known.begin(), known.end(), std::make_pair(u.band, static_cast<int>(u.position))) == known.end())
    st.field("position", "availability.no_such_period");
}

bool same_rule(const Unavailability& a, const Unavailability& b) {
  return a.weekday == b.weekday && a.day == b.day && a.band == b.band && a.position == b.position &&
         a.strength == b.strength;
}

}  // namespace

Status validate(const Unavailability& u, const std::vector<std::pair<std::string, int>>& grid) {
  Status st;
  std::chrono::year_month_day date{};
  if (u.weekday != 0 && !u.day.empty()) st.field("weekday", "availability.weekday_or_date");
  else if (u.day.empty() && (u.weekday < 1 || u.weekday > 7)) st.field("weekday", "availability.weekday_or_date");
  else if (!u.day.empty() && !parse_iso_date(u.day, date)) st.field("day", "validation.date");
  if (!u.band.empty() && u.band != "daytime" && u.band != "evening") st.field("band", "validation.choice");
  validate_position(u, grid, st);
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

Result<std::int64_t> add_unavailability(Work& w, Unavailability u) {
  if (Status st = validate(u, known_grid(w.conn)); !st) return st;
  // The instructor's lock, so that the same rule added twice at once is found the second time.
  if (!repo::lock_instructor(w.conn, u.instructor_id)) return Status::not_found();
  for (const auto& other : repo::rules_of_instructor(w.conn, u.instructor_id))
    if (same_rule(other, u))
      return Status(Code::conflict, "error.invalid_input").field(u.day.empty() ? "weekday" : "day", "availability.duplicate");
  u.created_at = w.now;
  u.id = repo::insert_rule(w.conn, u);
  w.audit("create", "instructor_unavailability", u.id, nlohmann::json::object(), entity::snapshot(u));
  return u.id;
}

Status remove_unavailability(Work& w, std::int64_t instructor_id, std::int64_t rule_id) {
  auto u = repo::rule(w.conn, rule_id);
  if (!u || u->instructor_id != instructor_id) return Status::not_found();
  // Removed by this request, or by a concurrent one (which records it): one audit entry.
  if (!repo::delete_rule(w.conn, rule_id)) return Status::not_found();
  w.audit("delete", "instructor_unavailability", rule_id, entity::snapshot(*u), nlohmann::json::object());
  return Status::ok();
}

Status save_course_rule(Work& w, CourseRule r) {
  auto course = curriculum_view::course(w.conn, r.course_id);
  if (!course) return Status::not_found();
  if (Status st = validate(r, course->periods); !st) return st;
  const CourseRule before = repo::course_rule(w.conn, r.course_id);
  r.updated_at = w.now;
  if (before.stored) repo::update_course_rule(w.conn, r);
  else repo::insert_course_rule(w.conn, r);
  w.audit(before.stored ? "update" : "create", "course_schedule_rule", r.course_id,
          before.stored ? entity::snapshot(before) : nlohmann::json::object(), entity::snapshot(r));
  return Status::ok();
}

}  // namespace mdsc::timetable
