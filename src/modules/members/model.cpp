#include "modules/members/model.h"

namespace mdsc::members {

const std::vector<std::string>& company_types() {
  static const std::vector<std::string> v{"pharma", "medical_it", "medical_devices", "cro", "other"};
  return v;
}

const std::vector<std::string>& organization_kinds() {
  static const std::vector<std::string> v{"company", "university", "research_institute"};
  return v;
}

nlohmann::json to_json(const Organization& o) {
  nlohmann::json j{{"id", o.id},
                   {"kind", o.kind},
                   {"name", o.name},
                   {"name_kana", o.name_kana},
                   {"name_en", o.name_en},
                   {"corporate_number", o.corporate_number},
                   {"founded_on", o.founded_on},
                   {"postal_code", o.postal_code},
                   {"address", o.address},
                   {"phone", o.phone},
                   {"email", o.email},
                   {"contact_name", o.contact_name},
                   {"contact_department", o.contact_department},
                   {"is_representative", o.is_representative},
                   {"active", o.active}};
  j["company_type"] = o.company_type.empty() ? nlohmann::json() : nlohmann::json(o.company_type);
  j["employee_count"] = o.employee_count ? nlohmann::json(*o.employee_count) : nlohmann::json();
  j["representative_user_id"] = o.representative_user_id ? nlohmann::json(o.representative_user_id) : nlohmann::json();
  j["substitute_user_id"] = o.substitute_user_id ? nlohmann::json(o.substitute_user_id) : nlohmann::json();
  return j;
}

const FeeTier* FeeSchedule::tier(std::string_view code) const {
  for (const auto& t : tiers)
    if (t.code == code) return &t;
  return nullptr;
}

const FeeTier* FeeSchedule::tier_by_id(std::int64_t id) const {
  for (const auto& t : tiers)
    if (t.id == id) return &t;
  return nullptr;
}

nlohmann::json to_json(const FeeTier& t) {
  return {{"id", t.id},
          {"code", t.code},
          {"name_ja", t.name_ja},
          {"name_en", t.name_en},
          {"annual_fee", t.annual_fee},
          {"seats", t.seats},
          {"includes_lectures", t.includes_lectures},
          {"includes_liaison", t.includes_liaison},
          {"includes_research", t.includes_research},
          {"tax_category", t.tax_category},
          {"eligibility", t.eligibility}};
}

nlohmann::json to_json(const FeeSchedule& s) {
  auto tiers = nlohmann::json::array();
  for (const auto& t : s.tiers) tiers.push_back(to_json(t));
  return {{"id", s.id}, {"fiscal_year", s.fiscal_year}, {"monitor_period", s.monitor_period},
          {"notes", s.notes}, {"tiers", tiers}};
}

nlohmann::json to_json(const Membership& m) {
  return {{"id", m.id},
          {"company_id", m.company_id},
          {"fiscal_year", m.fiscal_year},
          {"tier_id", m.tier_id},
          {"tier", m.tier_code},
          {"status", m.status},
          {"starts_on", m.starts_on},
          {"ends_on", m.ends_on},
          {"seats_included", m.seats_included},
          {"extra_seats", m.extra_seats},
          {"seats_used", m.seats_used},
          {"notes", m.notes}};
}

nlohmann::json to_json(const SeatRequest& r) {
  return {{"id", r.id},
          {"membership_id", r.membership_id},
          {"trainee_name", r.trainee_name},
          {"source", r.source},
          {"status", r.status},
          {"extra_fee", r.extra_fee ? nlohmann::json(*r.extra_fee) : nlohmann::json()},
          {"reason", r.reason},
          {"created_at", r.created_at}};
}

}  // namespace mdsc::members
