#include "modules/timetable/sessions/sessions.h"

#include "core/i18n.h"
#include "modules/timetable/model.h"
#include "nlohmann/json.hpp"

namespace mdsc::timetable {
namespace {

constexpr const char* kSelect =
    "SELECT s.*, k.code AS course_code, k.title_ja AS course_title_ja, k.title_en AS course_title_en, "
    "COALESCE(r.name, '') AS room_name, COALESCE(r.network, '') AS room_network FROM course_sessions s JOIN courses k "
    "ON k.id = s.course_id "
    "LEFT JOIN rooms r ON r.id = s.room_id";

std::int64_t at(const std::string& day, const std::string& hhmm) {
  std::int64_t t = 0;
  return i18n::tokyo_to_unix(day, hhmm + ":00", t) ? t : 0;
}

}  // namespace

std::int64_t Session::start_unix() const { return at(day, starts_at); }
std::int64_t Session::end_unix() const { return at(day, ends_at); }

nlohmann::json to_json(const Session& s) {
  return {{"id", s.id},
          {"term_id", s.term_id},
          {"course_id", s.course_id},
          {"course_code", s.course_code},
          {"course_title_ja", s.course_title_ja},
          {"course_title_en", s.course_title_en},
          {"date", s.day},
          {"band", s.band},
          {"period", s.position},
          {"starts_at", s.starts_at},
          {"ends_at", s.ends_at},
          {"room_id", s.room_id ? nlohmann::json(s.room_id) : nlohmann::json(nullptr)},
          {"room_name", s.room_name},
          {"pinned", s.pinned},
          {"confidential", s.confidential},
          {"status", name_of(s.status)},
          {"sequence", s.sequence}};
}

namespace sessions {

std::optional<Session> get(db::Conn& c, std::int64_t id) {
  auto row = c.query_one(std::string(kSelect) + " WHERE s.id = ?", {id});
  if (!row) return std::nullopt;
  return entity::from_row<Session>(*row);
}

std::vector<Session> list(db::Conn& c, const SessionFilter& f) {
  std::string sql = std::string(kSelect) + " WHERE 1 = 1";
  db::Params p;
  auto where = [&](const char* clause, db::Param v) {
    sql += clause;
    p.push_back(std::move(v));
  };
  if (f.term_id) where(" AND s.term_id = ?", f.term_id);
  if (f.course_id) where(" AND s.course_id = ?", f.course_id);
  if (f.room_id) where(" AND s.room_id = ?", f.room_id);
  if (f.instructor_id)
    where(" AND s.course_id IN (SELECT course_id FROM course_instructors WHERE instructor_id = ?)", f.instructor_id);
  if (f.trainee_id)
    where(" AND s.course_id IN (SELECT course_id FROM enrollments WHERE user_id = ? AND status = 'enrolled')",
          f.trainee_id);
  if (!f.from.empty()) where(" AND s.day >= ?", f.from);
  if (!f.to.empty()) where(" AND s.day <= ?", f.to);
  if (!f.include_cancelled) sql += " AND s.status = 'scheduled'";
  sql += " ORDER BY s.day, s.starts_at, s.id";
  std::vector<Session> out;
  for (const auto& r : c.query(sql, p)) out.push_back(entity::from_row<Session>(r));
  return out;
}

bool term_published(db::Conn& c, std::int64_t term_id) {
  return c.scalar_i64("SELECT COUNT(*) FROM course_sessions WHERE term_id = ?", {term_id}) > 0;
}

bool enrolled(db::Conn& c, std::int64_t course_id, std::int64_t user_id) {
  return c.scalar_i64("SELECT COUNT(*) FROM enrollments WHERE course_id = ? AND user_id = ? AND status = 'enrolled'",
                      {course_id, user_id}) > 0;
}

}  // namespace sessions
}  // namespace mdsc::timetable
