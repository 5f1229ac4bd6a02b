// Enrollment: capacity, the waitlist, the year's rule and the drop deadline.
#include "core/clock.h"
#include "core/i18n.h"
#include "modules/curriculum/operations.h"
#include "modules/curriculum/repo.h"
#include "platform/outbox.h"

namespace mdsc::curriculum {
namespace {

std::string id_str(std::int64_t id) { return std::to_string(id); }

// What the audit log keeps of an enrollment (names stay in the users table).
nlohmann::json audit_json(const Enrollment& e) {
  return {{"course_id", e.course_id},
          {"user_id", e.user_id},
          {"status", e.status},
          {"waitlist_position", e.waitlist_position ? nlohmann::json(*e.waitlist_position) : nlohmann::json()},
          {"enrolled_at", e.enrolled_at ? nlohmann::json(e.enrolled_at) : nlohmann::json()},
          {"dropped_at", e.dropped_at ? nlohmann::json(e.dropped_at) : nlohmann::json()},
          {"dropped_by", e.dropped_by ? nlohmann::json(e.dropped_by) : nlohmann::json()}};
}

bool is_active_trainee(db::Conn& c, std::int64_t user_id) {
  return c.scalar_i64(
             "SELECT COUNT(*) FROM roles r JOIN users u ON u.id = r.user_id WHERE r.user_id = ? AND r.role = 'trainee' "
             "AND u.active = 1",
             {user_id}) > 0;
}

// Admitted to the programme of that fiscal year: an accepted application (type A or B) is what makes
// someone a trainee of the year; the role alone is not enough (it stays from earlier years).
bool accepted_for_year(db::Conn& c, std::int64_t user_id, int fiscal_year) {
  return c.scalar_i64("SELECT COUNT(*) FROM applications WHERE user_id = ? AND fiscal_year = ? AND status = 'accepted'",
                      {user_id, fiscal_year}) > 0;
}

void tell_moved_up(db::Conn& c, const Enrollment& e, std::int64_t now) {
  auto u = c.query_one("SELECT email, preferred_lang, family_name, given_name FROM users WHERE id = ?", {e.user_id});
  if (!u) return;
  auto base = c.query_one("SELECT value FROM settings WHERE key = 'base_url'");
  std::string lang = u->str("preferred_lang") == "en" ? "en" : "ja";
  std::string title = lang == "en" && !e.course_title_en.empty() ? e.course_title_en : e.course_title_ja;
  mail::Message m;
  m.to = u->str("email");
  m.subject = i18n::t(lang, "mail.waitlist_moved_up.subject", {{"course", title}});
  m.text_body = i18n::t(lang, "mail.waitlist_moved_up.body",
                        {{"name", u->str("family_name") + " " + u->str("given_name")}, {"course", title},
                         {"code", e.course_code}, {"link", (base ? base->str("value") : "") + "/enrollments"}});
  mail::enqueue(c, m, now);
}

}  // namespace

void fill_from_waitlist(db::Conn& c, const audit::Actor& actor, std::int64_t course_id, std::int64_t now) {
  auto course = repo::course(c, course_id);
  if (!course) return;
  int enrolled = course->enrolled;
  bool moved = false;
  while (!course->capacity || enrolled < *course->capacity) {
    auto next = repo::first_waitlisted(c, course_id);
    if (!next) break;
    Enrollment after = *next;
    after.status = "enrolled";
    after.waitlist_position.reset();
    after.enrolled_at = now;
    repo::update_enrollment(c, after, now);
    audit::record(c, actor, "move_up", "enrollment", id_str(after.id), audit_json(*next), audit_json(after), now);
    tell_moved_up(c, after, now);
    ++enrolled;
    moved = true;
  }
  if (moved) repo::renumber_waitlist(c, course_id, now);
}

Result<Enrollment> enroll_in(db::Conn& c, const audit::Actor& actor, std::int64_t course_id, std::int64_t user_id,
                             On on, std::int64_t now) {
  // The lock first: every enrollment in this course waits here for the one before it to commit.
  if (!repo::lock_course(c, course_id)) return Status::invalid().field("course_id", "curriculum.course_unknown");
  auto course = repo::course(c, course_id);
  if (!is_active_trainee(c, user_id)) return Status::invalid().field("user_id", "curriculum.not_a_trainee");
  if (!accepted_for_year(c, user_id, course->fiscal_year))
    return Status::invalid().field("user_id", "curriculum.not_accepted_for_year");
  if (on == On::self) {
    auto year = repo::year(c, course->fiscal_year);
    if (year.choice_rule == "required_per_track")
      return Status::invalid().field("course_id", "curriculum.assigned_by_office");
    if (course->status != "confirmed") return Status::invalid().field("course_id", "curriculum.course_not_confirmed");
  }
  if (auto existing = repo::active_enrollment(c, course_id, user_id)) {
    bool waiting = existing->status == "waitlisted";
    return Status(Code::conflict, waiting ? "curriculum.already_waitlisted" : "curriculum.already_enrolled")
        .field("course_id", waiting ? "curriculum.already_waitlisted" : "curriculum.already_enrolled",
               {{"course", course->title_ja}});
  }
  Enrollment e;
  e.course_id = course_id;
  e.user_id = user_id;
  if (course->has_room()) {
    e.status = "enrolled";
    e.enrolled_at = now;
  } else {
    e.status = "waitlisted";
    e.waitlist_position = repo::last_waitlist_position(c, course_id) + 1;
  }
  e.id = repo::insert_enrollment(c, e, now);
  audit::record(c, actor, "create", "enrollment", id_str(e.id), nlohmann::json::object(), audit_json(e), now);
  return *repo::enrollment(c, e.id);
}

Result<Enrollment> enroll(db::Database& db, const audit::Actor& actor, std::int64_t course_id, std::int64_t user_id,
                          On on, std::int64_t now) {
  return db.write([&](db::Conn& c) { return enroll_in(c, actor, course_id, user_id, on, now); });
}

Result<Enrollment> drop(db::Database& db, const audit::Actor& actor, std::int64_t enrollment_id, On on,
                        std::int64_t now) {
  return db.write([&](db::Conn& c) -> Result<Enrollment> {
    auto found = repo::enrollment(c, enrollment_id);
    if (!found) return Status::not_found();
    repo::lock_course(c, found->course_id);
    auto before = repo::enrollment(c, enrollment_id);  // as it is now that the course is ours
    if (before->status == "dropped") return Status::invalid().field("enrollment", "curriculum.already_dropped");
    if (on == On::self) {
      auto year = repo::year(c, before->fiscal_year);
      if (year.choice_rule == "required_per_track")
        return Status::invalid().field("enrollment", "curriculum.assigned_by_office");
      if (!year.drop_deadline.empty() && i18n::tokyo_date_iso(now) > year.drop_deadline)
        return Status::invalid().field("enrollment", "curriculum.drop_deadline_passed", {{"date", year.drop_deadline}});
    }
    Enrollment after = *before;
    after.status = "dropped";
    after.waitlist_position.reset();
    after.dropped_at = now;
    after.dropped_by = actor.user_id;
    repo::update_enrollment(c, after, now);
    audit::record(c, actor, "drop", "enrollment", id_str(enrollment_id), audit_json(*before), audit_json(after), now);
    if (before->status == "enrolled") fill_from_waitlist(c, actor, before->course_id, now);
    else repo::renumber_waitlist(c, before->course_id, now);
    return *repo::enrollment(c, enrollment_id);
  });
}

}  // namespace mdsc::curriculum
