#pragma once
// Hand edits of a timetable: moving a session to another day, period or room, and pinning it, in
// a draft (a run's timetable_sessions) or in the published timetable (course_sessions). A move is
// refused with every reason it breaks a hard rule (a day without teaching, the course's band or
// weekdays, an instructor's unavailability, a room, instructor, track or trainee already taken);
// a room too small is a warning. A move of a published session raises its calendar SEQUENCE and
// tells the trainees and instructors concerned by mail.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/result.h"
#include "db/database.h"
#include "modules/timetable/availability/availability.h"
#include "modules/timetable/planning/instance_builder.h"
#include "platform/entity_fwd.h"
#include "platform/work.h"

namespace mdsc::timetable {

// A session where it stands in a draft or in the published timetable.
struct Placed {
  std::int64_t id = 0;
  std::int64_t course_id = 0;
  std::string day;
  std::string band;
  int position = 0;
  std::int64_t room_id = 0;
  bool pinned = false;

  static const entity::Table<Placed>& table();  // its fields, described once
};

struct Target {
  std::string day;
  std::string band;
  int position = 0;
  std::int64_t room_id = 0;
};

// A piece of a reason that the page writes in its reader's language: plain text, a name with its
// Japanese and English forms, or a catalogue message (whose own arguments are message ids).
struct Text {
  std::string ja, en;  // plain text or a name (en "": the same as ja)
  std::string message_id;
  i18n::Args message_args;
  std::string suffix;  // written after it (" 2" after a band's name)

  static Text plain(std::string s) { return {std::move(s), "", "", {}, ""}; }
  static Text name(std::string ja, std::string en) { return {std::move(ja), std::move(en), "", {}, ""}; }
  static Text message(std::string id, i18n::Args args = {}) { return {"", "", std::move(id), std::move(args), ""}; }
  Text then(std::string tail) const {
    Text t = *this;
    t.suffix += tail;
    return t;
  }
};
using ClashArgs = std::map<std::string, Text>;

// One reason, as a catalogue message with its arguments (the handlers translate it).
struct Clash {
  std::string message_id;
  ClashArgs args;
};

struct MoveCheck {
  std::vector<Clash> clashes;   // hard: the move is refused
  std::vector<Clash> warnings;  // soft: allowed, but worth knowing
  bool ok() const { return clashes.empty(); }
};

// Everything a check needs: the term's planning data (with the instructors' unavailability and
// the courses' rules).
struct EditContext {
  PlanningData data;
  // While the term is under way (today within it), sessions before today have been held: they stay.
  std::string today;  // YYYY-MM-DD, Asia/Tokyo; "" = no such rule (tests of other rules)
};
std::optional<EditContext> edit_context(db::Conn& c, std::int64_t term_id);

// What stops `moving` (one of `placed`, or a new session of `course_id` when moving.id == 0)
// from taking place at `to`.
MoveCheck check_move(const EditContext& ctx, const std::vector<Placed>& placed, const Placed& moving, const Target& to);

// Which timetable an edit is in: a run's draft, or a term's published sessions.
struct Sheet {
  enum class Kind { draft, published } kind = Kind::draft;
  std::int64_t id = 0;  // run id for a draft, term id when published
};
std::vector<Placed> placed_sessions(db::Conn& c, const Sheet& sheet);
std::optional<Placed> placed_session(db::Conn& c, const Sheet& sheet, std::int64_t id);  // a scheduled one

struct MoveRequest {
  Sheet sheet;
  std::int64_t session_id = 0;
  Target to;
  std::optional<bool> pinned;  // unset: unchanged
};

// The move in the unit of work: checked under the term's lock, applied, audited, and (published)
// the SEQUENCE raised and the people concerned mailed. Refused moves return Code::conflict;
// `check` receives the reasons of a refusal, or the warnings of an accepted move.
Status move_session(Work& w, const MoveRequest& request, MoveCheck* check = nullptr);

// The term's id of a sheet (the run's term for a draft); 0 when it does not exist.
std::int64_t term_of(db::Conn& c, const Sheet& sheet);

}  // namespace mdsc::timetable
