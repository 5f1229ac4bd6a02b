#pragma once
// The FY2017 consortium that module tests start from: a moment in Asia/Tokyo, the program year
// with its application window, a fee schedule with one one-seat tier, a company, an applicant.
// Each test changes what it is about and keeps the rest.
#include <string>

#include "modules/admissions/model.h"
#include "modules/members.h"
#include "support/tokyo.h"

namespace mdsc::testing {

// Applications open 30 October to 17 November 2017; the program starts on 1 December.
inline admissions::ProgramYear fy2017_program_year() {
  admissions::ProgramYear y;
  y.fiscal_year = 2017;
  y.opens_at = tokyo("2017-10-30", "00:00:00");
  y.closes_at = tokyo("2017-11-17", "23:59:59");
  y.program_starts_on = "2017-12-01";
  y.privacy_version = "v1";
  y.privacy_ja = "個人情報の取扱い";
  y.privacy_en = "Privacy";
  return y;
}

// FY2017 with a single tier "M" (one seat, 500,000 yen), open to every company type.
inline members::FeeSchedule fy2017_one_seat_schedule() {
  members::FeeSchedule s;
  s.fiscal_year = 2017;
  s.tiers = {{0, 0, "M", "モニター", "Monitor", 500000, 1, true, true, true, "10", "any"}};
  return s;
}

inline members::Organization company(const std::string& name, const std::string& type = "pharma") {
  members::Organization o;
  o.kind = "company";
  o.company_type = type;
  o.name = name;
  return o;
}

// A type A (doctoral student) applicant for FY2017; type B applicants add their company.
inline admissions::Application applicant(const std::string& email) {
  admissions::Application a;
  a.fiscal_year = 2017;
  a.email = email;
  a.trainee_type = "A";
  a.a_category = "phd_student";
  a.family_name = "仮野";
  a.given_name = "さくら";
  a.family_name_kana = "カリノ";
  a.given_name_kana = "サクラ";
  a.university = "架空大学";
  a.year_of_study = "D1";
  a.supervisor_name = "指導 教員";
  a.supervisor_email = "prof@university.example";
  return a;
}

}  // namespace mdsc::testing
