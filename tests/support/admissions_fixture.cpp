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
