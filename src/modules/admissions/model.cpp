#include "modules/admissions/model.h"

#include "core/clock.h"

namespace mdsc::admissions {

const std::vector<std::string>& track_codes() {
  static const std::vector<std::string> v{"common", "bigdata_medicine", "ai_drug_discovery"};
  return v;
}

const std::vector<std::string>& application_statuses() {
  static const std::vector<std::string> v{"submitted", "accepted", "waitlisted", "declined"};
  return v;
}

nlohmann::json to_json(const ProgramYear& y) {
  return {{"fiscal_year", y.fiscal_year},
          {"opens_at", to_iso_utc(y.opens_at)},
          {"closes_at", to_iso_utc(y.closes_at)},
          {"program_starts_on", y.program_starts_on},
          {"target_a", y.target_a},
          {"target_b", y.target_b},
          {"privacy_version", y.privacy_version}};
}

nlohmann::json to_json(const Application& a) {
  return {{"id", a.id},
          {"fiscal_year", a.fiscal_year},
          {"email", a.email},
          {"trainee_type", a.trainee_type},
          {"a_category", a.a_category.empty() ? nlohmann::json() : nlohmann::json(a.a_category)},
          {"family_name", a.family_name},
          {"given_name", a.given_name},
          {"family_name_kana", a.family_name_kana},
          {"given_name_kana", a.given_name_kana},
          {"romaji_name", a.romaji_name},
          {"affiliation", a.affiliation},
          {"position", a.position},
          {"university", a.university},
          {"year_of_study", a.year_of_study},
          {"supervisor_name", a.supervisor_name},
          {"supervisor_email", a.supervisor_email},
          {"company_id", a.company_id ? nlohmann::json(a.company_id) : nlohmann::json()},
          {"seat_request_id", a.seat_request_id ? nlohmann::json(a.seat_request_id) : nlohmann::json()},
          {"seat_status", a.seat_status},
          {"company_confirmation", a.company_confirmation.empty() ? nlohmann::json() : nlohmann::json(a.company_confirmation)},
          {"company_answer_reason", a.company_answer_reason},
          {"programming_experience", a.programming_experience},
          {"tracks", a.tracks},
          {"courses_of_interest", a.courses_of_interest},
          {"privacy_version", a.privacy_version},
          {"submitted_at", to_iso_utc(a.submitted_at)},
          {"late", a.late},
          {"late_reason", a.late_reason},
          {"status", a.status},
          {"decision_reason", a.decision_reason},
          {"user_id", a.user_id ? nlohmann::json(a.user_id) : nlohmann::json()}};
}

}  // namespace mdsc::admissions
