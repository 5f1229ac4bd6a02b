#include "modules/admissions/forms.h"

#include <algorithm>

#include "core/i18n.h"
#include "modules/admissions/views.h"
#include "modules/members.h"
#include "platform/work.h"
#include "web/fields.h"
#include "web/render.h"

namespace mdsc::admissions {

Application read_application(const web::Context& ctx, int fy, SubmitOptions& opt) {
  Application a;
  Status unread;  // only company_id can fail to read (it comes from a select): the operation refuses it
  entity::from_form(ctx.form, a, unread);
  a.fiscal_year = fy;
  a.lang = ctx.lang == "en" ? "en" : "ja";
  opt.consent = ctx.form.get("consent") == "1";
  return a;
}

nlohmann::json application_form_data(web::Context& ctx, const ProgramYear& year, const Status& st) {
  auto form = web::form_state(ctx, st);
  auto spec = [](const char* name, const char* label, const char* type, bool required, const char* autocomplete = "off") {
    return web::FieldSpec{name, label, type, required, autocomplete};
  };
  web::FieldSpec type{"trainee_type", "apply.trainee_type", "select", true};
  type.options = {{"A", "apply.type_a"}, {"B", "apply.type_b"}};
  web::FieldSpec cat{"a_category", "apply.a_category", "select", false};
  cat.options = {{"", "apply.choose"}, {"phd_student", "apply.phd_student"}, {"phd_holder", "apply.phd_holder"}};
  std::vector<web::FieldSpec> person{spec("family_name", "field.family_name", "text", true, "family-name"),
                                     spec("given_name", "field.given_name", "text", false, "given-name"),
                                     spec("family_name_kana", "field.family_name_kana", "text", true),
                                     spec("given_name_kana", "field.given_name_kana", "text", false),
                                     spec("romaji_name", "field.romaji_name", "text", false, "name"),
                                     spec("email", "field.email", "email", true, "email"),
                                     spec("affiliation", "apply.affiliation", "text", false, "organization"),
                                     spec("position", "apply.position", "text", false, "organization-title")};
  person[4].lang_attr = "en";
  person[4].hint_id = "field.romaji_name.hint";
  person[2].hint_id = "apply.kana_hint";
  std::vector<web::FieldSpec> type_a{cat, spec("university", "apply.university", "text", false),
                                     spec("year_of_study", "apply.year_of_study", "text", false),
                                     spec("supervisor_name", "apply.supervisor_name", "text", false),
                                     spec("supervisor_email", "apply.supervisor_email", "email", false)};
  type_a[1].hint_id = "apply.university_hint";
  web::FieldSpec company{"company_id", "apply.company", "select", false};
  company.options_raw = true;
  company.options.push_back({"", ctx.t("apply.choose")});
  std::vector<std::pair<std::string, std::string>> members;
  for (const auto& m : members::memberships_in_year(ctx.work().conn, year.fiscal_year)) {
    if (!m.current()) continue;
    if (auto o = members::find_organization(ctx.work().conn, m.company_id))
      members.emplace_back(std::to_string(o->id), ctx.lang == "en" && !o->name_en.empty() ? o->name_en : o->name);
  }
  std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  for (const auto& m : members) company.options.push_back(m);
  company.hint_id = "apply.company_hint";
  web::FieldSpec experience{"programming_experience", "apply.programming_experience", "textarea", false};
  experience.hint_id = "apply.optional";
  web::FieldSpec courses{"courses_of_interest", "apply.courses_of_interest", "textarea", false};

  auto chosen = ctx.form.all("tracks");
  auto tracks = nlohmann::json::array();
  for (const auto& t : track_codes())
    tracks.push_back({{"value", t}, {"label", ctx.t("track." + t)}, {"id", "track-" + t},
                      {"checked", std::find(chosen.begin(), chosen.end(), t) != chosen.end()}});
  nlohmann::json d{{"form", form},
                   {"type_field", web::fields(ctx, {type}, form)},
                   {"person_fields", web::fields(ctx, person, form)},
                   {"a_fields", web::fields(ctx, type_a, form)},
                   {"b_fields", web::fields(ctx, {company}, form)},
                   {"more_fields", web::fields(ctx, {experience, courses}, form)},
                   {"tracks", tracks},
                   {"consent_checked", ctx.form.get("consent") == "1"},
                   {"privacy", ctx.lang == "en" ? year.privacy_en : year.privacy_ja},
                   {"privacy_version", year.privacy_version},
                   {"fy", i18n::fiscal_year_display(ctx.lang, year.fiscal_year)},
                   {"fy_value", year.fiscal_year},
                   {"opens", tokyo_time(ctx, year.opens_at)},
                   {"closes", tokyo_time(ctx, year.closes_at)},
                   {"starts", year.program_starts_on}};
  if (form["errors"].contains("consent")) d["consent_error"] = form["errors"]["consent"];
  if (form["errors"].contains("tracks")) d["tracks_error"] = form["errors"]["tracks"];
  if (form["errors"].contains("late_reason")) d["late_reason_error"] = form["errors"]["late_reason"];
  d["late_reason"] = ctx.form.get("late_reason");
  return d;
}

}  // namespace mdsc::admissions
