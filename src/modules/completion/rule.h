#pragma once
// A program year's completion rule and the judgement of one trainee against it, from what each
// course says of them (enrolled, attendance, exams). Pure: the pages, the API and the tests call it
// with what verdicts.cpp reads.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "modules/attendance.h"
#include "modules/exams.h"
#include "platform/entity.h"

namespace mdsc::completion {

// A trainee's completion confirmed by the secretariat, and the society's sign-off once recorded.
struct Confirmation {
  std::int64_t id = 0;
  std::int64_t fiscal_year = 0;
  std::int64_t user_id = 0;
  std::int64_t confirmed_by = 0;
  std::int64_t confirmed_at = 0;
  std::string society_signer;
  std::int64_t signed_off_by = 0;
  std::int64_t signed_off_at = 0;  // 0: not yet

  bool signed_off() const { return signed_off_at != 0; }

  static const entity::Table<Confirmation>& table();  // its fields, described once
};

struct Rule {
  std::int64_t fiscal_year = 0;
  std::int64_t tracks_required = 1;
  bool attendance_required = true;
  bool exams_required = true;
  std::int64_t updated_at = 0;

  static const entity::Table<Rule>& table();  // its fields, described once
};

struct CourseInfo {
  std::int64_t id = 0;
  std::string code, title_ja, title_en;
  std::string category;  // common, specialised
  std::string track;     // "" for common
};

// What a course says of one trainee.
struct CourseState {
  bool enrolled = false;
  attendance::Standing standing;
  exams::CourseOutcome exams;
};

// Why a trainee does not complete: a course and what it lacks (a message id with its arguments),
// or, with no course, that no track is complete.
struct Reason {
  std::string course_code, course_title_ja, course_title_en;
  std::string message_id;
  std::map<std::string, std::string> args;
};

struct Verdict {
  bool completes = false;
  std::vector<std::string> tracks;  // the tracks passed
  std::vector<Reason> reasons;      // empty when the trainee completes
};

// A common course fails the trainee for each reason it has: not enrolled, attendance not met,
// exams not passed. Tracks: those with every course passed count; with fewer than the rule asks,
// the reasons name what the nearest track (most courses passed, then by name) still lacks.
Verdict judge(const Rule& rule, const std::vector<CourseInfo>& courses,
              const std::function<CourseState(const CourseInfo&)>& state_of);

}  // namespace mdsc::completion
