#include "modules/timetable/model.h"

#include "modules/timetable/availability/availability.h"
#include "modules/timetable/planning/edits.h"
#include "modules/timetable/feeds/feeds.h"
#include "modules/timetable/planning/generation.h"
#include "modules/timetable/planning/pins.h"
#include "modules/timetable/terms/room.h"
#include "modules/timetable/sessions/sessions.h"
#include "modules/timetable/terms/term.h"

namespace mdsc {

using entity::Table;
using entity::field;
using entity::enum_field;
using namespace timetable;

// A run ends once, in one of four ways; a run left "running" by a stopped instance is shown as
// failed (Run::shown_status).
template <>
const States<RunStatus>& states<RunStatus>() {
  using S = RunStatus;
  static const States<S> t{{{S::running, "running"},
                            {S::done, "done"},
                            {S::infeasible, "infeasible"},
                            {S::failed, "failed"},
                            {S::cancelled, "cancelled"}},
                           {{S::running, S::done}, {S::running, S::infeasible}, {S::running, S::failed},
                            {S::running, S::cancelled}}};
  return t;
}

// A published session is cancelled when a later publication drops it; it is never brought back.
template <>
const States<SessionStatus>& states<SessionStatus>() {
  using S = SessionStatus;
  static const States<S> t{{{S::scheduled, "scheduled"}, {S::cancelled, "cancelled"}}, {{S::scheduled, S::cancelled}}};
  return t;
}

// A term's own row; its periods and closed days are rows of their own tables.
const entity::Table<Term>& Term::table() {
  static const Table<Term> t{"term",
                             {field("id", &Term::id).key(),
                              field("fiscal_year", &Term::fiscal_year),
                              field("name", &Term::name),
                              field("starts_on", &Term::starts_on),
                              field("ends_on", &Term::ends_on),
                              field("year_end_break", &Term::year_end_break),
                              field("teaching_weekdays", &Term::teaching_weekdays)}};
  return t;
}

const entity::Table<Period>& Period::table() {
  static const Table<Period> t{"term_period",
                               {field("band", &Period::band),
                                field("position", &Period::position),
                                field("starts_at", &Period::starts_at),
                                field("ends_at", &Period::ends_at)}};
  return t;
}

const entity::Table<ClosedDay>& ClosedDay::table() {
  static const Table<ClosedDay> t{"term_closed_day", {field("day", &ClosedDay::day), field("reason", &ClosedDay::reason)}};
  return t;
}

const entity::Table<Room>& Room::table() {
  static const Table<Room> t{"room",
                             {field("id", &Room::id).key(),
                              field("name", &Room::name),
                              field("capacity", &Room::capacity),
                              field("location", &Room::location),
                              field("active", &Room::active),
                              field("network", &Room::network)}};
  return t;
}

// A weekly rule has a weekday and no day, a dated one the reverse; a whole day has no band, a
// whole band no position: each stored as NULL and shown as null.
const entity::Table<Unavailability>& Unavailability::table() {
  using U = Unavailability;
  static const Table<U> t{"instructor_unavailability",
                          {field("id", &U::id).key(),
                           field("instructor_id", &U::instructor_id),
                           field("weekday", &U::weekday).nullable(),
                           field("day", &U::day).nullable(),
                           field("band", &U::band).nullable(),
                           field("position", &U::position).nullable(),
                           field("strength", &U::strength),
                           field("reason", &U::reason)}};
  return t;
}

// `stored` is not a column: the repository sets it for a rule read from its row.
const entity::Table<CourseRule>& CourseRule::table() {
  using R = CourseRule;
  static const Table<R> t{"course_schedule_rule",
                          {field("course_id", &R::course_id),
                           field("weekdays", &R::weekdays),
                           field("max_per_week", &R::max_per_week),
                           field("min_days", &R::min_days),
                           field("stored", &R::stored).joined()}};
  return t;
}

const entity::Table<Run>& Run::table() {
  static const Table<Run> t{"timetable_run",
                            {field("id", &Run::id).key(),
                             field("term_id", &Run::term_id),
                             field("seed", &Run::seed),
                             field("seconds", &Run::seconds),
                             enum_field<&Run::status>("status"),
                             field("progress_permille", &Run::progress_permille),
                             field("best_hard", &Run::best_hard),
                             field("best_soft", &Run::best_soft),
                             field("cancel_requested", &Run::cancel_requested),
                             field("message", &Run::message),
                             field("started_at", &Run::started_at),
                             field("heartbeat_at", &Run::heartbeat_at),
                             field("finished_at", &Run::finished_at),
                             field("published_at", &Run::published_at)}};
  return t;
}

const entity::Table<DraftSession>& DraftSession::table() {
  using D = DraftSession;
  static const Table<D> t{"timetable_session",
                          {field("id", &D::id).key(),
                           field("course_id", &D::course_id),
                           field("day", &D::day),
                           field("band", &D::band),
                           field("position", &D::position),
                           field("room_id", &D::room_id).nullable(),
                           field("pinned", &D::pinned)}};
  return t;
}

const entity::Table<Session>& Session::table() {
  using S = Session;
  static const Table<S> t{"session",
                          {field("id", &S::id).key(),
                           field("term_id", &S::term_id),
                           field("course_id", &S::course_id),
                           field("day", &S::day),
                           field("band", &S::band),
                           field("position", &S::position),
                           field("starts_at", &S::starts_at),
                           field("ends_at", &S::ends_at),
                           field("room_id", &S::room_id).nullable(),
                           field("pinned", &S::pinned),
                           field("confidential", &S::confidential),
                           enum_field<&S::status>("status"),
                           field("sequence", &S::sequence),
                           field("updated_at", &S::updated_at),
                           field("course_code", &S::course_code).joined(),
                           field("course_title_ja", &S::course_title_ja).joined(),
                           field("course_title_en", &S::course_title_en).joined(),
                           field("room_name", &S::room_name).joined(),
                           field("room_network", &S::room_network).joined()}};
  return t;
}

// The token is never stored (only its hash, which no field reads); the names are joined.
const entity::Table<Feed>& Feed::table() {
  static const Table<Feed> t{"calendar_feed",
                             {field("id", &Feed::id).key(),
                              field("kind", &Feed::kind),
                              field("subject_id", &Feed::subject_id),
                              field("owner_id", &Feed::owner_id),
                              field("created_at", &Feed::created_at),
                              field("revoked_at", &Feed::revoked_at).nullable(),
                              field("last_used_at", &Feed::last_used_at).nullable()}};
  return t;
}

// A session where it stands on a draft or the published timetable (either table), for moving it.
const entity::Table<Placed>& Placed::table() {
  using P = Placed;
  static const Table<P> t{"placed_session",
                          {field("id", &P::id).key(),
                           field("course_id", &P::course_id),
                           field("day", &P::day),
                           field("band", &P::band),
                           field("position", &P::position),
                           field("room_id", &P::room_id).nullable(),
                           field("pinned", &P::pinned)}};
  return t;
}

// A placement a new run keeps.
const entity::Table<Pin>& Pin::table() {
  static const Table<Pin> t{"pin",
                            {field("course_id", &Pin::course_id),
                             field("day", &Pin::day),
                             field("band", &Pin::band),
                             field("position", &Pin::position),
                             field("room_id", &Pin::room_id).nullable()}};
  return t;
}

}  // namespace mdsc
