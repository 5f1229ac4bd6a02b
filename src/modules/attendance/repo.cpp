#include "modules/attendance/repo.h"

#include <stdexcept>

#include "db/where.h"

namespace mdsc::attendance::repo {
namespace {

const std::string kSelect =
    "SELECT id, session_id, user_id, status, method, checked_in_at, device_id, flag, review, review_reason, reason, "
    "marked_by, updated_at FROM attendance WHERE ";

}  // namespace

std::string code_key(db::Conn& c) {
  auto r = c.query_one("SELECT value FROM settings WHERE key = 'attendance_code_key'");
  if (!r) throw std::runtime_error("the attendance_code_key setting is missing (migration 0013)");
  return r->str("value");
}

std::string base_url(db::Conn& c) {
  auto r = c.query_one("SELECT value FROM settings WHERE key = 'base_url'");
  return r ? r->str("value") : "";
}

std::optional<Attendance> record(db::Conn& c, std::int64_t session_id, std::int64_t user_id) {
  return entity::select_first<Attendance>(c, kSelect + "session_id = ? AND user_id = ?", {session_id, user_id});
}

std::optional<Attendance> record_by_id(db::Conn& c, std::int64_t id) {
  return entity::select_first<Attendance>(c, kSelect + "id = ?", {id});
}

std::vector<Attendance> of_session(db::Conn& c, std::int64_t session_id) {
  return entity::select<Attendance>(c, kSelect + "session_id = ? ORDER BY id", {session_id});
}

bool insert_if_absent(db::Conn& c, const Attendance& a) {
  auto p = entity::params(a);
  return c.exec(
             "INSERT INTO attendance (session_id, user_id, status, method, checked_in_at, device_id, flag, review, "
             "review_reason, reason, marked_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
             "ON CONFLICT (session_id, user_id) DO NOTHING",
             p) > 0;
}

void update(db::Conn& c, const Attendance& a) {
  db::Params p;
  p.emplace_back(std::string(name_of(a.status)));
  p.emplace_back(a.method);
  p.emplace_back(a.flag);
  p.emplace_back(std::string(name_of(a.review)));
  p.emplace_back(a.review_reason);
  p.emplace_back(a.reason);
  p.push_back(db::null_if_zero(a.marked_by));
  p.emplace_back(a.updated_at);
  p.emplace_back(a.id);
  c.exec(
      "UPDATE attendance SET status = ?, method = ?, flag = ?, review = ?, review_reason = ?, reason = ?, "
      "marked_by = ?, updated_at = ? WHERE id = ?",
      p);
}

bool decide_review(db::Conn& c, const Attendance& a) {
  db::Params p;
  p.emplace_back(std::string(name_of(a.status)));
  p.emplace_back(std::string(name_of(a.review)));
  p.emplace_back(a.review_reason);
  p.emplace_back(a.marked_by);
  p.emplace_back(a.updated_at);
  p.emplace_back(a.id);
  return c.exec(
             "UPDATE attendance SET status = ?, review = ?, review_reason = ?, marked_by = ?, updated_at = ? "
             "WHERE id = ? AND review = 'pending'",
             p) > 0;
}

Device lock_device(db::Conn& c, const std::string& secret_hash, std::int64_t now) {
  c.exec("INSERT INTO attendance_devices (secret_hash, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
         {secret_hash, now});
  // A write to the row takes its lock: two check-ins from one device decide one after the other.
  c.exec("UPDATE attendance_devices SET created_at = created_at WHERE secret_hash = ?", {secret_hash});
  auto r = c.query_one("SELECT id, user_id FROM attendance_devices WHERE secret_hash = ?", {secret_hash});
  return Device{r->i64("id"), r->is_null("user_id") ? 0 : r->i64("user_id")};
}

std::optional<std::int64_t> device_of(db::Conn& c, std::int64_t user_id) {
  auto r = c.query_one("SELECT id FROM attendance_devices WHERE user_id = ?", {user_id});
  return r ? std::optional<std::int64_t>(r->i64("id")) : std::nullopt;
}

bool bind_device(db::Conn& c, std::int64_t device_id, std::int64_t user_id) {
  return c.exec(
             "UPDATE attendance_devices SET user_id = ? WHERE id = ? AND user_id IS NULL AND NOT EXISTS "
             "(SELECT 1 FROM attendance_devices o WHERE o.user_id = ?)",
             {user_id, device_id, user_id}) > 0;
}

std::vector<Attendance> others_on_device(db::Conn& c, std::int64_t session_id, std::int64_t device_id,
                                         std::int64_t user_id) {
  return entity::select<Attendance>(c, kSelect + "session_id = ? AND device_id = ? AND user_id <> ? ORDER BY id",
                                    {session_id, device_id, user_id});
}

std::vector<Attendance> of_sessions(db::Conn& c, const std::vector<std::int64_t>& session_ids, std::int64_t user_id) {
  if (session_ids.empty()) return {};
  db::Params p;
  std::string where = "session_id IN (" + db::placeholders(session_ids, p) + ")";
  if (user_id) {
    where += " AND user_id = ?";
    p.emplace_back(user_id);
  }
  return entity::select<Attendance>(c, kSelect + where + " ORDER BY session_id, user_id", p);
}

Rule rule_of(db::Conn& c, std::int64_t course_id) {
  Rule absent;
  absent.course_id = course_id;
  return entity::select_first<Rule>(c,
                                    "SELECT course_id, threshold_num, threshold_den, excused_counts, updated_at, "
                                    "live_url FROM attendance_rules "
                                    "WHERE course_id = ?",
                                    {course_id})
      .value_or(absent);
}

void save_rule(db::Conn& c, const Rule& r) {
  c.exec(
      "INSERT INTO attendance_rules (course_id, threshold_num, threshold_den, excused_counts, updated_at, live_url) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (course_id) DO UPDATE SET threshold_num = excluded.threshold_num, "
      "threshold_den = excluded.threshold_den, excused_counts = excluded.excused_counts, "
      "updated_at = excluded.updated_at, live_url = excluded.live_url",
      entity::params(r));
}

bool note_warning(db::Conn& c, std::int64_t course_id, std::int64_t user_id, const std::string& kind,
                  std::int64_t now) {
  return c.exec(
             "INSERT INTO attendance_warnings (course_id, user_id, kind, sent_at) VALUES (?, ?, ?, ?) "
             "ON CONFLICT (course_id, user_id, kind) DO NOTHING",
             {course_id, user_id, kind, now}) > 0;
}

}  // namespace mdsc::attendance::repo
