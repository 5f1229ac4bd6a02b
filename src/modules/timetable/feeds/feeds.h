#pragma once
// Calendar subscriptions: secret-token URLs (`/ical/<token>.ics`) serving the published sessions
// of one trainee (their enrolled courses), one instructor (the courses they teach), one course or
// one room as an iCalendar feed. The table keeps only the token's hash, so a URL is shown once, at
// creation. Revoking keeps the row and stops the URL at once.
//
// Who may have which feed (checked on creation and again on every fetch, so a feed stops when its
// owner's account is deactivated or loses the right to it):
//   secretariat, steering committee: any kind, any subject;
//   a trainee: kind trainee, for themself;
//   an instructor (an account linked to an instructors row, or holding instructor:<course>): kind
//     instructor for their own record, kind course for the courses they teach.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ical.h"
#include "core/result.h"
#include "db/database.h"
#include "nlohmann/json_fwd.hpp"
#include "platform/entity_fwd.h"
#include "platform/work.h"

namespace mdsc::timetable {

struct Feed {
  std::int64_t id = 0;
  std::string kind;  // trainee, instructor, course, room
  std::int64_t subject_id = 0;
  std::int64_t owner_id = 0;
  std::int64_t created_at = 0;
  std::int64_t revoked_at = 0;    // 0: active
  std::int64_t last_used_at = 0;  // 0: never fetched
  // Read with the feed (not stored in the row).
  std::string subject_name;  // Japanese: the trainee's or instructor's name, "CODE title", the room
  std::string owner_name;

  bool active() const { return revoked_at == 0; }

  static const entity::Table<Feed>& table();  // its fields, described once
};

// Without the token (it is never stored, and never written to logs or the audit log).
nlohmann::json to_json(const Feed& f);

// "trainee", "instructor", "course", "room".
const std::vector<std::string>& feed_kinds();

struct NewFeed {
  std::int64_t id = 0;
  std::string token;  // shown once; only its hash is stored
};

namespace feeds {

// Whether `user_id` (by the roles and instructor links stored now) may have a feed of this kind
// and subject. Does not check that the subject exists.
bool allowed(db::Conn& c, std::int64_t user_id, const std::string& kind, std::int64_t subject_id);
// The subject's display name in Japanese; nullopt when there is no such subject (a trainee
// subject must be an account with the trainee role).
std::optional<std::string> subject_name(db::Conn& c, const std::string& kind, std::int64_t subject_id);

// Creates a feed owned by the actor's user. invalid (field kind / subject_id) for an unknown kind
// or subject, forbidden when the owner may not have it. Audited without the token. `form_nonce`
// (the page's one-time form value; "" from the API): a second create with the same one is refused
// with conflict calendar.already_created, as a reload of the page would otherwise make a second feed.
Result<NewFeed> create(Work& w, const std::string& kind, std::int64_t subject_id, const std::string& form_nonce = "");
// Revokes a feed: its owner, or a member of the secretariat. not_found for a feed the actor may
// not see; revoking twice is ok. Audited.
Status revoke(Work& w, std::int64_t feed_id);

std::optional<Feed> get(db::Conn& c, std::int64_t id);
// The feeds of one owner (owner_id 0: every owner's active feeds, for the secretariat), newest first.
std::vector<Feed> list(db::Conn& c, std::int64_t owner_id);

// The active feed a token opens, if its owner may still have it; nothing for an unknown or revoked
// token. Notes the fetch in last_used_at (at most once a minute, by one conditional statement).
std::optional<Feed> resolve(Work& w, const std::string& token);

// The feed's events: every published session of the subject, cancelled ones as STATUS:CANCELLED.
ical::Calendar calendar(db::Conn& c, const Feed& f, const std::string& base_url, std::int64_t now);

// The subscription URL of a token: <base_url>/ical/<token>.ics, and its webcal:// form.
std::string url(const std::string& base_url, const std::string& token);
std::string webcal_url(const std::string& base_url, const std::string& token);

}  // namespace feeds
}  // namespace mdsc::timetable
