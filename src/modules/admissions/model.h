#pragma once
// A fiscal year's program (application window, start, targets, privacy notice) and the
// applications made to it.
#include <cstdint>
#include <string>
#include <vector>

#include "platform/entity.h"
#include "platform/states.h"

namespace mdsc::admissions {

struct ProgramYear {
  int fiscal_year = 0;
  std::int64_t opens_at = 0, closes_at = 0;  // unix; closes_at is the last second that counts
  std::string program_starts_on;
  int target_a = 30, target_b = 30;
  std::string privacy_version, privacy_ja, privacy_en;

  enum class Window { not_yet, open, closed };
  Window window(std::int64_t now) const {
    return now < opens_at ? Window::not_yet : now > closes_at ? Window::closed : Window::open;
  }

  static const entity::Table<ProgramYear>& table();  // its fields, described once
};

// submitted → accepted | waitlisted | declined; waitlisted → accepted | declined;
// declined → accepted | waitlisted. An accepted application is final (its trainee account exists).
enum class ApplicationStatus { submitted, accepted, waitlisted, declined };
const States<ApplicationStatus>& states_of(ApplicationStatus);  // its names and moves (model.cpp)

// A type B application's company: does it say the applicant is its employee (decision 0012)?
// pending → confirmed | rejected; type A applications have none.
enum class CompanyConfirmation { none, pending, confirmed, rejected };
const States<CompanyConfirmation>& states_of(CompanyConfirmation);  // its names and moves (model.cpp)

struct Application {
  std::int64_t id = 0;
  int fiscal_year = 0;
  std::string email;
  std::string trainee_type;  // "A" (PhD student or holder) or "B" (partner company employee)
  std::string a_category;    // phd_student, phd_holder ("" for B)
  std::string family_name, given_name, family_name_kana, given_name_kana, romaji_name;
  std::string affiliation, position, university, year_of_study, supervisor_name, supervisor_email;
  std::int64_t company_id = 0;
  std::int64_t seat_request_id = 0;
  std::string seat_status;   // the seat request's status (B), filled on read
  // Only a confirmed type B application holds one of the company's seats.
  CompanyConfirmation company_confirmation = CompanyConfirmation::none;
  std::int64_t company_answered_by = 0;
  std::int64_t company_answered_at = 0;
  std::string company_answer_reason;
  std::string programming_experience;
  std::vector<std::string> tracks;
  std::string courses_of_interest;
  std::string privacy_version;
  std::string lang = "ja";
  std::int64_t submitted_at = 0;
  bool late = false;
  std::string late_reason;
  ApplicationStatus status = ApplicationStatus::submitted;
  std::string decision_reason;
  std::int64_t decided_by = 0;
  std::int64_t decided_at = 0;
  std::int64_t user_id = 0;
  std::string company_name;  // filled on read

  std::string full_name() const { return family_name + (given_name.empty() ? "" : " " + given_name); }
  bool waits_for_company() const {
    return company_confirmation == CompanyConfirmation::pending && status == ApplicationStatus::submitted;
  }

  static const entity::Table<Application>& table();  // its fields, described once
};

const std::vector<std::string>& track_codes();  // common, bigdata_medicine, ai_drug_discovery
const std::vector<std::string>& trainee_types();  // A, B
const std::vector<std::string>& a_categories();   // phd_student, phd_holder

}  // namespace mdsc::admissions
