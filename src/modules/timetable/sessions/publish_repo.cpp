#include "modules/timetable/sessions/publish_repo.h"

#include "platform/entity.h"

namespace mdsc {

using entity::Table, entity::field, entity::columns;
// A slot is read from both session tables; only the published one has times (read when selected).
const entity::Table<timetable::repo::Slot>& timetable::repo::Slot::table() {
  using S = timetable::repo::Slot;
  static const Table<S> t{"session_slot",
                          {field<&S::id>().key(), columns<&S::course_id, &S::day, &S::band, &S::position>(),
                           field<&S::room_id>().nullable(), field<&S::pinned>(), field<&S::starts_at>().joined(),
                           field<&S::ends_at>().joined()}};
  return t;
}
}  // namespace mdsc

namespace mdsc::timetable::repo {

std::int64_t term_of_run(db::Conn& c, std::int64_t run_id) {
  return c.scalar_i64("SELECT COALESCE(MAX(term_id), 0) FROM timetable_runs WHERE id = ?", {run_id});
}

std::int64_t last_session_change(db::Conn& c, std::int64_t term_id) {
  return c.scalar_i64("SELECT COALESCE(MAX(updated_at), 0) FROM course_sessions WHERE term_id = ?", {term_id});
}

std::set<std::int64_t> confidential_courses(db::Conn& c, std::int64_t term_id) {
  std::set<std::int64_t> out;
  for (const auto& r : c.query("SELECT k.id FROM courses k JOIN terms t ON t.fiscal_year = k.fiscal_year "
                               "WHERE t.id = ? AND k.confidential_by_default = 1",
                               {term_id}))
    out.insert(r.i64("id"));
  return out;
}

std::vector<Slot> scheduled_slots(db::Conn& c, std::int64_t term_id) {
  return entity::from_rows<Slot>(
      c.query("SELECT id, course_id, day, band, position, room_id, pinned, starts_at, ends_at FROM course_sessions "
              "WHERE term_id = ? AND status = 'scheduled' ORDER BY course_id, day, band, position, id",
              {term_id}));
}

std::vector<Slot> draft_slots(db::Conn& c, std::int64_t run_id) {
  return entity::from_rows<Slot>(c.query(
      "SELECT 0 AS id, course_id, day, band, position, room_id, pinned FROM timetable_sessions WHERE run_id = ? "
      "ORDER BY course_id, day, band, position, id",
      {run_id}));
}

void republish_session(db::Conn& c, std::int64_t id, const Slot& at, const std::string& from, const std::string& to,
                       bool moved, std::int64_t run_id, std::int64_t now) {
  c.exec(
      "UPDATE course_sessions SET day = ?, band = ?, position = ?, starts_at = ?, ends_at = ?, room_id = ?, "
      "pinned = ?, sequence = sequence + ?, run_id = ?, updated_at = ? WHERE id = ?",
      {at.day, at.band, at.position, from, to, at.room_id, at.pinned ? 1 : 0, moved ? 1 : 0, run_id, now, id});
}

std::int64_t insert_published_session(db::Conn& c, std::int64_t term_id, const Slot& s, const std::string& from,
                                      const std::string& to, bool confidential, std::int64_t run_id, std::int64_t now) {
  return c.insert(
      "INSERT INTO course_sessions (term_id, course_id, day, band, position, starts_at, ends_at, room_id, pinned, "
      "confidential, status, sequence, run_id, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', 0, ?, ?, ?)",
      {term_id, s.course_id, s.day, s.band, s.position, from, to, s.room_id, s.pinned ? 1 : 0, confidential ? 1 : 0,
       run_id, now, now});
}

void cancel_published_session(db::Conn& c, std::int64_t id, std::int64_t now) {
  c.exec("UPDATE course_sessions SET status = 'cancelled', sequence = sequence + 1, updated_at = ? WHERE id = ?",
         {now, id});
}

void mark_run_published(db::Conn& c, std::int64_t run_id, std::int64_t now) {
  c.exec("UPDATE timetable_runs SET published_at = ? WHERE id = ?", {now, run_id});
}

}  // namespace mdsc::timetable::repo
