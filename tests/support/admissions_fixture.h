#pragma once
// Rows written directly for tests of the modules above admissions: users, trainees of a fiscal
// year (an accepted application, as admissions makes), courses, enrollments, a term and sessions.
#include <cstdint>
#include <string>

#include "db/database.h"

namespace mdsc::testing {

// An account with one role (no password), written directly; its id.
std::int64_t insert_user(db::Conn& c, const char* email, const char* family, const char* given, const char* role);
// The secretariat's clerk, 事務 花子 <clerk@example.org>, as insert_user writes her; her id.
std::int64_t insert_clerk(db::Conn& c);

// A FY2017 common lecture (daytime) written directly; its id.
std::int64_t insert_course(db::Conn& c, const char* code, const char* title_ja, int periods = 8);
// The user enrolled (not waitlisted) in the course.
void enroll(db::Conn& c, std::int64_t course_id, std::int64_t user_id);
// The FY2017 trial term (2017-12-01 to 2018-02-28); its id.
std::int64_t insert_term(db::Conn& c);
// A scheduled, published session of the course on the day (Asia/Tokyo times); its id.
std::int64_t insert_session(db::Conn& c, std::int64_t term_id, std::int64_t course_id, const std::string& day,
                            const std::string& starts_at = "09:00", const std::string& ends_at = "10:30",
                            const std::string& status = "scheduled");

// Inserts the year's program (if missing) and an accepted application linked to the user.
void accept_as_trainee(db::Conn& c, std::int64_t user_id, int fiscal_year);

}  // namespace mdsc::testing
