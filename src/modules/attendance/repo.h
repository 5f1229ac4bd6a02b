#pragma once
// Attendance's SQL: the records of a session, the devices, and the key of the check-in codes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "modules/attendance/model.h"
#include "modules/attendance/standing.h"

namespace mdsc::attendance::repo {

// The server's key for check-in codes, made by the migration and shared by every instance.
std::string code_key(db::Conn& c);
// The site's public address (written at start-up), for links in mails a job sends.
std::string base_url(db::Conn& c);

std::optional<Attendance> record(db::Conn& c, std::int64_t session_id, std::int64_t user_id);
std::optional<Attendance> record_by_id(db::Conn& c, std::int64_t id);
std::vector<Attendance> of_session(db::Conn& c, std::int64_t session_id);
// Inserts unless the trainee already has a record for the session; whether it inserted.
bool insert_if_absent(db::Conn& c, const Attendance& a);
void update(db::Conn& c, const Attendance& a);
// Writes the review's outcome if the record still waits for one; whether it did.
bool decide_review(db::Conn& c, const Attendance& a);

struct Device {
  std::int64_t id = 0;
  std::int64_t user_id = 0;  // the owner; 0: nobody yet
};
// The device whose secret hashes to `secret_hash`, locked for this transaction (made if new).
Device lock_device(db::Conn& c, const std::string& secret_hash, std::int64_t now);
// The device the user owns, if any.
std::optional<std::int64_t> device_of(db::Conn& c, std::int64_t user_id);
// Makes the user the device's owner if neither has one yet; whether it did.
bool bind_device(db::Conn& c, std::int64_t device_id, std::int64_t user_id);
// The other trainees' records of the session made from this device.
std::vector<Attendance> others_on_device(db::Conn& c, std::int64_t session_id, std::int64_t device_id,
                                         std::int64_t user_id);

// The records of these sessions (any trainee's, or one trainee's when user_id is set).
std::vector<Attendance> of_sessions(db::Conn& c, const std::vector<std::int64_t>& session_ids,
                                    std::int64_t user_id = 0);

// The course's rule, or the default one (two thirds, excused not counted) if it has none.
Rule rule_of(db::Conn& c, std::int64_t course_id);
void save_rule(db::Conn& c, const Rule& r);

// Records that the warning of this kind went to the trainee for the course unless it already
// had; whether it did (the one conditional statement that decides who sends it).
bool note_warning(db::Conn& c, std::int64_t course_id, std::int64_t user_id, const std::string& kind, std::int64_t now);

}  // namespace mdsc::attendance::repo
