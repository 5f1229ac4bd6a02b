#include "modules/timetable/terms/repo.h"

#include "modules/timetable/model.h"
#include "nlohmann/json.hpp"

namespace mdsc::timetable {

nlohmann::json to_json(const Room& r) { return entity::to_json(r); }

namespace repo {
namespace {

// The entity's columns (entity::params), then the statement's own.
db::Params with(db::Params p, std::initializer_list<db::Param> more) {
  p.insert(p.end(), more.begin(), more.end());
  return p;
}

}  // namespace

bool lock_term(db::Conn& c, std::int64_t id) {
  return c.exec("UPDATE terms SET updated_at = updated_at WHERE id = ?", {id}) > 0;
}

std::optional<Term> term(db::Conn& c, std::int64_t id) {
  auto row = c.query_one("SELECT * FROM terms WHERE id = ?", {id});
  if (!row) return std::nullopt;
  auto t = entity::from_row<Term>(*row);
  t.periods =
      entity::from_rows<Period>(c.query("SELECT * FROM term_periods WHERE term_id = ? ORDER BY band, position", {id}));
  t.closed_days = entity::from_rows<ClosedDay>(
      c.query("SELECT day, reason FROM term_closed_days WHERE term_id = ? ORDER BY day", {id}));
  return t;
}

std::vector<Term> terms(db::Conn& c) {
  return entity::from_rows<Term>(c.query("SELECT * FROM terms ORDER BY fiscal_year DESC, starts_on, id"));
}

std::optional<std::int64_t> term_id_by_name(db::Conn& c, int fiscal_year, const std::string& name) {
  auto row = c.query_one("SELECT id FROM terms WHERE fiscal_year = ? AND name = ?", {fiscal_year, name});
  if (!row) return std::nullopt;
  return row->i64("id");
}

std::int64_t insert_term(db::Conn& c, const Term& t, const std::string& now) {
  return c.insert(
      "INSERT INTO terms (fiscal_year, name, starts_on, ends_on, year_end_break, teaching_weekdays, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      with(entity::params(t), {now, now}));
}

void update_term(db::Conn& c, const Term& t, const std::string& now) {
  c.exec(
      "UPDATE terms SET fiscal_year = ?, name = ?, starts_on = ?, ends_on = ?, year_end_break = ?, "
      "teaching_weekdays = ?, updated_at = ? WHERE id = ?",
      with(entity::params(t), {now, t.id}));
}

void replace_periods(db::Conn& c, std::int64_t term_id, const std::vector<Period>& periods) {
  c.exec("DELETE FROM term_periods WHERE term_id = ?", {term_id});
  for (const auto& p : periods)
    c.exec("INSERT INTO term_periods (term_id, band, position, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)",
           {term_id, p.band, p.position, p.starts_at, p.ends_at});
}

void add_closed_day(db::Conn& c, std::int64_t term_id, const ClosedDay& d) {
  c.exec("INSERT INTO term_closed_days (term_id, day, reason) VALUES (?, ?, ?)", {term_id, d.day, d.reason});
}

bool remove_closed_day(db::Conn& c, std::int64_t term_id, const std::string& day) {
  const auto n = c.scalar_i64("SELECT COUNT(*) FROM term_closed_days WHERE term_id = ? AND day = ?", {term_id, day});
  c.exec("DELETE FROM term_closed_days WHERE term_id = ? AND day = ?", {term_id, day});
  return n > 0;
}

std::vector<Room> rooms(db::Conn& c) {
  return entity::from_rows<Room>(c.query("SELECT * FROM rooms ORDER BY active DESC, name"));
}

std::optional<Room> room(db::Conn& c, std::int64_t id) {
  return entity::select_first<Room>(c, "SELECT * FROM rooms WHERE id = ?", {id});
}

std::optional<Room> room_by_name(db::Conn& c, const std::string& name) {
  return entity::select_first<Room>(c, "SELECT * FROM rooms WHERE name = ?", {name});
}

std::int64_t insert_room(db::Conn& c, const Room& r, const std::string& now) {
  return c.insert(
      "INSERT INTO rooms (name, capacity, location, active, network, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      with(entity::params(r), {now, now}));
}

void update_room(db::Conn& c, const Room& r, const std::string& now) {
  c.exec("UPDATE rooms SET name = ?, capacity = ?, location = ?, active = ?, network = ?, updated_at = ? WHERE id = ?",
         with(entity::params(r), {now, r.id}));
}

int fiscal_year_of_term(db::Conn& c, std::int64_t id) {
  return static_cast<int>(c.scalar_i64("SELECT fiscal_year FROM terms WHERE id = ?", {id}));
}

long active_room_count(db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM rooms WHERE active = 1"); }

bool has_live_run(db::Conn& c, std::int64_t term_id, std::int64_t since) {
  return c.scalar_i64("SELECT COUNT(*) FROM timetable_runs WHERE term_id = ? AND status = 'running' AND heartbeat_at >= ?",
                      {term_id, since}) > 0;
}

bool is_done_run_of_term(db::Conn& c, std::int64_t run_id, std::int64_t term_id) {
  return c.scalar_i64("SELECT COUNT(*) FROM timetable_runs WHERE id = ? AND term_id = ? AND status = 'done'",
                      {run_id, term_id}) > 0;
}

std::int64_t published_term_for(db::Conn& c, const std::string& day) {
  const char* base = "SELECT t.id FROM terms t WHERE EXISTS (SELECT 1 FROM course_sessions s WHERE s.term_id = t.id) ";
  for (const auto& [where, order] : std::vector<std::pair<std::string, std::string>>{
           {"AND t.starts_on <= ? AND t.ends_on >= ?", "t.starts_on DESC"},
           {"AND t.starts_on > ? AND t.starts_on > ?", "t.starts_on ASC"},
           {"AND t.ends_on < ? AND t.ends_on < ?", "t.ends_on DESC"}})
    if (auto row = c.query_one(std::string(base) + where + " ORDER BY " + order + ", t.id LIMIT 1", {day, day}))
      return row->i64("id");
  return 0;
}

}  // namespace repo
}  // namespace mdsc::timetable
