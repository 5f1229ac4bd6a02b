#pragma once
#include <optional>
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
void update_decision(db::Conn& c, const Application& a, std::int64_t decided_by, std::int64_t now, const std::string& now_iso);
void set_seat_request(db::Conn& c, std::int64_t id, std::int64_t seat_request_id);

}  // namespace mdsc::admissions::repo
