#include "modules/timetable/model.h"

#include "modules/timetable/availability/availability.h"
#include "modules/timetable/feeds/feeds.h"
#include "modules/timetable/planning/edits.h"
#include "modules/timetable/planning/generation.h"
#include "modules/timetable/planning/pins.h"
#include "modules/timetable/sessions/sessions.h"
#include "modules/timetable/terms/room.h"
#include "modules/timetable/terms/term.h"

namespace mdsc::timetable {

using entity::Table, entity::field, entity::columns, entity::enum_field;

// A run ends once, in one of four ways; a run left "running" by a stopped instance is shown as
// failed (Run::shown_status).
const States<RunStatus>& states_of(RunStatus) {
  using S = RunStatus;
  static const States<S> t{
      {{S::running, "running"},
       {S::done, "done"},
       {S::infeasible, "infeasible"},
       {S::failed, "failed"},
       {S::cancelled, "cancelled"}},
      {{S::running, S::done}, {S::running, S::infeasible}, {S::running, S::failed}, {S::running, S::cancelled}}};
  return t;
}

// A published session is cancelled when a later publication drops it; it is never brought back.
const States<SessionStatus>& states_of(SessionStatus) {
  using S = SessionStatus;
  static const States<S> t{{{S::scheduled, "scheduled"}, {S::cancelled, "cancelled"}}, {{S::scheduled, S::cancelled}}};
  return t;
}

// A term's own row; its periods and closed days are rows of their own tables.
const entity::Table<Term>& Term::table() {
  static const Table<Term> t{
      "term",
      {field<&Term::id>().key(), columns<&Term::fiscal_year, &Term::name, &Term::starts_on, &Term::ends_on,
                                         &Term::year_end_break, &Term::teaching_weekdays>()}};
  return t;
}

const entity::Table<Period>& Period::table() {
  static const Table<Period> t{"term_period",
                               {columns<&Period::band, &Period::position, &Period::starts_at, &Period::ends_at>()}};
  return t;
}

const entity::Table<ClosedDay>& ClosedDay::table() {
  static const Table<ClosedDay> t{"term_closed_day", {columns<&ClosedDay::day, &ClosedDay::reason>()}};
  return t;
}

const entity::Table<Room>& Room::table() {
  static const Table<Room> t{"room",
                             {field<&Room::id>().key(),
                              columns<&Room::name, &Room::capacity, &Room::location, &Room::active, &Room::network>()}};
  return t;
}

// A weekly rule has a weekday and no day, a dated one the reverse; a whole day has no band, a
// whole band no position: each stored as NULL and shown as null.
const entity::Table<Unavailability>& Unavailability::table() {
  using U = Unavailability;
  static const Table<U> t{
      "instructor_unavailability",
      {field<&U::id>().key(), field<&U::instructor_id>(), field<&U::weekday>().nullable(), field<&U::day>().nullable(),
       field<&U::band>().nullable(), field<&U::position>().nullable(), columns<&U::strength, &U::reason>()}};
  return t;
}

// `stored` is not a column: the repository sets it for a rule read from its row.
const entity::Table<CourseRule>& CourseRule::table() {
  using R = CourseRule;
  static const Table<R> t{
      "course_schedule_rule",
      {columns<&R::course_id, &R::weekdays, &R::max_per_week, &R::min_days>(), field<&R::stored>().joined()}};
  return t;
}

const entity::Table<Run>& Run::table() {
  static const Table<Run> t{
      "timetable_run",
      {field<&Run::id>().key(), columns<&Run::term_id, &Run::seed, &Run::seconds>(), enum_field<&Run::status>("status"),
       columns<&Run::progress_permille, &Run::best_hard, &Run::best_soft, &Run::cancel_requested, &Run::message,
               &Run::started_at, &Run::heartbeat_at, &Run::finished_at, &Run::published_at>()}};
  return t;
}

const entity::Table<DraftSession>& DraftSession::table() {
  using D = DraftSession;
  static const Table<D> t{"timetable_session",
                          {field<&D::id>().key(), columns<&D::course_id, &D::day, &D::band, &D::position>(),
                           field<&D::room_id>().nullable(), field<&D::pinned>()}};
  return t;
}

const entity::Table<Session>& Session::table() {
  using S = Session;
  static const Table<S> t{
      "session",
      {field<&S::id>().key(),
       columns<&S::term_id, &S::course_id, &S::day, &S::band, &S::position, &S::starts_at, &S::ends_at>(),
       field<&S::room_id>().nullable(), columns<&S::pinned, &S::confidential>(), enum_field<&S::status>("status"),
       columns<&S::sequence, &S::updated_at>(), field<&S::course_code>().joined(),
       field<&S::course_title_ja>().joined(), field<&S::course_title_en>().joined(), field<&S::room_name>().joined(),
       field<&S::room_network>().joined()}};
  return t;
}

// The token is never stored (only its hash, which no field reads); the names are joined.
const entity::Table<Feed>& Feed::table() {
  static const Table<Feed> t{
      "calendar_feed",
      {field<&Feed::id>().key(), columns<&Feed::kind, &Feed::subject_id, &Feed::owner_id, &Feed::created_at>(),
       field<&Feed::revoked_at>().nullable(), field<&Feed::last_used_at>().nullable()}};
  return t;
}

// A session where it stands on a draft or the published timetable (either table), for moving it.
const entity::Table<Placed>& Placed::table() {
  using P = Placed;
  static const Table<P> t{"placed_session",
                          {field<&P::id>().key(), columns<&P::course_id, &P::day, &P::band, &P::position>(),
                           field<&P::room_id>().nullable(), field<&P::pinned>()}};
  return t;
}

// A placement a new run keeps.
const entity::Table<Pin>& Pin::table() {
  static const Table<Pin> t{
      "pin", {columns<&Pin::course_id, &Pin::day, &Pin::band, &Pin::position>(), field<&Pin::room_id>().nullable()}};
  return t;
}

}  // namespace mdsc::timetable
