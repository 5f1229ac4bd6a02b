#include "modules/exams/repo.h"

#include <string>

namespace mdsc::exams::repo {
namespace {

constexpr const char* kExamColumns =
    "id, course_id, title, held_on, session_id, max_score, pass_mark, retake_allowed, requires_attendance, "
    "created_at, updated_at";
constexpr const char* kResultColumns = "id, exam_id, user_id, attempt, score, passed, entered_by, updated_at";

std::vector<Exam> exams(db::Conn& c, const std::string& where, const db::Params& p) {
  std::vector<Exam> out;
  for (const auto& r : c.query(std::string("SELECT ") + kExamColumns + " FROM exams WHERE " + where, p))
    out.push_back(entity::from_row<Exam>(r));
  return out;
}

std::vector<ExamResult> results(db::Conn& c, const std::string& where, const db::Params& p) {
  std::vector<ExamResult> out;
  for (const auto& r : c.query(std::string("SELECT ") + kResultColumns + " FROM exam_results WHERE " + where, p))
    out.push_back(entity::from_row<ExamResult>(r));
  return out;
}

template <typename T>
std::optional<T> first(std::vector<T> v) {
  return v.empty() ? std::nullopt : std::optional<T>(std::move(v.front()));
}

}  // namespace

std::optional<Exam> exam(db::Conn& c, std::int64_t id) { return first(exams(c, "id = ?", {id})); }

bool lock_exam(db::Conn& c, std::int64_t id) {
  return c.exec("UPDATE exams SET updated_at = updated_at WHERE id = ?", {id}) == 1;
}

std::vector<Exam> of_course(db::Conn& c, std::int64_t course_id) {
  return exams(c, "course_id = ? ORDER BY held_on, id", {course_id});
}

// Bound one by one: entity::params<Exam> trips GCC 12's maybe-uninitialized false positive on
// db::Param's variant (-Werror), as large mixed brace lists do elsewhere.
std::int64_t insert_exam(db::Conn& c, const Exam& e) {
  db::Params p;
  p.emplace_back(e.course_id);
  p.emplace_back(e.title);
  p.emplace_back(e.held_on);
  p.push_back(e.session_id ? db::Param(e.session_id) : db::Param(nullptr));
  p.emplace_back(e.max_score);
  p.emplace_back(e.pass_mark);
  p.emplace_back(std::int64_t{e.retake_allowed});
  p.emplace_back(std::int64_t{e.requires_attendance});
  p.emplace_back(e.created_at);
  p.emplace_back(e.updated_at);
  return c.insert(
      "INSERT INTO exams (course_id, title, held_on, session_id, max_score, pass_mark, retake_allowed, "
      "requires_attendance, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      p);
}

std::vector<ExamResult> results_of_exam(db::Conn& c, std::int64_t exam_id) {
  return results(c, "exam_id = ? ORDER BY user_id, attempt", {exam_id});
}

std::vector<ExamResult> results_of_user(db::Conn& c, std::int64_t user_id) {
  return results(c, "user_id = ? ORDER BY exam_id, attempt", {user_id});
}

std::optional<ExamResult> result_by_id(db::Conn& c, std::int64_t id) { return first(results(c, "id = ?", {id})); }

std::optional<ExamResult> result(db::Conn& c, std::int64_t exam_id, std::int64_t user_id, std::int64_t attempt) {
  return first(results(c, "exam_id = ? AND user_id = ? AND attempt = ?", {exam_id, user_id, attempt}));
}

void save_result(db::Conn& c, const ExamResult& r) {
  db::Params p;
  p.emplace_back(r.exam_id);
  p.emplace_back(r.user_id);
  p.emplace_back(r.attempt);
  p.emplace_back(r.score);
  p.emplace_back(std::int64_t{r.passed});
  p.push_back(r.entered_by ? db::Param(r.entered_by) : db::Param(nullptr));
  p.emplace_back(r.updated_at);
  c.exec(
      "INSERT INTO exam_results (exam_id, user_id, attempt, score, passed, entered_by, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (exam_id, user_id, attempt) DO UPDATE SET score = excluded.score, "
      "passed = excluded.passed, entered_by = excluded.entered_by, updated_at = excluded.updated_at",
      p);
}

}  // namespace mdsc::exams::repo
