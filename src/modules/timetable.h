#pragma once
// The timetable module's face (decision 0018): the published timetable, dated sessions (table
// `course_sessions`). Attendance, videos and exams refer to a session by its id and read it from
// here; so do the timetable's own pages and calendar feeds. Reads take the caller's connection.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "nlohmann/json_fwd.hpp"
#include "platform/entity_fwd.h"
#include "platform/states.h"

namespace mdsc::timetable {

// scheduled → cancelled (states<SessionStatus>(), model.cpp).
enum class SessionStatus { scheduled, cancelled };
const States<SessionStatus>& states_of(SessionStatus);  // its names and moves (model.cpp)
}  // namespace mdsc::timetable

namespace mdsc::timetable {

struct Session {
  std::int64_t id = 0;
  std::int64_t term_id = 0;
  std::int64_t course_id = 0;
  std::string day;   // YYYY-MM-DD (Asia/Tokyo)
  std::string band;  // daytime, evening
  int position = 0;
  std::string starts_at;  // HH:MM
  std::string ends_at;
  std::int64_t room_id = 0;  // 0: none
  bool pinned = false;
  bool confidential = false;
  SessionStatus status = SessionStatus::scheduled;
  int sequence = 0;
  std::int64_t updated_at = 0;
  // Read with the session (not stored in the row).
  std::string course_code, course_title_ja, course_title_en, room_name;
  std::string room_network;  // the room's CIDR ranges for on-site check-ins ("" for any)

  const std::string& course_title(const std::string& lang) const {
    return lang == "en" && !course_title_en.empty() ? course_title_en : course_title_ja;
  }
  // Unix seconds of the start and end (the day and times are Asia/Tokyo wall time).
  std::int64_t start_unix() const;
  std::int64_t end_unix() const;

  static const entity::Table<Session>& table();  // its fields, described once
};

nlohmann::json to_json(const Session& s);

// Which sessions to read; every filter that is set must match. Cancelled ones only on request.
struct SessionFilter {
  std::int64_t term_id = 0;
  std::int64_t course_id = 0;
  std::int64_t room_id = 0;
  std::int64_t instructor_id = 0;  // sessions of the courses the instructor teaches
  std::int64_t trainee_id = 0;     // user id: sessions of the courses the user is enrolled in
  std::string from, to;            // inclusive days
  bool include_cancelled = false;
};

namespace sessions {
std::optional<Session> get(db::Conn& c, std::int64_t id);
std::vector<Session> list(db::Conn& c, const SessionFilter& f);  // by day, then start time
bool term_published(db::Conn& c, std::int64_t term_id);
// Whether the user is enrolled in the course (a trainee sees the sessions of their own courses).
bool enrolled(db::Conn& c, std::int64_t course_id, std::int64_t user_id);
}  // namespace sessions

}  // namespace mdsc::timetable
