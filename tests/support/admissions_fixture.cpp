#include "support/admissions_fixture.h"

#include <string>

namespace mdsc::testing {

std::int64_t insert_user(db::Conn& c, const char* email, const char* family, const char* given, const char* role) {
  const auto id =
      c.insert("INSERT INTO users (email, family_name, given_name, created_at, updated_at) VALUES (?, ?, ?, 'x', 'x')",
               {email, family, given});
  c.exec("INSERT INTO roles (user_id, role) VALUES (?, ?)", {id, role});
  return id;
}

std::int64_t insert_clerk(db::Conn& c) { return insert_user(c, "clerk@example.org", "事務", "花子", "secretariat"); }

std::int64_t insert_course(db::Conn& c, const char* code, const char* title_ja, int periods) {
  return c.insert(
      "INSERT INTO courses (fiscal_year, code, title_ja, category, kind, periods, time_band, created_at, updated_at) "
      "VALUES (2017, ?, ?, 'common', 'lecture', ?, 'daytime', 'x', 'x')",
      {code, title_ja, periods});
}

void enroll(db::Conn& c, std::int64_t course_id, std::int64_t user_id) {
  c.exec(
      "INSERT INTO enrollments (course_id, user_id, status, created_at, enrolled_at, updated_at) "
      "VALUES (?, ?, 'enrolled', 0, 0, 0)",
      {course_id, user_id});
}

std::int64_t insert_term(db::Conn& c) {
  return c.insert(
      "INSERT INTO terms (fiscal_year, name, starts_on, ends_on, created_at, updated_at) "
      "VALUES (2017, '試行期間', '2017-12-01', '2018-02-28', 'x', 'x')");
}

std::int64_t insert_session(db::Conn& c, std::int64_t term_id, std::int64_t course_id, const std::string& day,
                            const std::string& starts_at, const std::string& ends_at, const std::string& status) {
  db::Params p;
  p.emplace_back(term_id);
  p.emplace_back(course_id);
  p.emplace_back(day);
  p.emplace_back(starts_at);
  p.emplace_back(ends_at);
  p.emplace_back(status);
  return c.insert(
      "INSERT INTO course_sessions (term_id, course_id, day, band, position, starts_at, ends_at, confidential, "
      "status, sequence, created_at, updated_at) VALUES (?, ?, ?, 'daytime', 1, ?, ?, 0, ?, 0, 0, 0)",
      p);
}

void accept_as_trainee(db::Conn& c, std::int64_t user_id, int fiscal_year) {
  c.exec("INSERT INTO program_years (fiscal_year, opens_at, closes_at, program_starts_on, privacy_version, privacy_ja, "
         "privacy_en, created_at, updated_at) VALUES (?, 0, 1, ?, 'test', '-', '-', 'x', 'x') "
         "ON CONFLICT (fiscal_year) DO NOTHING",
         {fiscal_year, std::to_string(fiscal_year) + "-12-01"});
  auto u = c.query_one("SELECT email, family_name FROM users WHERE id = ?", {user_id});
  c.exec("INSERT INTO applications (fiscal_year, email, trainee_type, a_category, family_name, family_name_kana, "
         "privacy_version, submitted_at, status, user_id, created_at, updated_at) "
         "VALUES (?, ?, 'A', 'phd_holder', ?, 'テスト', 'test', 0, 'accepted', ?, 'x', 'x')",
         {fiscal_year, u->str("email"), u->str("family_name"), user_id});
}

}  // namespace mdsc::testing
