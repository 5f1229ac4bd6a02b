#include "modules/videos/repo.h"

#include "db/where.h"

namespace mdsc::videos::repo {
namespace {

const std::string kSelect =
    "SELECT r.id, r.session_id, r.course_id, r.filename, r.content_type, r.size, r.sha256, r.duration_ms, "
    "r.storage_key, r.uploaded_by, r.uploaded_at, r.withdrawn_at, r.withdrawn_by, r.withdraw_reason, "
    "r.file_deleted_at FROM recordings r ";

}  // namespace

std::string data_dir(db::Conn& c) {
  auto r = c.query_one("SELECT value FROM settings WHERE key = 'data_dir'");
  return r ? r->str("value") : "";
}

std::optional<Recording> by_id(db::Conn& c, std::int64_t id) {
  return entity::select_first<Recording>(c, kSelect + "WHERE r.id = ?", {id});
}

std::optional<Recording> current_of_session(db::Conn& c, std::int64_t session_id) {
  return entity::select_first<Recording>(c, kSelect + "WHERE r.session_id = ? AND r.withdrawn_at IS NULL",
                                         {session_id});
}

std::vector<Recording> current_of_courses(db::Conn& c, const std::vector<std::int64_t>& course_ids) {
  if (course_ids.empty()) return {};
  db::Params p;
  const std::string in = db::placeholders(course_ids, p);
  return entity::select<Recording>(
      c,
      kSelect + "JOIN course_sessions s ON s.id = r.session_id WHERE r.withdrawn_at IS NULL AND r.course_id IN (" + in +
          ") ORDER BY s.day DESC, s.starts_at DESC",
      p);
}

std::optional<std::int64_t> insert(db::Conn& c, const Recording& r) {
  if (c.exec("INSERT INTO recordings (session_id, course_id, filename, content_type, size, sha256, duration_ms, "
             "storage_key, uploaded_by, uploaded_at, withdrawn_at, withdrawn_by, withdraw_reason, file_deleted_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
             entity::params(r)) == 0)
    return std::nullopt;
  return c.scalar_i64("SELECT id FROM recordings WHERE storage_key = ?", {r.storage_key});
}

bool withdraw(db::Conn& c, std::int64_t id, std::int64_t by, std::int64_t at, const std::string& reason) {
  return c.exec(
             "UPDATE recordings SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ? "
             "WHERE id = ? AND withdrawn_at IS NULL",
             {at, db::null_if_zero(by), reason, id}) > 0;
}

std::vector<Recording> files_to_delete(db::Conn& c) {
  return entity::select<Recording>(
      c, kSelect + "WHERE r.withdrawn_at IS NOT NULL AND r.file_deleted_at IS NULL ORDER BY r.id", {});
}

void mark_file_deleted(db::Conn& c, std::int64_t id, std::int64_t at) {
  c.exec("UPDATE recordings SET file_deleted_at = ? WHERE id = ?", {at, id});
}

std::optional<View> view(db::Conn& c, std::int64_t recording_id, std::int64_t user_id) {
  return entity::select_first<View>(
      c,
      "SELECT id, recording_id, user_id, watched, watched_seconds, first_played_at, "
      "last_beat_at, credited_at FROM recording_views WHERE recording_id = ? AND user_id = ?",
      {recording_id, user_id});
}

View lock_view(db::Conn& c, std::int64_t recording_id, std::int64_t user_id, std::int64_t now) {
  c.exec(
      "INSERT INTO recording_views (recording_id, user_id, first_played_at, last_beat_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (recording_id, user_id) DO NOTHING",
      {recording_id, user_id, now, now});
  // A write to the row takes its lock (on PostgreSQL; SQLite's write transaction holds them all).
  c.exec("UPDATE recording_views SET watched_seconds = watched_seconds WHERE recording_id = ? AND user_id = ?",
         {recording_id, user_id});
  return *view(c, recording_id, user_id);
}

void save_view(db::Conn& c, const View& v) {
  c.exec("UPDATE recording_views SET watched = ?, watched_seconds = ?, last_beat_at = ?, credited_at = ? WHERE id = ?",
         {v.watched, v.watched_seconds, v.last_beat_at, db::null_if_zero(v.credited_at), v.id});
}

void insert_play(db::Conn& c, std::int64_t recording_id, std::int64_t user_id, std::int64_t at) {
  c.exec("INSERT INTO recording_plays (recording_id, user_id, at) VALUES (?, ?, ?)", {recording_id, user_id, at});
}

std::int64_t plays(db::Conn& c, std::int64_t recording_id) {
  return c.scalar_i64("SELECT COUNT(*) FROM recording_plays WHERE recording_id = ?", {recording_id});
}

}  // namespace mdsc::videos::repo
