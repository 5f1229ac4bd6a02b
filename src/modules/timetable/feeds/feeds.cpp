#include "modules/timetable/feeds/feeds.h"

#include <algorithm>
#include <map>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/i18n.h"
#include "modules/curriculum.h"
#include "modules/timetable/model.h"
#include "modules/timetable/sessions/sessions.h"
#include "nlohmann/json.hpp"

namespace mdsc::timetable {
namespace {

constexpr std::int64_t kLastUsedResolution = 60;  // seconds: last_used_at is written at most this often
constexpr std::size_t kMaxActivePerOwner = 50;     // a bound on what one account can create
constexpr std::size_t kMaxTokenLength = 128;       // longer strings are not ours; no hashing needed

// The feed with its subject's and owner's names, one join per kind of subject.
constexpr const char* kSelect =
    "SELECT f.id, f.kind, f.subject_id, f.owner_id, f.created_at, f.revoked_at, f.last_used_at, "
    "ou.family_name AS o_family, ou.given_name AS o_given, ou.email AS o_email, "
    "su.family_name AS su_family, su.given_name AS su_given, su.email AS su_email, "
    "si.family_name AS si_family, si.given_name AS si_given, "
    "sc.code AS sc_code, sc.title_ja AS sc_title, sr.name AS sr_name "
    "FROM calendar_feeds f JOIN users ou ON ou.id = f.owner_id "
    "LEFT JOIN users su ON f.kind = 'trainee' AND su.id = f.subject_id "
    "LEFT JOIN instructors si ON f.kind = 'instructor' AND si.id = f.subject_id "
    "LEFT JOIN courses sc ON f.kind = 'course' AND sc.id = f.subject_id "
    "LEFT JOIN rooms sr ON f.kind = 'room' AND sr.id = f.subject_id";

std::string person(const std::string& family, const std::string& given, const std::string& email = "") {
  std::string n = given.empty() ? family : family + " " + given;
  return n.empty() ? email : n;
}

std::string course_name(const std::string& code, const std::string& title) {
  return code.empty() ? title : code + " " + title;
}

// The feed's row, with the names of its owner and subject from the joined columns of kSelect.
Feed with_names(const db::Row& r) {
  Feed f = entity::from_row<Feed>(r);
  f.owner_name = person(r.str("o_family"), r.str("o_given"), r.str("o_email"));
  if (f.kind == "trainee") f.subject_name = person(r.str("su_family"), r.str("su_given"), r.str("su_email"));
  else if (f.kind == "instructor") f.subject_name = person(r.str("si_family"), r.str("si_given"));
  else if (f.kind == "course") f.subject_name = course_name(r.str("sc_code"), r.str("sc_title"));
  else if (f.kind == "room") f.subject_name = r.str("sr_name");
  return f;
}

bool has_global_role(db::Conn& c, std::int64_t user_id, const char* role) {
  return c.scalar_i64("SELECT COUNT(*) FROM roles WHERE user_id = ? AND role = ? AND scope_type IS NULL", {user_id, role}) > 0;
}

bool is_secretariat(db::Conn& c, std::int64_t user_id) { return has_global_role(c, user_id, "secretariat"); }

// The course's instructors in their display order, "田中 博、山田 花子".
std::string instructor_names(db::Conn& c, std::int64_t course_id) {
  std::string out;
  for (const auto& r : c.query(
           "SELECT i.family_name, i.given_name FROM course_instructors ci JOIN instructors i ON i.id = ci.instructor_id "
           "WHERE ci.course_id = ? ORDER BY ci.display_order, ci.instructor_id",
           {course_id})) {
    if (!out.empty()) out += "、";
    out += person(r.str("family_name"), r.str("given_name"));
  }
  return out;
}

}  // namespace

nlohmann::json to_json(const Feed& f) {
  auto opt_time = [](std::int64_t t) { return t ? nlohmann::json(to_iso_utc(t)) : nlohmann::json(nullptr); };
  return {{"id", f.id},
          {"kind", f.kind},
          {"subject_id", f.subject_id},
          {"subject_name", f.subject_name},
          {"owner_id", f.owner_id},
          {"created_at", to_iso_utc(f.created_at)},
          {"revoked_at", opt_time(f.revoked_at)},
          {"last_used_at", opt_time(f.last_used_at)},
          {"active", f.active()}};
}

const std::vector<std::string>& feed_kinds() {
  static const std::vector<std::string> kinds{"trainee", "instructor", "course", "room"};
  return kinds;
}

namespace feeds {

bool allowed(db::Conn& c, std::int64_t user_id, const std::string& kind, std::int64_t subject_id) {
  if (user_id <= 0 || subject_id <= 0) return false;
  auto owner = c.query_one("SELECT active FROM users WHERE id = ?", {user_id});
  if (!owner || !owner->boolean("active")) return false;
  if (c.scalar_i64("SELECT COUNT(*) FROM roles WHERE user_id = ? AND role IN ('secretariat', 'steering_committee') "
                   "AND scope_type IS NULL",
                   {user_id}) > 0)
    return true;
  if (kind == "trainee") return subject_id == user_id && has_global_role(c, user_id, "trainee");
  if (kind == "instructor") {
    auto instructor = curriculum::find_instructor(c, subject_id);
    return instructor && instructor->user_id == user_id;
  }
  if (kind == "course")
    return curriculum::teaches_course(c, user_id, subject_id) ||
           c.scalar_i64("SELECT COUNT(*) FROM roles WHERE user_id = ? AND role = 'instructor' AND scope_type = 'course' "
                        "AND scope_id = ?",
                        {user_id, subject_id}) > 0;
  return false;
}

std::optional<std::string> subject_name(db::Conn& c, const std::string& kind, std::int64_t subject_id) {
  std::optional<db::Row> r;
  if (kind == "trainee") {
    r = c.query_one(
        "SELECT family_name, given_name, email FROM users u WHERE id = ? AND EXISTS "
        "(SELECT 1 FROM roles r WHERE r.user_id = u.id AND r.role = 'trainee')",
        {subject_id});
    if (r) return person(r->str("family_name"), r->str("given_name"), r->str("email"));
  } else if (kind == "instructor") {
    if (auto i = curriculum::find_instructor(c, subject_id)) return person(i->family_name, i->given_name);
  } else if (kind == "course") {
    if (auto k = curriculum::find_course(c, subject_id)) return course_name(k->code, k->title_ja);
  } else if (kind == "room") {
    r = c.query_one("SELECT name FROM rooms WHERE id = ?", {subject_id});
    if (r) return r->str("name");
  }
  return std::nullopt;
}

Result<NewFeed> create(Work& w, const std::string& kind, std::int64_t subject_id, const std::string& form_nonce) {
  const auto& actor = w.actor;
  Status st;
  if (std::find(feed_kinds().begin(), feed_kinds().end(), kind) == feed_kinds().end())
    st.field("kind", "calendar.kind_invalid");
  if (subject_id <= 0) st.field("subject_id", "validation.required");
  if (!st) return st;
  if (actor.user_id <= 0) return Status::forbidden();
  NewFeed out;
  out.token = crypto::random_token(32);
  const std::string hash = crypto::token_hash(out.token);
  auto& c = w.conn;
  // Permission first: whether a subject exists is not told to someone who may not have its feed.
  if (!allowed(c, actor.user_id, kind, subject_id)) return Status::forbidden();
  // The owner's lock: the count of active feeds below holds until this one is written.
  c.exec("UPDATE users SET updated_at = updated_at WHERE id = ?", {actor.user_id});
  if (!subject_name(c, kind, subject_id)) return Status::invalid().field("subject_id", "calendar.subject_unknown");
  if (!form_nonce.empty() && c.scalar_i64("SELECT COUNT(*) FROM calendar_feeds WHERE owner_id = ? AND form_nonce = ?",
                                          {actor.user_id, form_nonce}) > 0)
    return Status::conflict("calendar.already_created");
  if (c.scalar_i64("SELECT COUNT(*) FROM calendar_feeds WHERE owner_id = ? AND revoked_at IS NULL", {actor.user_id}) >=
      static_cast<std::int64_t>(kMaxActivePerOwner))
    return Status::conflict("calendar.too_many");
  out.id = c.insert(
      "INSERT INTO calendar_feeds (token_hash, kind, subject_id, owner_id, created_at, form_nonce) VALUES (?, ?, ?, ?, "
      "?, ?)",
      {hash, kind, subject_id, actor.user_id, w.now, form_nonce.empty() ? db::Param(nullptr) : db::Param(form_nonce)});
  w.audit("create", "calendar_feed", out.id, nlohmann::json::object(),
          {{"kind", kind}, {"subject_id", subject_id}, {"owner_id", actor.user_id}});
  return out;
}

Status revoke(Work& w, std::int64_t feed_id) {
  const auto& actor = w.actor;
  if (feed_id <= 0 || actor.user_id <= 0) return Status::not_found();
  auto& c = w.conn;
  auto f = get(c, feed_id);
  if (!f || (f->owner_id != actor.user_id && !is_secretariat(c, actor.user_id))) return Status::not_found();
  if (!f->active()) return Status::ok();
  if (c.exec("UPDATE calendar_feeds SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", {w.now, feed_id}) == 0)
    return Status::ok();  // revoked meanwhile by another request, which recorded it
  w.audit("revoke", "calendar_feed", feed_id, {{"revoked", false}}, {{"revoked", true}});
  return Status::ok();
}

std::optional<Feed> get(db::Conn& c, std::int64_t id) {
  auto r = c.query_one(std::string(kSelect) + " WHERE f.id = ?", {id});
  if (!r) return std::nullopt;
  return with_names(*r);
}

std::vector<Feed> list(db::Conn& c, std::int64_t owner_id) {
  std::vector<Feed> out;
  const auto rows = owner_id
                        ? c.query(std::string(kSelect) + " WHERE f.owner_id = ? ORDER BY f.created_at DESC, f.id DESC", {owner_id})
                        : c.query(std::string(kSelect) + " WHERE f.revoked_at IS NULL ORDER BY f.created_at DESC, f.id DESC");
  for (const auto& r : rows) out.push_back(with_names(r));
  return out;
}

std::optional<Feed> resolve(Work& w, const std::string& token) {
  if (token.empty() || token.size() > kMaxTokenLength) return std::nullopt;
  auto& c = w.conn;
  auto r = c.query_one(std::string(kSelect) + " WHERE f.token_hash = ? AND f.revoked_at IS NULL",
                       {crypto::token_hash(token)});
  if (!r) return std::nullopt;
  Feed f = with_names(*r);
  if (!allowed(c, f.owner_id, f.kind, f.subject_id)) return std::nullopt;
  if (f.last_used_at == 0 || w.now - f.last_used_at >= kLastUsedResolution) {
    c.exec("UPDATE calendar_feeds SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)",
           {w.now, f.id, w.now - kLastUsedResolution});
    f.last_used_at = w.now;
  }
  return f;
}

namespace {

ical::Event event_of(const Session& s, const std::string& base_url, std::int64_t now) {
  ical::Event e;
  e.uid = "session-" + std::to_string(s.id) + "@mdsc";
  e.sequence = s.sequence;
  e.start = s.start_unix();
  e.end = s.end_unix();
  e.stamp = s.updated_at ? s.updated_at : now;
  e.summary = s.course_title_ja;
  e.location = s.room_name;
  e.url = base_url + "/sessions/" + std::to_string(s.id);
  e.cancelled = s.status == SessionStatus::cancelled;
  return e;
}

void describe(ical::Event& e, const Session& s, const std::string& instructors) {
  std::string d;
  auto add = [&d](const std::string& text) { d += (d.empty() ? "" : "\n") + text; };
  if (e.cancelled) add(i18n::t("ja", "calendar.ics.cancelled"));
  if (!instructors.empty()) add(i18n::t("ja", "calendar.ics.instructors", {{"names", instructors}}));
  if (s.confidential) add(i18n::t("ja", "calendar.ics.confidential"));
  add(e.url);
  e.description = d;
}

// A trainee's history with each course they were ever enrolled in: how often they dropped it, when
// last, and whether they are enrolled now.
struct CourseHistory {
  int drops = 0;
  std::int64_t last_drop = 0;
  bool enrolled = false;
};

std::map<std::int64_t, CourseHistory> course_history(db::Conn& c, std::int64_t user_id) {
  std::map<std::int64_t, CourseHistory> out;
  for (const auto& r : c.query(
           "SELECT course_id, status, dropped_at FROM enrollments WHERE user_id = ? AND enrolled_at IS NOT NULL "
           "AND status IN ('enrolled', 'dropped')",
           {user_id})) {
    auto& h = out[r.i64("course_id")];
    if (r.str("status") == "enrolled") {
      h.enrolled = true;
    } else {
      h.drops += 1;
      h.last_drop = std::max(h.last_drop, r.i64("dropped_at"));
    }
  }
  return out;
}

}  // namespace

ical::Calendar calendar(db::Conn& c, const Feed& f, const std::string& base_url, std::int64_t now) {
  ical::Calendar cal;
  std::string name = f.subject_name;
  if (name.empty()) name = subject_name(c, f.kind, f.subject_id).value_or("");
  cal.name = "mdsc: " + name;
  SessionFilter filter;
  filter.include_cancelled = true;  // a subscriber must see that a session they have is off
  if (f.kind == "trainee") filter.trainee_id = f.subject_id;
  else if (f.kind == "instructor") filter.instructor_id = f.subject_id;
  else if (f.kind == "course") filter.course_id = f.subject_id;
  else if (f.kind == "room") filter.room_id = f.subject_id;
  else return cal;
  std::map<std::int64_t, std::string> names;  // course id -> instructors
  auto instructors_of = [&](std::int64_t course_id) -> const std::string& {
    auto it = names.find(course_id);
    if (it == names.end()) it = names.emplace(course_id, instructor_names(c, course_id)).first;
    return it->second;
  };
  // A trainee's events carry their own history with the course in SEQUENCE: each drop and each
  // enrollment again counts one more, so a calendar client takes every change (clients ignore an
  // update whose SEQUENCE is not higher than the one they hold).
  std::map<std::int64_t, CourseHistory> history;
  if (f.kind == "trainee") history = course_history(c, f.subject_id);
  for (const auto& s : sessions::list(c, filter)) {
    auto e = event_of(s, base_url, now);
    if (auto h = history.find(s.course_id); h != history.end()) e.sequence += 2 * h->second.drops;
    describe(e, s, instructors_of(s.course_id));
    cal.events.push_back(std::move(e));
  }
  // The sessions of a course the trainee dropped stay in the feed, cancelled for them: a calendar
  // keeps an event that merely disappears from a feed.
  for (const auto& [course_id, h] : history) {
    if (h.enrolled || h.drops == 0) continue;
    SessionFilter dropped;
    dropped.course_id = course_id;
    dropped.include_cancelled = true;
    for (const auto& s : sessions::list(c, dropped)) {
      auto e = event_of(s, base_url, now);
      e.cancelled = true;
      e.sequence += 2 * h.drops - 1;
      e.stamp = std::max(e.stamp, h.last_drop);
      describe(e, s, instructors_of(course_id));
      cal.events.push_back(std::move(e));
    }
  }
  return cal;
}

std::string url(const std::string& base_url, const std::string& token) { return base_url + "/ical/" + token + ".ics"; }

std::string webcal_url(const std::string& base_url, const std::string& token) {
  std::string u = url(base_url, token);
  for (const char* scheme : {"https://", "http://"}) {
    const std::string s(scheme);
    if (u.rfind(s, 0) == 0) return "webcal://" + u.substr(s.size());
  }
  return u;
}

}  // namespace feeds
}  // namespace mdsc::timetable
