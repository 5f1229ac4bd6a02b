#include "modules/exams/model.h"

#include "core/i18n.h"
#include "nlohmann/json.hpp"

namespace mdsc::exams {

std::int64_t Exam::day_ends_at() const {
  std::int64_t t = 0;
  return i18n::tokyo_to_unix(held_on, "23:59:59", t) ? t : 0;
}

nlohmann::json to_json(const Exam& e) { return entity::to_json(e); }
nlohmann::json to_json(const ExamResult& r) { return entity::to_json(r); }

}  // namespace mdsc::exams

namespace mdsc {

using entity::Table;
using entity::field;

using exams::Exam;
using exams::ExamResult;

const entity::Table<Exam>& Exam::table() {
  using E = Exam;
  static const Table<E> t{
      "exams",
      {field("id", &E::id).key(),
       field("course_id", &E::course_id).read_only(),
       field("title", &E::title).label("exams.title").required().max(200),
       field("held_on", &E::held_on).label("exams.held_on", "date"),
       field("session_id", &E::session_id).nullable().label("exams.session"),
       field("max_score", &E::max_score).label("exams.max_score", "number").range(1, 100000),
       field("pass_mark", &E::pass_mark).label("exams.pass_mark", "number").range(0, 100000),
       field("retake_allowed", &E::retake_allowed).label("exams.retake_allowed", "checkbox"),
       field("requires_attendance", &E::requires_attendance).label("exams.requires_attendance", "checkbox"),
       field("created_at", &E::created_at).instant().read_only().not_audited(),
       field("updated_at", &E::updated_at).instant().read_only().not_audited()}};
  return t;
}

const entity::Table<ExamResult>& ExamResult::table() {
  using R = ExamResult;
  static const Table<R> t{"exam_results",
                          {field("id", &R::id).key(),
                           field("exam_id", &R::exam_id),
                           field("user_id", &R::user_id),
                           field("attempt", &R::attempt).range(1, 2),
                           field("score", &R::score).range(0, 100000),
                           field("passed", &R::passed),
                           field("entered_by", &R::entered_by).nullable(),
                           field("updated_at", &R::updated_at).instant().not_audited()}};
  return t;
}

}  // namespace mdsc
