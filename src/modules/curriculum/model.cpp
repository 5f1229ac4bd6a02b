#include "modules/curriculum/model.h"

namespace mdsc::curriculum {
namespace {

nlohmann::json opt_id(std::int64_t id) { return id ? nlohmann::json(id) : nlohmann::json(); }
nlohmann::json opt_text(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

}  // namespace

std::string Instructor::name_ja() const { return given_name.empty() ? family_name : family_name + " " + given_name; }

std::string Instructor::name(std::string_view lang) const {
  return lang == "en" && !romaji_name.empty() ? romaji_name : name_ja();
}

std::string Instructor::organization(std::string_view lang) const {
  return lang == "en" && !organization_name_en.empty() ? organization_name_en : organization_name;
}

nlohmann::json to_json(const Instructor& i) {
  return {{"id", i.id},
          {"user_id", opt_id(i.user_id)},
          {"family_name", i.family_name},
          {"given_name", i.given_name},
          {"family_name_kana", i.family_name_kana},
          {"given_name_kana", i.given_name_kana},
          {"romaji_name", i.romaji_name},
          {"title", i.title},
          {"organization_id", opt_id(i.organization_id)},
          {"organization_name", opt_text(i.organization_name)},
          {"department", i.department},
          {"email", i.email}};
}

nlohmann::json to_json(const Course& c) {
  auto instructors = nlohmann::json::array();
  for (const auto& ci : c.instructors)
    instructors.push_back({{"instructor_id", ci.instructor_id},
                           {"periods", ci.periods ? nlohmann::json(*ci.periods) : nlohmann::json()},
                           {"display_order", ci.display_order},
                           {"name", ci.instructor.name_ja()},
                           {"romaji_name", ci.instructor.romaji_name},
                           {"organization", opt_text(ci.instructor.organization_name)},
                           {"organization_en", opt_text(ci.instructor.organization_name_en)}});
  return {{"id", c.id},
          {"fiscal_year", c.fiscal_year},
          {"code", c.code},
          {"title_ja", c.title_ja},
          {"title_en", c.title_en},
          {"category", c.category},
          {"track", opt_text(c.track)},
          {"kind", c.kind},
          {"periods", c.periods},
          {"time_band", c.time_band},
          {"status", c.status},
          {"description", c.description},
          {"capacity", c.capacity ? nlohmann::json(*c.capacity) : nlohmann::json()},
          {"confidential_by_default", c.confidential_by_default},
          {"instructors", instructors},
          {"enrolled", c.enrolled},
          {"waitlisted", c.waitlisted}};
}

const std::vector<std::string>& categories() {
  static const std::vector<std::string> v{"common", "specialised"};
  return v;
}
const std::vector<std::string>& tracks() {
  static const std::vector<std::string> v{"bigdata_medicine", "ai_drug_discovery"};
  return v;
}
const std::vector<std::string>& course_kinds() {
  static const std::vector<std::string> v{"lecture", "practical"};
  return v;
}
const std::vector<std::string>& time_bands() {
  static const std::vector<std::string> v{"daytime", "evening"};
  return v;
}
const std::vector<std::string>& course_statuses() {
  static const std::vector<std::string> v{"planned", "confirmed"};
  return v;
}
const std::vector<std::string>& choice_rules() {
  static const std::vector<std::string> v{"free", "required_per_track"};
  return v;
}

nlohmann::json to_json(const CurriculumYear& y) {
  return {{"fiscal_year", y.fiscal_year}, {"choice_rule", y.choice_rule},
          {"drop_deadline", opt_text(y.drop_deadline)}, {"notes", y.notes}};
}

nlohmann::json to_json(const Enrollment& e) {
  return {{"id", e.id},
          {"course_id", e.course_id},
          {"user_id", e.user_id},
          {"status", e.status},
          {"waitlist_position", e.waitlist_position ? nlohmann::json(*e.waitlist_position) : nlohmann::json()},
          {"created_at", e.created_at},
          {"enrolled_at", e.enrolled_at ? nlohmann::json(e.enrolled_at) : nlohmann::json()},
          {"dropped_at", e.dropped_at ? nlohmann::json(e.dropped_at) : nlohmann::json()},
          {"user_name", e.user_name},
          {"course_code", e.course_code},
          {"course_title_ja", e.course_title_ja},
          {"course_title_en", e.course_title_en},
          {"fiscal_year", e.fiscal_year}};
}

}  // namespace mdsc::curriculum
