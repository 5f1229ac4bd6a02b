// Enrollment: capacity, the waitlist, the year's rule and the drop deadline. Every decision here is
// made under the course row's lock (decision 0008).
#include "core/i18n.h"
#include "modules/curriculum/operations.h"
#include "modules/curriculum/repo.h"

namespace mdsc::curriculum {
namespace {

using S = EnrollmentStatus;

// The mail is written in the recipient's language, not the page's.
void tell_moved_up(Work& w, const Enrollment& e) {
  auto to = repo::recipient(w.conn, e.user_id);
  if (!to) return;
  std::string title = to->lang == "en" && !e.course_title_en.empty() ? e.course_title_en : e.course_title_ja;
  mail::Message m;
  m.to = to->email;
  m.subject = i18n::t(to->lang, "mail.waitlist_moved_up.subject", {{"course", title}});
  m.text_body = i18n::t(to->lang, "mail.waitlist_moved_up.body",
                        {{"name", to->name}, {"course", title}, {"code", e.course_code},
                         {"link", w.base_url + "/enrollments"}});
  w.mail(m);
}

void move_up(Work& w, const Enrollment& waiting) {
  if (!states<S>().allows(waiting.status, S::enrolled)) return;
  Enrollment after = waiting;
  after.status = S::enrolled;
  after.waitlist_position.reset();
  after.enrolled_at = w.now;
  repo::update_enrollment(w.conn, after, w.now);
  w.audit("move_up", "enrollment", after.id, entity::snapshot(waiting), entity::snapshot(after));
  tell_moved_up(w, after);
}

// Who may be enrolled, and whether a trainee may choose this course themself.
Status check_enrollable(db::Conn& c, const Course& course, std::int64_t user_id, On on) {
  if (!repo::is_active_trainee(c, user_id)) return Status::invalid().field("user_id", "curriculum.not_a_trainee");
  if (!repo::accepted_for_year(c, user_id, course.fiscal_year))
    return Status::invalid().field("user_id", "curriculum.not_accepted_for_year");
  if (on == On::self) {
    if (repo::year(c, course.fiscal_year).choice_rule == "required_per_track")
      return Status::invalid().field("course_id", "curriculum.assigned_by_office");
    if (course.status != CourseStatus::confirmed)
      return Status::invalid().field("course_id", "curriculum.course_not_confirmed");
  }
  if (auto existing = repo::active_enrollment(c, course.id, user_id)) {
    const char* id = existing->is(S::waitlisted) ? "curriculum.already_waitlisted" : "curriculum.already_enrolled";
    return Status(Code::conflict, id).field("course_id", id, {{"course", course.title_ja}});
  }
  return Status::ok();
}

// A trainee drops their own only while the year lets them: free choice, up to the deadline.
Status check_self_drop(db::Conn& c, const Enrollment& e, std::int64_t now) {
  auto year = repo::year(c, e.fiscal_year);
  if (year.choice_rule == "required_per_track")
    return Status::invalid().field("enrollment", "curriculum.assigned_by_office");
  if (!year.drop_deadline.empty() && i18n::tokyo_date_iso(now) > year.drop_deadline)
    return Status::invalid().field("enrollment", "curriculum.drop_deadline_passed", {{"date", year.drop_deadline}});
  return Status::ok();
}

}  // namespace

void fill_from_waitlist(Work& w, std::int64_t course_id) {
  auto course = repo::course(w.conn, course_id);
  if (!course) return;
  auto enrolled = course->enrolled;
  bool moved = false;
  while (!course->capacity || enrolled < *course->capacity) {
    auto next = repo::first_waitlisted(w.conn, course_id);
    if (!next) break;
    move_up(w, *next);
    ++enrolled;
    moved = true;
  }
  if (moved) repo::renumber_waitlist(w.conn, course_id, w.now);
}

Result<Enrollment> enroll(Work& w, std::int64_t course_id, std::int64_t user_id, On on) {
  // The lock first: every enrollment in this course waits here for the one before it to commit.
  if (!repo::lock_course(w.conn, course_id)) return Status::invalid().field("course_id", "curriculum.course_unknown");
  auto course = repo::course(w.conn, course_id);
  if (auto st = check_enrollable(w.conn, *course, user_id, on); !st) return st;
  Enrollment e;
  e.course_id = course_id;
  e.user_id = user_id;
  e.created_at = w.now;
  if (course->has_room()) {
    e.status = S::enrolled;
    e.enrolled_at = w.now;
  } else {
    e.status = S::waitlisted;
    e.waitlist_position = repo::last_waitlist_position(w.conn, course_id) + 1;
  }
  e.id = repo::insert_enrollment(w.conn, e, w.now);
  w.audit("create", "enrollment", e.id, nlohmann::json::object(), entity::snapshot(e));
  return *repo::enrollment(w.conn, e.id);
}

Result<Enrollment> drop(Work& w, std::int64_t enrollment_id, On on) {
  // The course first (an enrollment never changes course), then the enrollment as it is under its lock.
  auto course_id = repo::course_of_enrollment(w.conn, enrollment_id);
  if (!course_id) return Status::not_found();
  repo::lock_course(w.conn, *course_id);
  auto before = *repo::enrollment(w.conn, enrollment_id);
  if (!states<S>().allows(before.status, S::dropped))
    return Status::invalid().field("enrollment", "curriculum.already_dropped");
  if (on == On::self)
    if (auto st = check_self_drop(w.conn, before, w.now); !st) return st;
  Enrollment after = before;
  after.status = S::dropped;
  after.waitlist_position.reset();
  after.dropped_at = w.now;
  after.dropped_by = w.actor.user_id;
  repo::update_enrollment(w.conn, after, w.now);
  w.audit("drop", "enrollment", enrollment_id, entity::snapshot(before), entity::snapshot(after));
  if (before.is(S::enrolled)) fill_from_waitlist(w, *course_id);
  else repo::renumber_waitlist(w.conn, *course_id, w.now);
  return *repo::enrollment(w.conn, enrollment_id);
}

}  // namespace mdsc::curriculum
