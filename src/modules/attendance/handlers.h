#pragma once
// Attendance's pages and API. Who: the trainees of a course check in to its sessions; the
// course's instructors and the secretariat see the code and the roll call and mark people; the
// secretariat reviews flagged check-ins. Everyone else gets 404 for a session's roll call.
#include "http/message.h"
#include "modules/attendance/operations.h"
#include "modules/attendance/standing.h"
#include "modules/curriculum.h"
#include "modules/timetable.h"
#include "web/context.h"

namespace mdsc::attendance::handlers {

using web::Context;
using web::Handler;
using Response = http::Response;

// The configured window of check-in (config [attendance]).
Window window_of(const Context& ctx);
// The session if this person may see its roll call (its instructors and the secretariat).
std::optional<timetable::Session> roll_call_session(Context& ctx, std::int64_t session_id);
// The device secret of the request's cookie, or a new one sent back as a long-lived cookie.
std::string device_secret(Context& ctx);
// A positive id typed in a form or a query ("12"), or 0.
std::int64_t id_of(const std::string& text);
// Attendance's label of a record: present, late, absent, excused; with the flag and review.
nlohmann::json record_json(const Context& ctx, const Attendance& a);

// The standing as the pages show it: rate, threshold, and whether it can still be reached.
nlohmann::json standing_view(const Context& ctx, const Standing& s);
// The course if this person may see its trainees' rates (its instructors and the secretariat).
std::optional<curriculum::Course> rates_course(Context& ctx, std::int64_t course_id);

// Checking in (checkin_handlers.cpp).
Handler checkin_form, checkin_submit, remote_submit;

// The roll call with the code, manual marks, reviews and the CSV (rollcall_handlers.cpp).
Handler roll_call, roll_call_csv, mark_submit, review_submit;

// Attendance rates and each course's rule (rates_handlers.cpp).
Handler my_attendance, course_rates, rule_submit, live_link_submit;

// JSON API (api.cpp).
Handler api_checkin, api_session_attendance, api_my_attendance, api_course_attendance, api_course_rule;

}  // namespace mdsc::attendance::handlers
