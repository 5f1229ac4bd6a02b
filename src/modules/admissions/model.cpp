#include "modules/admissions/model.h"

#include "platform/identity/validation.h"

namespace mdsc::admissions {

const std::vector<std::string>& track_codes() {
  static const std::vector<std::string> v{"common", "bigdata_medicine", "ai_drug_discovery"};
  return v;
}

const std::vector<std::string>& trainee_types() {
  static const std::vector<std::string> v{"A", "B"};
  return v;
}

const std::vector<std::string>& a_categories() {
  static const std::vector<std::string> v{"phd_student", "phd_holder"};
  return v;
}

}  // namespace mdsc::admissions

namespace mdsc {

using entity::Table;
using entity::field;
using entity::enum_field;

using admissions::Application;
using admissions::ApplicationStatus;
using admissions::CompanyConfirmation;
using admissions::ProgramYear;

const entity::Table<ProgramYear>& ProgramYear::table() {
  static const Table<ProgramYear> t{
      "program_year",
      {field("fiscal_year", &ProgramYear::fiscal_year).range(2000, 2100),
       field("opens_at", &ProgramYear::opens_at).instant(),
       field("closes_at", &ProgramYear::closes_at).instant(),
       field("program_starts_on", &ProgramYear::program_starts_on).required(),
       field("target_a", &ProgramYear::target_a).range(0, 10000),
       field("target_b", &ProgramYear::target_b).range(0, 10000),
       field("privacy_version", &ProgramYear::privacy_version).required().max(100),
       field("privacy_ja", &ProgramYear::privacy_ja).required().max(20000),
       field("privacy_en", &ProgramYear::privacy_en).required().max(20000)}};
  return t;
}

const entity::Table<Application>& Application::table() {
  using A = Application;
  static const Table<A> t{
      "application",
      {field("id", &A::id).key(),
       field("fiscal_year", &A::fiscal_year).read_only(),
       field("email", &A::email).label("field.email", "email").check(identity::check_email),
       field("trainee_type", &A::trainee_type).label("apply.trainee_type", "select").one_of(admissions::trainee_types()),
       field("a_category", &A::a_category).label("apply.a_category", "select").nullable(),
       field("family_name", &A::family_name).label("field.family_name", "text"),
       field("given_name", &A::given_name).label("field.given_name", "text"),
       field("family_name_kana", &A::family_name_kana).label("field.family_name_kana", "text"),
       field("given_name_kana", &A::given_name_kana).label("field.given_name_kana", "text"),
       field("romaji_name", &A::romaji_name).label("field.romaji_name", "text"),
       field("affiliation", &A::affiliation).label("apply.affiliation", "text").max(300),
       field("position", &A::position).label("apply.position", "text").max(300),
       field("university", &A::university).label("apply.university", "text").max(300),
       field("year_of_study", &A::year_of_study).label("apply.year_of_study", "text").max(300),
       field("supervisor_name", &A::supervisor_name).label("apply.supervisor_name", "text").max(300),
       field("supervisor_email", &A::supervisor_email).label("apply.supervisor_email", "email"),
       field("company_id", &A::company_id).label("apply.company", "select").nullable(),
       field("seat_request_id", &A::seat_request_id).nullable().read_only(),
       field("seat_status", &A::seat_status).joined(),
       enum_field<&A::company_confirmation>("company_confirmation").nullable().read_only(),
       field("company_answered_by", &A::company_answered_by).nullable().read_only().not_audited().hidden(),
       field("company_answered_at", &A::company_answered_at).nullable().read_only().not_audited().hidden(),
       field("company_answer_reason", &A::company_answer_reason).read_only(),
       field("programming_experience", &A::programming_experience).label("apply.programming_experience", "textarea").max(2000),
       field("tracks", &A::tracks).label("apply.tracks", "checkbox"),
       field("courses_of_interest", &A::courses_of_interest).label("apply.courses_of_interest", "textarea").max(2000),
       field("privacy_version", &A::privacy_version).read_only(),
       field("lang", &A::lang).hidden(),
       field("submitted_at", &A::submitted_at).instant().read_only(),
       field("late", &A::late).read_only(),
       field("late_reason", &A::late_reason).label("admissions.late_reason", "text"),
       enum_field<&A::status>("status").read_only(),
       field("decision_reason", &A::decision_reason).read_only(),
       field("decided_by", &A::decided_by).nullable().read_only().not_audited().hidden(),
       field("decided_at", &A::decided_at).nullable().read_only().not_audited().hidden(),
       field("user_id", &A::user_id).nullable().read_only(),
       field("company_name", &A::company_name).joined().hidden()}};
  return t;
}

template <>
const States<ApplicationStatus>& states<ApplicationStatus>() {
  using S = ApplicationStatus;
  static const States<S> t{
      {{S::submitted, "submitted"}, {S::accepted, "accepted"}, {S::waitlisted, "waitlisted"}, {S::declined, "declined"}},
      {{S::submitted, S::accepted},
       {S::submitted, S::waitlisted},
       {S::submitted, S::declined},
       {S::waitlisted, S::accepted},
       {S::waitlisted, S::declined},
       {S::declined, S::accepted},
       {S::declined, S::waitlisted}}};
  return t;
}

template <>
const States<CompanyConfirmation>& states<CompanyConfirmation>() {
  using S = CompanyConfirmation;
  static const States<S> t{{{S::none, ""}, {S::pending, "pending"}, {S::confirmed, "confirmed"}, {S::rejected, "rejected"}},
                           {{S::pending, S::confirmed}, {S::pending, S::rejected}}};
  return t;
}

}  // namespace mdsc
