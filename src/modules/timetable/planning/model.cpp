#include "modules/timetable/planning/model.h"

#include "modules/timetable/fields.h"

namespace mdsc {

template <>
const States<timetable::RunStatus>& states<timetable::RunStatus>() {
  using S = timetable::RunStatus;
  static const States<S> t{{{S::running, "running"}, {S::done, "done"}, {S::infeasible, "infeasible"},
                            {S::failed, "failed"}, {S::cancelled, "cancelled"}},
                           {{S::running, S::done}, {S::running, S::infeasible}, {S::running, S::failed},
                            {S::running, S::cancelled}}};
  return t;
}

template <>
const entity::Table<timetable::Run>& entity::table<timetable::Run>() {
  using R = timetable::Run;
  using timetable::hidden;
  static const Table<R> t{"timetable_run",
                          {field("id", &R::id).key(), field("term_id", &R::term_id), field("seed", &R::seed),
                           field("seconds", &R::seconds), enum_field<&R::status>("status"),
                           hidden(field("progress_permille", &R::progress_permille)), field("best_hard", &R::best_hard),
                           field("best_soft", &R::best_soft), field("cancel_requested", &R::cancel_requested),
                           field("message", &R::message), hidden(field("created_by", &R::created_by).nullable()),
                           hidden(field("started_at", &R::started_at)), hidden(field("heartbeat_at", &R::heartbeat_at)),
                           hidden(field("finished_at", &R::finished_at)), field("published_at", &R::published_at)}};
  return t;
}

template <>
const entity::Table<timetable::GenerationRequest>& entity::table<timetable::GenerationRequest>() {
  using G = timetable::GenerationRequest;
  static const Table<G> t{"timetable_run",
                          {field("term_id", &G::term_id), field("seed", &G::seed), field("seconds", &G::seconds)}};
  return t;
}

template <>
const entity::Table<timetable::DraftSession>& entity::table<timetable::DraftSession>() {
  using D = timetable::DraftSession;
  static const Table<D> t{"timetable_session",
                          {field("id", &D::id).key(), field("run_id", &D::run_id), field("course_id", &D::course_id),
                           field("day", &D::day), field("band", &D::band), field("position", &D::position),
                           field("room_id", &D::room_id), field("pinned", &D::pinned)}};
  return t;
}

template <>
const entity::Table<timetable::Pin>& entity::table<timetable::Pin>() {
  using P = timetable::Pin;
  static const Table<P> t{"pin",
                          {field("course_id", &P::course_id), field("day", &P::day), field("band", &P::band),
                           field("position", &P::position), field("room_id", &P::room_id)}};
  return t;
}

}  // namespace mdsc

namespace mdsc::timetable {

const Course* PlanningData::course(std::int64_t id) const {
  for (const auto& k : courses)
    if (k.id == id) return &k;
  return nullptr;
}

const Room* PlanningData::room(std::int64_t id) const {
  for (const auto& r : rooms)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace mdsc::timetable
