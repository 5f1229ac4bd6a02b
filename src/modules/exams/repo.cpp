#include "modules/exams/repo.h"

#include <string>

namespace mdsc::exams::repo {
namespace {

const std::string kSelectExams =
    "SELECT id, course_id, title, held_on, session_id, max_score, pass_mark, retake_allowed, requires_attendance, "
    "created_at, updated_at FROM exams WHERE ";
const std::string kSelectResults =
    "SELECT id, exam_id, user_id, attempt, score, passed, entered_by, updated_at FROM exam_results WHERE ";

}  // namespace

std::optional<Exam> exam(db::Conn& c, std::int64_t id) {
  return entity::select_first<Exam>(c, kSelectExams + "id = ?", {id});
}

bool lock_exam(db::Conn& c, std::int64_t id) {
  return c.exec("UPDATE exams SET updated_at = updated_at WHERE id = ?", {id}) == 1;
}

std::vector<Exam> of_course(db::Conn& c, std::int64_t course_id) {
  return entity::select<Exam>(c, kSelectExams + "course_id = ? ORDER BY held_on, id", {course_id});
}

std::int64_t insert_exam(db::Conn& c, const Exam& e) {
  return c.insert(
      "INSERT INTO exams (course_id, title, held_on, session_id, max_score, pass_mark, retake_allowed, "
      "requires_attendance, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      entity::params(e));
}

std::vector<ExamResult> results_of_exam(db::Conn& c, std::int64_t exam_id) {
  return entity::select<ExamResult>(c, kSelectResults + "exam_id = ? ORDER BY user_id, attempt", {exam_id});
}

std::vector<ExamResult> results_of_user(db::Conn& c, std::int64_t user_id) {
  return entity::select<ExamResult>(c, kSelectResults + "user_id = ? ORDER BY exam_id, attempt", {user_id});
}

std::optional<ExamResult> result_by_id(db::Conn& c, std::int64_t id) {
  return entity::select_first<ExamResult>(c, kSelectResults + "id = ?", {id});
}

std::optional<ExamResult> result(db::Conn& c, std::int64_t exam_id, std::int64_t user_id, std::int64_t attempt) {
  return entity::select_first<ExamResult>(c, kSelectResults + "exam_id = ? AND user_id = ? AND attempt = ?",
                                          {exam_id, user_id, attempt});
}

void save_result(db::Conn& c, const ExamResult& r) {
  c.exec(
      "INSERT INTO exam_results (exam_id, user_id, attempt, score, passed, entered_by, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (exam_id, user_id, attempt) DO UPDATE SET score = excluded.score, "
      "passed = excluded.passed, entered_by = excluded.entered_by, updated_at = excluded.updated_at",
      entity::params(r));
}

}  // namespace mdsc::exams::repo
