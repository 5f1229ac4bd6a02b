#pragma once
// Instructors, courses per fiscal year with their instructors (their structs are in the face,
// modules/curriculum.h), the year's course-choice rule and drop deadline, and enrollments with a
// waitlist. Each entity's fields are described once, in model.cpp (decision 0017).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/curriculum.h"
#include "nlohmann/json.hpp"
#include "platform/entity.h"
#include "platform/states.h"

namespace mdsc::curriculum {

inline constexpr int kMaxPeriods = 200;
inline constexpr int kMaxCapacity = 10000;

const std::vector<std::string>& categories();
const std::vector<std::string>& tracks();
const std::vector<std::string>& course_kinds();
const std::vector<std::string>& time_bands();
const std::vector<std::string>& course_statuses();  // the names of CourseStatus
const std::vector<std::string>& choice_rules();

struct CurriculumYear {
  int fiscal_year = 0;
  std::string choice_rule = "free";  // free, required_per_track
  std::string drop_deadline;         // YYYY-MM-DD (Asia/Tokyo, inclusive) or ""
  std::string notes;
  bool stored = false;               // false: the defaults of a year nobody configured

  static const entity::Table<CurriculumYear>& table();  // its fields, described once
};

// enrolled ⇄ the course has room; waitlisted moves up when a place frees; either is dropped.
enum class EnrollmentStatus { enrolled, waitlisted, dropped };
const States<EnrollmentStatus>& states_of(EnrollmentStatus);  // its names and moves (model.cpp)

struct Enrollment {
  std::int64_t id = 0;
  std::int64_t course_id = 0;
  std::int64_t user_id = 0;
  EnrollmentStatus status = EnrollmentStatus::enrolled;
  std::optional<std::int64_t> waitlist_position;
  std::int64_t created_at = 0;
  std::int64_t enrolled_at = 0, dropped_at = 0, dropped_by = 0;  // 0: not (yet)
  // Read with the joins (not stored here).
  std::string user_name, user_email, user_kana, user_romaji;
  std::string course_code, course_title_ja, course_title_en;
  int fiscal_year = 0;

  bool is(EnrollmentStatus s) const { return status == s; }

  static const entity::Table<Enrollment>& table();  // its fields, described once
};

// JSON of the API: the course's fields with its instructors (each with the instructor's name and
// organisation) and its counts.
nlohmann::json to_json(const Course& c);
// The audit log's before/after of a course: its fields and its instructors, not the counts.
nlohmann::json snapshot(const Course& c);

// YYYY-MM-DD of a real day.
bool valid_date(std::string_view s);

// The tables' checks, with the rules that span fields or have their own messages (a course's
// track goes with its category; at least one period).
Status check_instructor(const Instructor& i);
Status check_course(const Course& c);
Status check_year(const CurriculumYear& y);

}  // namespace mdsc::curriculum
