#pragma once
// Exams and their results. Fields are described once in model.cpp (decision 0017).
#include <cstdint>
#include <string>

#include "nlohmann/json_fwd.hpp"
#include "platform/entity.h"

namespace mdsc::exams {

struct Exam {
  std::int64_t id = 0;
  std::int64_t course_id = 0;
  std::string title;
  std::string held_on;          // YYYY-MM-DD
  std::int64_t session_id = 0;  // 0: not in a timetable session
  std::int64_t max_score = 100;
  std::int64_t pass_mark = 60;
  bool retake_allowed = false;
  bool requires_attendance = true;  // only trainees who meet the course's attendance rule sit it
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;

  bool passes(std::int64_t score) const { return score >= pass_mark; }
  // The end of the exam's day (Asia/Tokyo), unix seconds; 0 for a malformed day. Attendance up to
  // then decides who may sit it.
  std::int64_t day_ends_at() const;

  static const entity::Table<Exam>& table();  // its fields, described once
};

// A trainee's score in one attempt (1, or 2 for the retake).
struct ExamResult {
  std::int64_t id = 0;
  std::int64_t exam_id = 0;
  std::int64_t user_id = 0;
  std::int64_t attempt = 1;
  std::int64_t score = 0;
  bool passed = false;
  std::int64_t entered_by = 0;
  std::int64_t updated_at = 0;

  static const entity::Table<ExamResult>& table();  // its fields, described once
};

nlohmann::json to_json(const Exam& e);
nlohmann::json to_json(const ExamResult& r);

}  // namespace mdsc::exams
