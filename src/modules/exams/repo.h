#pragma once
// The exams module's SQL: exams and results, read with their entity tables.
#include <cstdint>
#include <optional>
#include <vector>

#include "db/database.h"
#include "modules/exams/model.h"

namespace mdsc::exams::repo {

std::optional<Exam> exam(db::Conn& c, std::int64_t id);
// Takes the exam's row lock until the transaction ends: scores of one exam are entered one batch
// after another (a retake depends on the first attempt's result).
bool lock_exam(db::Conn& c, std::int64_t id);
std::vector<Exam> of_course(db::Conn& c, std::int64_t course_id);  // by day, then id
std::int64_t insert_exam(db::Conn& c, const Exam& e);

std::vector<ExamResult> results_of_exam(db::Conn& c, std::int64_t exam_id);  // by user, attempt
std::vector<ExamResult> results_of_user(db::Conn& c, std::int64_t user_id);  // by exam, attempt
std::optional<ExamResult> result_by_id(db::Conn& c, std::int64_t id);
std::optional<ExamResult> result(db::Conn& c, std::int64_t exam_id, std::int64_t user_id, std::int64_t attempt);
// Writes the attempt's score, new or replacing the one entered before.
void save_result(db::Conn& c, const ExamResult& r);

}  // namespace mdsc::exams::repo
