#include "modules/admissions/views.h"

#include "core/i18n.h"

namespace mdsc::admissions {
namespace {

std::string type_label(const web::Context& ctx, const Application& a) {
  if (a.trainee_type == "B") return ctx.t("apply.type_b_short");
  return ctx.t("apply.type_a_short") + (a.a_category.empty() ? "" : " (" + ctx.t("apply." + a.a_category) + ")");
}

}  // namespace

std::string tokyo_time(const web::Context& ctx, std::int64_t unix) { return i18n::format_datetime(ctx.lang, unix); }

std::string status_label(const web::Context& ctx, ApplicationStatus s) {
  return ctx.t("application.status." + std::string(name_of(s)));
}

std::string confirmation_label(const web::Context& ctx, const Application& a) {
  if (a.company_confirmation == CompanyConfirmation::none) return "";
  return ctx.t("application.company." + std::string(name_of(a.company_confirmation)));
}

nlohmann::json application_view(const web::Context& ctx, const Application& a) {
  auto tracks = nlohmann::json::array();
  for (const auto& t : a.tracks) tracks.push_back(ctx.t("track." + t));
  const std::string href = "/admissions/applications/" + std::to_string(a.id);
  return {{"id", a.id},
          {"name", a.full_name()},
          {"kana", a.family_name_kana + " " + a.given_name_kana},
          {"romaji", a.romaji_name},
          {"email", a.email},
          {"type", type_label(ctx, a)},
          {"affiliation", a.affiliation},
          {"position", a.position},
          {"affiliation_and_position", a.affiliation + (a.position.empty() ? "" : " " + a.position)},
          {"university", a.university},
          {"year_of_study", a.year_of_study},
          {"supervisor", a.supervisor_name.empty() ? "" : a.supervisor_name + " <" + a.supervisor_email + ">"},
          {"company", a.company_name},
          {"company_href", a.company_id ? "/companies/" + std::to_string(a.company_id) : ""},
          {"seat", a.seat_status.empty() ? "" : ctx.t("seat.status." + a.seat_status)},
          {"company_confirmation", confirmation_label(ctx, a)},
          {"company_confirmation_code", std::string(name_of(a.company_confirmation))},
          {"company_answer_reason", a.company_answer_reason},
          {"company_pending", a.waits_for_company()},
          {"company_action", href + "/company"},
          {"experience", a.programming_experience},
          {"tracks", tracks},
          {"courses", a.courses_of_interest},
          {"privacy_version", a.privacy_version},
          {"submitted", tokyo_time(ctx, a.submitted_at)},
          {"late", a.late},
          {"late_reason", a.late_reason},
          {"status", status_label(ctx, a.status)},
          {"status_code", std::string(name_of(a.status))},
          {"decision_reason", a.decision_reason},
          {"href", href},
          {"decidable", a.status != ApplicationStatus::accepted}};
}

}  // namespace mdsc::admissions
