#pragma once
// The exams module's changes, each in the caller's unit of work.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/exams/model.h"
#include "platform/work.h"

namespace mdsc::exams {

// A new exam of the course (e.course_id), audited. Refused: an unknown course (not found), a
// missing title, no day and no session, a session of another course, a pass mark above the
// maximum score (invalid, by field).
Result<std::int64_t> create_exam(Work& w, Exam e);

// One score as typed: on the exam's form (a field per trainee and attempt) or in a CSV row.
struct ScoreEntry {
  std::int64_t user_id = 0;
  std::int64_t attempt = 1;
  std::string score;     // as typed
  std::size_t line = 0;  // the CSV line, 0 on the form
};

// Checks every entry without writing: each bad one is a field error "row.<index>" (its index in
// `entries`) with the reason: a score that is not a whole number from 0 to the maximum, someone
// not enrolled in the course, a trainee who does not meet the course's attendance rule when the
// exam requires it, a second attempt the exam does not allow or whose first attempt passed, the
// same trainee and attempt twice.
Status check_scores(Work& w, const Exam& exam, const std::vector<ScoreEntry>& entries);

// Writes every entry, or none if one is bad (check_scores), under the exam's row lock; each new
// or changed score audited with before and after. Returns how many changed.
Result<int> enter_scores(Work& w, std::int64_t exam_id, const std::vector<ScoreEntry>& entries);

}  // namespace mdsc::exams
