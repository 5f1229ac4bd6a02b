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

using entity::Table, entity::field, entity::enum_field;

const entity::Table<ProgramYear>& ProgramYear::table() {
  static const Table<ProgramYear> t{
      "program_year",
      {field<&ProgramYear::fiscal_year>().range(2000, 2100), field<&ProgramYear::opens_at>().instant(),
       field<&ProgramYear::closes_at>().instant(), field<&ProgramYear::program_starts_on>().required(),
       field<&ProgramYear::target_a>().range(0, 10000), field<&ProgramYear::target_b>().range(0, 10000),
       field<&ProgramYear::privacy_version>().required().max(100),
       field<&ProgramYear::privacy_ja>().required().max(20000),
       field<&ProgramYear::privacy_en>().required().max(20000)}};
  return t;
}

const entity::Table<Application>& Application::table() {
  using A = Application;
  static const Table<A> t{
      "application",
      {field<&A::id>().key(),
       field<&A::fiscal_year>().read_only(),
       field<&A::email>().label("field.email", "email").check(identity::check_email),
       field<&A::trainee_type>().label("apply.trainee_type", "select").one_of(trainee_types()),
       field<&A::a_category>().label("apply.a_category", "select").nullable(),
       field<&A::family_name>().label("field.family_name", "text"),
       field<&A::given_name>().label("field.given_name", "text"),
       field<&A::family_name_kana>().label("field.family_name_kana", "text"),
       field<&A::given_name_kana>().label("field.given_name_kana", "text"),
       field<&A::romaji_name>().label("field.romaji_name", "text"),
       field<&A::affiliation>().label("apply.affiliation", "text").max(300),
       field<&A::position>().label("apply.position", "text").max(300),
       field<&A::university>().label("apply.university", "text").max(300),
       field<&A::year_of_study>().label("apply.year_of_study", "text").max(300),
       field<&A::supervisor_name>().label("apply.supervisor_name", "text").max(300),
       field<&A::supervisor_email>().label("apply.supervisor_email", "email"),
       field<&A::company_id>().label("apply.company", "select").nullable(),
       field<&A::seat_request_id>().nullable().read_only(),
       field<&A::seat_status>().joined(),
       enum_field<&A::company_confirmation>("company_confirmation").nullable().read_only(),
       field<&A::company_answered_by>().nullable().read_only().not_audited().hidden(),
       field<&A::company_answered_at>().nullable().read_only().not_audited().hidden(),
       field<&A::company_answer_reason>().read_only(),
       field<&A::programming_experience>().label("apply.programming_experience", "textarea").max(2000),
       field<&A::tracks>().label("apply.tracks", "checkbox"),
       field<&A::courses_of_interest>().label("apply.courses_of_interest", "textarea").max(2000),
       field<&A::privacy_version>().read_only(),
       field<&A::lang>().hidden(),
       field<&A::submitted_at>().instant().read_only(),
       field<&A::late>().read_only(),
       field<&A::late_reason>().label("admissions.late_reason", "text"),
       enum_field<&A::status>("status").read_only(),
       field<&A::decision_reason>().read_only(),
       field<&A::decided_by>().nullable().read_only().not_audited().hidden(),
       field<&A::decided_at>().nullable().read_only().not_audited().hidden(),
       field<&A::user_id>().nullable().read_only(),
       field<&A::company_name>().joined().hidden()}};
  return t;
}

const States<ApplicationStatus>& states_of(ApplicationStatus) {
  using S = ApplicationStatus;
  static const States<S> t{{{S::submitted, "submitted"},
                            {S::accepted, "accepted"},
                            {S::waitlisted, "waitlisted"},
                            {S::declined, "declined"}},
                           {{S::submitted, S::accepted},
                            {S::submitted, S::waitlisted},
                            {S::submitted, S::declined},
                            {S::waitlisted, S::accepted},
                            {S::waitlisted, S::declined},
                            {S::declined, S::accepted},
                            {S::declined, S::waitlisted}}};
  return t;
}

const States<CompanyConfirmation>& states_of(CompanyConfirmation) {
  using S = CompanyConfirmation;
  static const States<S> t{
      {{S::none, ""}, {S::pending, "pending"}, {S::confirmed, "confirmed"}, {S::rejected, "rejected"}},
      {{S::pending, S::confirmed}, {S::pending, S::rejected}}};
  return t;
}

}  // namespace mdsc::admissions
