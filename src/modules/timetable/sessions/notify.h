#pragma once
// After a timetable is published, every change to a session is mailed to the people it concerns:
// the trainees enrolled in the course and its instructors, one mail per person listing all their
// changes of one edit, in the person's language. Queued in the edit's transaction (the outbox).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/work.h"

namespace mdsc::timetable {

struct SessionState {
  std::string day;        // YYYY-MM-DD
  std::string starts_at;  // HH:MM
  std::string ends_at;
  std::string room;
};

struct SessionChange {
  std::int64_t session_id = 0;
  std::int64_t course_id = 0;
  std::optional<SessionState> before;  // unset: a new session
  std::optional<SessionState> after;   // unset: cancelled
};

// Returns the number of mails queued (they leave after the unit of work commits).
int notify_changes(Work& w, const std::vector<SessionChange>& changes);

// "2018-01-10 (水) 18:00–19:30 · 講義室A" in lang.
std::string describe(const SessionState& s, const std::string& lang);

}  // namespace mdsc::timetable
