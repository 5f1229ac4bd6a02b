#pragma once
// A fiscal year's program (application window, start, targets, privacy notice) and applications.
#include <cstdint>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"

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
};
nlohmann::json to_json(const ProgramYear& y);

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
  // B: whether the company says the applicant is theirs: pending, confirmed, rejected ("" for A).
  // Only a confirmed application holds one of the company's seats.
  std::string company_confirmation;
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
  std::string status = "submitted";  // submitted, accepted, waitlisted, declined
  std::string decision_reason;
  std::int64_t user_id = 0;
  std::string company_name;          // filled on read

  std::string full_name() const { return family_name + (given_name.empty() ? "" : " " + given_name); }
};
nlohmann::json to_json(const Application& a);

const std::vector<std::string>& track_codes();        // common, bigdata_medicine, ai_drug_discovery
const std::vector<std::string>& application_statuses();

}  // namespace mdsc::admissions
