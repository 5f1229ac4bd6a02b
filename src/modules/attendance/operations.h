#pragma once
// Attendance's changes, each in the caller's unit of work.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/attendance/model.h"
#include "modules/timetable.h"
#include "platform/work.h"

namespace mdsc::attendance {

// When check-in is open around a session, and when a check-in counts as late (config [attendance]).
struct Window {
  int opens_minutes = 15;  // before the start
  int late_minutes = 10;   // after the start
};

struct CheckIn {
  std::int64_t session_id = 0;
  std::string code;           // the six digits shown on the session's page
  std::string device_secret;  // the device cookie's secret (a new one when the phone had none)
  std::string ticket;         // a scan ticket (codes.h) when the code was scanned before logging in
  std::string client_address;  // checked against the room's network, if it has one
};

struct CheckedIn {
  Attendance record;
  bool already = false;  // the trainee had checked in before: nothing changed
};

// The signed-in trainee (w.actor) checks in. Refused, with the reason: a malformed code (invalid),
// an unknown or cancelled session (not found), a trainee not enrolled in the course (forbidden),
// outside the window, or a code that is not the current or the previous one (invalid). A second
// check-in changes nothing. From a device other than the one the trainee checked in from first,
// or from a device another trainee used for this session, it is accepted but flagged (the other
// trainee's record too) and waits for the secretariat's review; so does one from outside the
// room's network (outside_network), when the room has one.
Result<CheckedIn> check_in(Work& w, const CheckIn& in, const Window& window);

// The instructor or the secretariat (w.actor) marks a trainee of the course for the session, with
// a reason (required unless the mark is present); the record is made if there is none. Refused:
// an unknown session (not found), someone not enrolled in the course (invalid), a missing reason.
Result<Attendance> mark(Work& w, std::int64_t session_id, std::int64_t user_id, Mark m, const std::string& reason);

// The secretariat decides about a flagged check-in: accepted stays as it was, rejected becomes
// absent; either way with a reason, audited. Only a record waiting for review.
Status review(Work& w, std::int64_t attendance_id, bool accept, const std::string& reason);

// The session a typed code belongs to: of the signed-in trainee's sessions today that are open
// for check-in, the one whose current or previous code it is; 0 when none is.
std::int64_t session_of_code(Work& w, const std::string& code, const Window& window);

// The signed-in trainee's sessions running now that can be joined live (not confidential, the
// course has a live link): where the check-in page offers a remote check-in.
std::vector<timetable::Session> live_sessions(Work& w);

// A scan ticket for `code` if it is the session's code now (codes.h); "" otherwise.
std::string ticket_for(Work& w, std::int64_t session_id, const std::string& code);

// The code the session's page shows now (for its instructors and the secretariat).
std::string current_code(Work& w, std::int64_t session_id);

// The secretariat sets a course's rule (rules.cpp): the share of its sessions a trainee must
// attend ("2/3", "70%") and whether an excused absence counts as attended, audited. Refused: an
// unknown course (not found), a share that is not a fraction above 0 and at most 1 (invalid).
Status set_rule(Work& w, std::int64_t course_id, const std::string& threshold, bool excused_counts);

// The secretariat sets a course's live-lecture link (http(s), "" for none), audited: trainees
// check in remotely from it during a session that is not confidential.
Status set_live_link(Work& w, std::int64_t course_id, const std::string& url);

// A trainee checks in remotely by opening the live lecture (w.actor, during the session itself).
// Refused, with the reason: an unknown or cancelled session (not found), a trainee not enrolled
// (forbidden), a confidential session or course (conflict attendance.remote_confidential: on site
// only), outside the session (conflict attendance.remote_not_live), a course without a live link
// (conflict attendance.no_live_link). Device binding and flags as for an on-site check-in; a
// second check-in changes nothing.
Result<CheckedIn> check_in_remote(Work& w, std::int64_t session_id, const std::string& device_secret,
                                  const Window& window);

// Mails every trainee who has fallen below their course's rule (from the third session held on),
// or missed two sessions in a row,
// and the secretariat, each in their own language; once per trainee, course and kind, whichever
// instance runs it. Courses with a session ended in the 30 days before w.now. Returns how many
// warnings went out (rules.cpp).
int send_warnings(Work& w);
int send_warnings(db::Database& db, std::int64_t now, const std::string& base_url);

}  // namespace mdsc::attendance
