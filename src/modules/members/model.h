#pragma once
// Partner companies, participating institutions, fee schedules, memberships and seats.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"

namespace mdsc::members {

struct Organization {
  std::int64_t id = 0;
  std::string kind;          // company, university, research_institute
  std::string company_type;  // pharma, medical_it, medical_devices, cro, other ("" for institutions)
  std::string name, name_kana, name_en;
  std::string corporate_number;       // "" when unknown
  std::optional<std::int64_t> employee_count;
  std::string founded_on;             // YYYY-MM-DD or ""
  std::string postal_code, address, phone, email, contact_name, contact_department;
  bool is_representative = false;     // the representative institution of the consortium
  std::int64_t representative_user_id = 0, substitute_user_id = 0;
  bool active = true;
};
nlohmann::json to_json(const Organization& o);

const std::vector<std::string>& company_types();
const std::vector<std::string>& organization_kinds();

struct FeeTier {
  std::int64_t id = 0;
  std::int64_t schedule_id = 0;
  std::string code;  // A, B, C, M
  std::string name_ja, name_en;
  std::int64_t annual_fee = 0;
  int seats = 0;
  bool includes_lectures = false, includes_liaison = true, includes_research = true;
  std::string tax_category = "10";  // "10", "8", "none"
  std::string eligibility = "any";  // any, venture, non_venture
  const std::string& name(std::string_view lang) const { return lang == "en" ? name_en : name_ja; }
};
nlohmann::json to_json(const FeeTier& t);

struct FeeSchedule {
  std::int64_t id = 0;
  int fiscal_year = 0;
  bool monitor_period = false;
  std::string notes;
  std::vector<FeeTier> tiers;
  const FeeTier* tier(std::string_view code) const;
  const FeeTier* tier_by_id(std::int64_t id) const;
};
nlohmann::json to_json(const FeeSchedule& s);

struct Membership {
  std::int64_t id = 0;
  std::int64_t company_id = 0;
  int fiscal_year = 0;
  std::int64_t tier_id = 0;
  std::string tier_code;
  std::string status;  // applied, active, ended, cancelled
  std::string starts_on, ends_on;
  int seats_included = 0;  // the tier's seats
  int extra_seats = 0;     // granted in consultations
  int seats_used = 0;      // accepted seat requests
  std::string notes;
  int seats_total() const { return seats_included + extra_seats; }
};
nlohmann::json to_json(const Membership& m);

struct SeatRequest {
  std::int64_t id = 0;
  std::int64_t membership_id = 0;
  std::string trainee_name;
  std::string source;
  std::string status;  // accepted, consultation, declined, withdrawn
  std::optional<std::int64_t> extra_fee;
  std::string reason;
  std::string created_at;
};
nlohmann::json to_json(const SeatRequest& r);

// A company with this many trainees or more needs a consultation.
inline constexpr int kConsultationThreshold = 3;

}  // namespace mdsc::members
