#pragma once
// Makes a user a trainee of a fiscal year the way admissions does (an accepted application), for
// tests that enroll people without going through the application form.
#include <cstdint>

#include "db/database.h"

namespace mdsc::testing {

// An account with one role (no password), written directly; its id.
std::int64_t insert_user(db::Conn& c, const char* email, const char* family, const char* given, const char* role);

// Inserts the year's program (if missing) and an accepted application linked to the user.
void accept_as_trainee(db::Conn& c, std::int64_t user_id, int fiscal_year);

}  // namespace mdsc::testing
