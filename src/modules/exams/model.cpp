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

using entity::Table, entity::field, entity::columns;

const entity::Table<Exam>& Exam::table() {
  using E = Exam;
  static const Table<E> t{
      "exams",
      {field<&E::id>().key(), field<&E::course_id>().read_only(),
       field<&E::title>().label("exams.title").required().max(200), field<&E::held_on>().label("exams.held_on", "date"),
       field<&E::session_id>().nullable().label("exams.session"),
       field<&E::max_score>().label("exams.max_score", "number").range(1, 100000),
       field<&E::pass_mark>().label("exams.pass_mark", "number").range(0, 100000),
       field<&E::retake_allowed>().label("exams.retake_allowed", "checkbox"),
       field<&E::requires_attendance>().label("exams.requires_attendance", "checkbox"),
       field<&E::created_at>().instant().read_only().not_audited(),
       field<&E::updated_at>().instant().read_only().not_audited()}};
  return t;
}

const entity::Table<ExamResult>& ExamResult::table() {
  using R = ExamResult;
  static const Table<R> t{"exam_results",
                          {field<&R::id>().key(), columns<&R::exam_id, &R::user_id>(), field<&R::attempt>().range(1, 2),
                           field<&R::score>().range(0, 100000), field<&R::passed>(), field<&R::entered_by>().nullable(),
                           field<&R::updated_at>().instant().not_audited()}};
  return t;
}

}  // namespace mdsc::exams
