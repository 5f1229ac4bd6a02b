#pragma once
// Instructors, courses per fiscal year with their instructors, the year's course-choice rule and
// drop deadline, and enrollments with a waitlist.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nlohmann/json.hpp"

namespace mdsc::curriculum {

struct Instructor {
  std::int64_t id = 0;
  std::int64_t user_id = 0;  // 0: no account
  std::string family_name, given_name, family_name_kana, given_name_kana, romaji_name;
  std::string title;                 // 教授, センター長, ...
  std::int64_t organization_id = 0;  // a university or research institute; 0: none
  std::string department;
  std::string email;
  // Read with the organisation (not stored here).
  std::string organization_name, organization_name_en;
  std::string user_email;

  std::string name_ja() const;                  // "田中 博"
  std::string name(std::string_view lang) const;  // romaji in English when known
  std::string organization(std::string_view lang) const;
};
nlohmann::json to_json(const Instructor& i);

// An instructor of a course, with the share of the course's periods (nullopt: not fixed).
struct CourseInstructor {
  std::int64_t instructor_id = 0;
  std::optional<int> periods;
  int display_order = 0;
  Instructor instructor;  // filled when read
};

struct Course {
  std::int64_t id = 0;
  int fiscal_year = 0;
  std::string code;
  std::string title_ja, title_en;
  std::string category;   // common, specialised
  std::string track;      // "" for common; bigdata_medicine, ai_drug_discovery
  std::string kind;       // lecture, practical
  int periods = 0;        // 90-minute コマ
  std::string time_band;  // daytime, evening (from 18:00)
  std::string status = "planned";  // planned, confirmed
  std::string description;
  std::optional<int> capacity;  // nullopt: unlimited
  bool confidential_by_default = false;
  std::vector<CourseInstructor> instructors;
  // Counted when read.
  int enrolled = 0, waitlisted = 0;

  const std::string& title(std::string_view lang) const { return lang == "en" && !title_en.empty() ? title_en : title_ja; }
  bool has_room() const { return !capacity || enrolled < *capacity; }
};
nlohmann::json to_json(const Course& c);

const std::vector<std::string>& categories();
const std::vector<std::string>& tracks();
const std::vector<std::string>& course_kinds();
const std::vector<std::string>& time_bands();
const std::vector<std::string>& course_statuses();
const std::vector<std::string>& choice_rules();

struct CurriculumYear {
  int fiscal_year = 0;
  std::string choice_rule = "free";  // free, required_per_track
  std::string drop_deadline;         // YYYY-MM-DD (Asia/Tokyo, inclusive) or ""
  std::string notes;
  bool stored = false;               // false: the defaults of a year nobody configured
};
nlohmann::json to_json(const CurriculumYear& y);

struct Enrollment {
  std::int64_t id = 0;
  std::int64_t course_id = 0;
  std::int64_t user_id = 0;
  std::string status;  // enrolled, waitlisted, dropped
  std::optional<int> waitlist_position;
  std::int64_t created_at = 0;
  std::int64_t enrolled_at = 0, dropped_at = 0, dropped_by = 0;
  // Read with the joins (not stored here).
  std::string user_name, user_email, user_kana, user_romaji;
  std::string course_code, course_title_ja, course_title_en;
  int fiscal_year = 0;
};
nlohmann::json to_json(const Enrollment& e);

}  // namespace mdsc::curriculum
