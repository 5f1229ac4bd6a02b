#pragma once
// The curriculum module's face (decision 0018): what other modules may use of its instructors,
// courses and enrollments, and nothing else. Reads take the caller's connection (ctx.work().conn,
// w.conn) and run in its transaction; changes take the caller's unit of work.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "platform/entity_fwd.h"
#include "platform/states.h"
#include "web/principal.h"
#include "web/registry.h"

namespace mdsc {
struct Work;
}

namespace mdsc::curriculum {

// A teacher of courses, with or without an account (user_id 0: none).
struct Instructor {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string family_name, given_name, family_name_kana, given_name_kana, romaji_name;
  std::string title;                 // 教授, センター長, ...
  std::int64_t organization_id = 0;  // a university or research institute; 0: none
  std::string department;
  std::string email;
  // Read with the instructor (not stored in its row).
  std::string organization_name, organization_name_en;
  std::string account_email;  // the linked account's address

  std::string name_ja() const;                     // "田中 博"
  std::string name(std::string_view lang) const;   // romaji in English when known
  std::string organization(std::string_view lang) const;

  static const entity::Table<Instructor>& table();  // its fields, described once
};

// An instructor of a course, with their share of the course's periods (nullopt: not fixed).
// (Members in this order: {instructor_id, periods, display_order, instructor} initialises one.)
struct CourseInstructor {
  std::int64_t instructor_id = 0;
  std::optional<std::int64_t> periods;
  int display_order = 0;   // 1, 2, ... as listed
  Instructor instructor;   // filled when read
  std::int64_t course_id = 0;

  static const entity::Table<CourseInstructor>& table();  // its fields, described once
};

enum class CourseStatus { planned, confirmed };
const States<CourseStatus>& states_of(CourseStatus);  // its names and moves (model.cpp)

// A course of one fiscal year.
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
  CourseStatus status = CourseStatus::planned;
  std::optional<std::int64_t> capacity;  // nullopt: unlimited
  bool confidential_by_default = false;  // its sessions are neither recorded nor streamed
  std::string description;
  std::vector<CourseInstructor> instructors;  // filled when read, in display order
  // Counted when read.
  int enrolled = 0, waitlisted = 0;

  const std::string& title(std::string_view lang) const { return lang == "en" && !title_en.empty() ? title_en : title_ja; }
  bool has_room() const { return !capacity || enrolled < *capacity; }

  static const entity::Table<Course>& table();  // its fields, described once
};

// Reads -----------------------------------------------------------------------------------------

// The fiscal years that have courses, newest first.
std::vector<int> years_with_courses(db::Conn& c);
// A year's courses with their instructors, by code.
std::vector<Course> courses_of_year(db::Conn& c, int fiscal_year);
std::optional<Course> find_course(db::Conn& c, std::int64_t course_id);
std::optional<Instructor> find_instructor(db::Conn& c, std::int64_t instructor_id);
// The instructor record linked to this account, if any.
std::optional<Instructor> instructor_of_user(db::Conn& c, std::int64_t user_id);
// Every instructor, by reading (kana) then name.
std::vector<Instructor> all_instructors(db::Conn& c);
// The courses an instructor teaches, every year: newest year first, then by code (no
// instructors filled in).
std::vector<Course> courses_of_instructor(db::Conn& c, std::int64_t instructor_id);
// (course id, user id) of every trainee enrolled (not waitlisted) in a course of the year, by
// course then user.
std::vector<std::pair<std::int64_t, std::int64_t>> enrolled_trainees(db::Conn& c, int fiscal_year);
// A course's enrolled trainees (not waitlisted), by reading: who the roll call expects.
struct RosterEntry {
  std::int64_t user_id = 0;
  std::string name, kana, email;
};
std::vector<RosterEntry> roster(db::Conn& c, std::int64_t course_id);
// Whether the user is enrolled (not waitlisted) in the course.
bool enrolled_in(db::Conn& c, std::int64_t course_id, std::int64_t user_id);
// Active accounts with the trainee role, as (user id, "name <e-mail>"), for a choice.
std::vector<std::pair<std::int64_t, std::string>> trainee_choices(db::Conn& c);

// Who may see what ------------------------------------------------------------------------------

// The secretariat and the promotion office: every course, instructor and roster.
bool manages_curriculum(const std::optional<web::Principal>& p);
// The courses this person teaches: by the scoped role instructor:<course id> or by the
// instructor record linked to their account; sorted.
std::vector<std::int64_t> taught_courses(db::Conn& c, const web::Principal& p);
// Whether the account is linked to one of the course's instructors (the role aside).
bool teaches_course(db::Conn& c, std::int64_t user_id, std::int64_t course_id);
// Managers, and those who teach the course (by role or by link).
bool can_see_roster(db::Conn& c, const std::optional<web::Principal>& p, std::int64_t course_id);

// Changes (validated and audited as the module's own pages do) ----------------------------------

Result<std::int64_t> create_instructor(Work& w, Instructor i);
// With c.instructors as its instructors.
Result<std::int64_t> create_course(Work& w, Course c);

// Published when a course becomes confidential (its sessions are then neither recorded nor
// streamed): the videos module withdraws its recordings in the same transaction.
struct CourseBecameConfidential {
  std::int64_t course_id = 0;
};

// The module's routes, menu entries and dashboard panels (app/modules.cpp; tests that check
// that other modules' routes do not collide with these).
void register_module(web::Registry& registry);

}  // namespace mdsc::curriculum
