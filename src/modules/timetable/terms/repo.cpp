#include "modules/timetable/terms/repo.h"

namespace mdsc::timetable::repo {

const std::string_view kInsertTerm =
    "INSERT INTO terms (fiscal_year, name, starts_on, ends_on, year_end_break, teaching_weekdays, created_at, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
const std::string_view kInsertPeriod =
    "INSERT INTO term_periods (term_id, band, position, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)";
const std::string_view kInsertClosedDay = "INSERT INTO term_closed_days (term_id, day, reason) VALUES (?, ?, ?)";
const std::string_view kInsertRoom =
    "INSERT INTO rooms (name, capacity, location, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)";

namespace {
// The UPDATE's parameters: the INSERT's, then the id.
template <typename T>
db::Params with_id(const T& v) {
  auto p = entity::params(v);
  p.emplace_back(v.id);
  return p;
}
}  // namespace

bool lock_term(db::Conn& c, std::int64_t id) {
  return c.exec("UPDATE terms SET updated_at = updated_at WHERE id = ?", {id}) > 0;
}

std::optional<Term> term(db::Conn& c, std::int64_t id) {
  auto row = c.query_one("SELECT * FROM terms WHERE id = ?", {id});
  if (!row) return std::nullopt;
  Term t = entity::from_row<Term>(*row);
  t.periods = entity::from_rows<Period>(c.query("SELECT * FROM term_periods WHERE term_id = ? ORDER BY band, position", {id}));
  t.closed_days = entity::from_rows<ClosedDay>(
      c.query("SELECT term_id, day, reason FROM term_closed_days WHERE term_id = ? ORDER BY day", {id}));
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

std::int64_t insert_term(db::Conn& c, const Term& t) { return c.insert(std::string(kInsertTerm), entity::params(t)); }

void update_term(db::Conn& c, const Term& t) {
  // created_at is set again to what it was: the statement names the table's columns in order.
  c.exec("UPDATE terms SET fiscal_year = ?, name = ?, starts_on = ?, ends_on = ?, year_end_break = ?, "
         "teaching_weekdays = ?, created_at = ?, updated_at = ? WHERE id = ?",
         with_id(t));
}

void replace_periods(db::Conn& c, std::int64_t term_id, const std::vector<Period>& periods) {
  c.exec("DELETE FROM term_periods WHERE term_id = ?", {term_id});
  for (Period p : periods) {
    p.term_id = term_id;
    c.exec(std::string(kInsertPeriod), entity::params(p));
  }
}

void add_closed_day(db::Conn& c, const ClosedDay& d) { c.exec(std::string(kInsertClosedDay), entity::params(d)); }

bool remove_closed_day(db::Conn& c, std::int64_t term_id, const std::string& day) {
  return c.exec("DELETE FROM term_closed_days WHERE term_id = ? AND day = ?", {term_id, day}) > 0;
}

std::vector<std::pair<std::string, int>> periods_in_use(db::Conn& c) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& r : c.query("SELECT DISTINCT band, position FROM term_periods"))
    out.emplace_back(r.str("band"), static_cast<int>(r.i64("position")));
  return out;
}

std::vector<Room> rooms(db::Conn& c) {
  return entity::from_rows<Room>(c.query("SELECT * FROM rooms ORDER BY active DESC, name"));
}

std::optional<Room> room(db::Conn& c, std::int64_t id) {
  auto row = c.query_one("SELECT * FROM rooms WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return entity::from_row<Room>(*row);
}

std::optional<Room> room_by_name(db::Conn& c, const std::string& name) {
  auto row = c.query_one("SELECT * FROM rooms WHERE name = ?", {name});
  if (!row) return std::nullopt;
  return entity::from_row<Room>(*row);
}

std::int64_t count_active_rooms(db::Conn& c) { return c.scalar_i64("SELECT COUNT(*) FROM rooms WHERE active = 1"); }

std::int64_t insert_room(db::Conn& c, const Room& r) { return c.insert(std::string(kInsertRoom), entity::params(r)); }

void update_room(db::Conn& c, const Room& r) {
  c.exec("UPDATE rooms SET name = ?, capacity = ?, location = ?, active = ?, created_at = ?, updated_at = ? WHERE id = ?",
         with_id(r));
}

}  // namespace mdsc::timetable::repo
