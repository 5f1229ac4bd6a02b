#pragma once
// The SQL of publishing a draft (publish.cpp): the sessions on both sides as slots, and the
// writes to the published sessions.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "db/database.h"
#include "platform/entity_fwd.h"

namespace mdsc::timetable::repo {

// A session where it is placed: a published one (with its id and the times it was last published
// at) or one of a draft (id 0, no times).
struct Slot {
  std::int64_t id = 0;
  std::int64_t course_id = 0;
  std::string day, band;
  int position = 0;
  std::int64_t room_id = 0;
  bool pinned = false;
  std::string starts_at, ends_at;
  bool same_time(const Slot& o) const { return day == o.day && band == o.band && position == o.position; }

  static const entity::Table<Slot>& table();  // its fields, described once
};

// The run's term, 0 if there is no such run.
std::int64_t term_of_run(db::Conn& c, std::int64_t run_id);
// When the term's published sessions last changed (unix seconds), 0 if never.
std::int64_t last_session_change(db::Conn& c, std::int64_t term_id);
// The courses of the term's year that are confidential by default.
std::set<std::int64_t> confidential_courses(db::Conn& c, std::int64_t term_id);
// The term's scheduled sessions, and the run's draft sessions, by course, then day and period.
std::vector<Slot> scheduled_slots(db::Conn& c, std::int64_t term_id);
std::vector<Slot> draft_slots(db::Conn& c, std::int64_t run_id);

// Places the published session as the slot says (at the period's times `from`–`to`), raising its
// sequence when it `moved` (calendars then update it).
void republish_session(db::Conn& c, std::int64_t id, const Slot& at, const std::string& from, const std::string& to,
                       bool moved, std::int64_t run_id, std::int64_t now);
std::int64_t insert_published_session(db::Conn& c, std::int64_t term_id, const Slot& s, const std::string& from,
                                      const std::string& to, bool confidential, std::int64_t run_id, std::int64_t now);
void cancel_published_session(db::Conn& c, std::int64_t id, std::int64_t now);
void mark_run_published(db::Conn& c, std::int64_t run_id, std::int64_t now);

}  // namespace mdsc::timetable::repo
