#include "modules/timetable/planning/repo.h"

#include "modules/timetable/availability/repo.h"
#include "modules/timetable/curriculum_view.h"
#include "modules/timetable/terms/repo.h"

namespace mdsc::timetable::repo {

const std::string_view kInsertRun =
    "INSERT INTO timetable_runs (term_id, seed, seconds, status, progress_permille, best_hard, best_soft, "
    "cancel_requested, message, created_by, started_at, heartbeat_at, finished_at, published_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const std::string_view kInsertDraftSession =
    "INSERT INTO timetable_sessions (run_id, course_id, day, band, position, room_id, pinned) VALUES (?, ?, ?, ?, ?, ?, ?)";

std::optional<Run> run(db::Conn& c, std::int64_t id) {
  auto row = c.query_one("SELECT * FROM timetable_runs WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return entity::from_row<Run>(*row);
}

std::vector<Run> runs_of_term(db::Conn& c, std::int64_t term_id) {
  return entity::from_rows<Run>(
      c.query("SELECT * FROM timetable_runs WHERE term_id = ? ORDER BY id DESC LIMIT 20", {term_id}));
}

std::int64_t insert_run(db::Conn& c, const Run& r) { return c.insert(std::string(kInsertRun), entity::params(r)); }

bool live_run(db::Conn& c, std::int64_t term_id, std::int64_t since) {
  return c.scalar_i64("SELECT COUNT(*) FROM timetable_runs WHERE term_id = ? AND status = 'running' AND heartbeat_at >= ?",
                      {term_id, since}) > 0;
}

bool request_cancel(db::Conn& c, std::int64_t run_id) {
  return c.exec("UPDATE timetable_runs SET cancel_requested = 1 WHERE id = ? AND status = 'running'", {run_id}) > 0;
}

bool record_progress(db::Conn& c, std::int64_t run_id, int permille, int best_hard, int best_soft, std::int64_t now) {
  c.exec("UPDATE timetable_runs SET progress_permille = ?, best_hard = ?, best_soft = ?, heartbeat_at = ? WHERE id = ?",
         {permille, best_hard, best_soft, now, run_id});
  return c.scalar_i64("SELECT cancel_requested FROM timetable_runs WHERE id = ?", {run_id}) != 0;
}

void finish_run(db::Conn& c, const Run& r) {
  const std::string status(name_of(r.status));
  if (r.best_hard && r.best_soft)
    c.exec("UPDATE timetable_runs SET status = ?, message = ?, finished_at = ?, heartbeat_at = ?, "
           "progress_permille = 1000, best_hard = ?, best_soft = ? WHERE id = ?",
           {status, r.message, *r.finished_at, r.heartbeat_at, *r.best_hard, *r.best_soft, r.id});
  else
    c.exec("UPDATE timetable_runs SET status = ?, message = ?, finished_at = ?, heartbeat_at = ? WHERE id = ?",
           {status, r.message, *r.finished_at, r.heartbeat_at, r.id});
}

bool done_run_of_term(db::Conn& c, std::int64_t run_id, std::int64_t term_id) {
  return c.scalar_i64("SELECT COUNT(*) FROM timetable_runs WHERE id = ? AND term_id = ? AND status = 'done'",
                      {run_id, term_id}) > 0;
}

void mark_published(db::Conn& c, std::int64_t run_id, std::int64_t now) {
  c.exec("UPDATE timetable_runs SET published_at = ? WHERE id = ?", {now, run_id});
}

std::vector<DraftSession> draft_sessions(db::Conn& c, std::int64_t run_id) {
  return entity::from_rows<DraftSession>(
      c.query("SELECT * FROM timetable_sessions WHERE run_id = ? ORDER BY day, band, position, id", {run_id}));
}

void insert_draft_session(db::Conn& c, const DraftSession& s) {
  c.exec(std::string(kInsertDraftSession), entity::params(s));
}

std::vector<Pin> pins_of_term(db::Conn& c, std::int64_t term_id, const std::string& today) {
  if (c.scalar_i64("SELECT COUNT(*) FROM course_sessions WHERE term_id = ?", {term_id}) == 0)
    return entity::from_rows<Pin>(
        c.query("SELECT course_id, day, band, position, room_id FROM timetable_sessions WHERE pinned = 1 AND run_id = "
                "(SELECT MAX(id) FROM timetable_runs WHERE term_id = ? AND status = 'done')",
                {term_id}));
  return entity::from_rows<Pin>(
      c.query("SELECT s.course_id, s.day, s.band, s.position, s.room_id FROM course_sessions s "
              "JOIN terms t ON t.id = s.term_id WHERE s.term_id = ? AND s.status = 'scheduled' AND "
              "(s.pinned = 1 OR (t.starts_on <= ? AND t.ends_on >= ? AND s.day < ?))",
              {term_id, today, today, today}));
}

namespace {

std::vector<std::pair<std::int64_t, std::int64_t>> enrolled_of_year(db::Conn& c, int fiscal_year) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& row : c.query("SELECT e.course_id, e.user_id FROM enrollments e JOIN courses k ON k.id = e.course_id "
                                 "WHERE k.fiscal_year = ? AND e.status = 'enrolled' ORDER BY e.course_id, e.user_id",
                                 {fiscal_year}))
    out.emplace_back(row.i64("course_id"), row.i64("user_id"));
  return out;
}

}  // namespace

std::optional<PlanningData> planning_data(db::Conn& c, std::int64_t term_id) {
  auto term = repo::term(c, term_id);
  if (!term) return std::nullopt;
  PlanningData data;
  data.term = *term;
  data.courses = curriculum_view::courses(c, term->fiscal_year);
  for (const auto& r : rooms(c))
    if (r.active) data.rooms.push_back(r);
  data.enrolled = enrolled_of_year(c, term->fiscal_year);
  data.unavailability = rules_of_year(c, term->fiscal_year);
  data.rules = course_rules(c, term->fiscal_year);
  return data;
}

}  // namespace mdsc::timetable::repo
