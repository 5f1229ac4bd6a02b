#pragma once
// The admissions module's SQL: program years and applications.
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "modules/admissions/model.h"

namespace mdsc::admissions::repo {

std::optional<ProgramYear> program_year(db::Conn& c, int fy);
std::vector<ProgramYear> program_years(db::Conn& c);
void upsert_program_year(db::Conn& c, const ProgramYear& y, const std::string& now_iso);

struct Query {
  int fiscal_year = 0;
  std::string trainee_type, status, search;
  long limit = 100, offset = 0;
};
std::vector<Application> applications(db::Conn& c, const Query& q);
long count_applications(db::Conn& c, const Query& q);
std::optional<Application> application(db::Conn& c, std::int64_t id);
std::optional<Application> application_by_email(db::Conn& c, int fy, const std::string& email);
std::int64_t insert_application(db::Conn& c, const Application& a, const std::string& now_iso);
// Writes the decision: status, reason, who and when, and the trainee account.
void update_decision(db::Conn& c, const Application& a, const std::string& now_iso);
void set_seat_request(db::Conn& c, std::int64_t id, std::int64_t seat_request_id);
// Takes the application's row lock until the transaction ends (decisions are made one at a time).
bool lock_application(db::Conn& c, std::int64_t id);
// Writes company_confirmation, company_answered_by/at and company_answer_reason.
void set_company_answer(db::Conn& c, const Application& a, const std::string& now_iso);
// The year's applications naming any of the companies, those waiting for an answer first.
std::vector<Application> applications_naming(db::Conn& c, const std::vector<std::int64_t>& company_ids, int fy);
// Submitted applications naming any of the companies that wait for the company's answer (any year).
long count_waiting_for_companies(db::Conn& c, const std::vector<std::int64_t>& company_ids);

struct YearCounts {
  int applied_a = 0, applied_b = 0, accepted_a = 0, accepted_b = 0, waitlisted = 0, declined = 0, submitted = 0;
};
YearCounts year_counts(db::Conn& c, int fiscal_year);

struct Representative {
  std::string email, lang, name;
};
// Active users holding the partner-representative role for the company.
std::vector<Representative> representatives_of(db::Conn& c, std::int64_t company_id);

}  // namespace mdsc::admissions::repo
