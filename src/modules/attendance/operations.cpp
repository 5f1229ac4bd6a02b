#include "modules/attendance/operations.h"

#include <functional>

#include "core/crypto.h"
#include "core/i18n.h"
#include "core/ip_address.h"
#include "modules/attendance.h"
#include "modules/attendance/codes.h"
#include "modules/attendance/repo.h"
#include "modules/curriculum.h"
#include "modules/timetable.h"
#include "nlohmann/json.hpp"

namespace mdsc::attendance {
namespace {

Status open_now(const timetable::Session& s, std::int64_t now, const Window& window) {
  if (now < s.start_unix() - window.opens_minutes * 60)
    return Status(Code::invalid, "attendance.not_open_yet", {{"time", s.starts_at}});
  if (now > s.end_unix()) return Status(Code::invalid, "attendance.closed");
  return Status::ok();
}

// Flags the record for review (a stored one with its audit entry); a shared device outweighs
// another device.
void flag(Work& w, Attendance& a, const char* why) {
  if (a.flag == why) return;
  const Attendance before = a;
  a.flag = why;
  a.review = Review::pending;
  a.updated_at = w.now;
  if (a.id) {
    repo::update(w.conn, a);
    w.audit("flag", "attendance", a.id, entity::snapshot(before), entity::snapshot(a));
  }
}

// Records a check-in (a.method set) for the session: the device bound or flagged, late after the
// window's minutes, `also` given the record before it is written. Idempotent per trainee.
template <typename Also>
Result<CheckedIn> record(Work& w, const timetable::Session& s, Attendance a, const std::string& device_secret,
                         const Window& window, Also&& also) {
  // The device first: its lock puts two check-ins from one phone one after the other.
  const auto device = repo::lock_device(w.conn, crypto::token_hash(device_secret), w.now);
  if (auto existing = repo::record(w.conn, s.id, w.actor.user_id)) return CheckedIn{*existing, true};
  a.session_id = s.id;
  a.user_id = w.actor.user_id;
  a.status = w.now > s.start_unix() + window.late_minutes * 60 ? Mark::late : Mark::present;
  a.checked_in_at = w.now;
  a.device_id = device.id;
  a.updated_at = w.now;
  const auto own = repo::device_of(w.conn, w.actor.user_id);
  if (!own && !device.user_id)
    repo::bind_device(w.conn, device.id, w.actor.user_id);
  else if (own ? *own != device.id : device.user_id != w.actor.user_id)
    flag(w, a, "other_device");
  auto others = repo::others_on_device(w.conn, s.id, device.id, w.actor.user_id);
  if (!others.empty()) {
    flag(w, a, "shared_device");
    for (auto& o : others) flag(w, o, "shared_device");
  }
  also(a);
  if (!repo::insert_if_absent(w.conn, a)) {
    auto existing = repo::record(w.conn, s.id, w.actor.user_id);
    if (!existing) return Status::conflict("error.conflict");
    return CheckedIn{*existing, true};
  }
  a = *repo::record(w.conn, s.id, w.actor.user_id);
  w.audit(a.method == "remote" ? "check_in_remote" : "check_in", "attendance", a.id, nlohmann::json::object(),
          entity::snapshot(a));
  return CheckedIn{a, false};
}

}  // namespace

Result<CheckedIn> check_in(Work& w, const CheckIn& in, const Window& window) {
  if (!code_well_formed(in.code)) return Status::invalid().field("code", "attendance.code_malformed");
  auto s = timetable::sessions::get(w.conn, in.session_id);
  if (!s || s->status != timetable::SessionStatus::scheduled) return Status::not_found();
  if (!curriculum::enrolled_in(w.conn, s->course_id, w.actor.user_id))
    return Status(Code::forbidden, "attendance.not_enrolled", {{"course", s->course_code}});
  if (auto st = open_now(*s, w.now, window); !st) return st;
  const std::string key = repo::code_key(w.conn);
  if (!code_accepted(key, in.session_id, in.code, w.now) &&
      !(in.ticket.size() && ticket_accepted(key, in.session_id, in.code, in.ticket, w.now)))
    return Status::invalid().field("code", "attendance.code_expired");

  Attendance a;
  a.method = "onsite";
  auto done = record(w, *s, a, in.device_secret, window, [&](Attendance& fresh) {
    if (fresh.flagged() || s->room_network.empty()) return;
    const auto network = net::parse_cidr_list(s->room_network);
    if (network && !network->empty() && !network->contains(in.client_address)) flag(w, fresh, "outside_network");
  });
  return done;
}

Result<CheckedIn> check_in_remote(Work& w, std::int64_t session_id, const std::string& device_secret,
                                  const Window& window) {
  auto s = timetable::sessions::get(w.conn, session_id);
  if (!s || s->status != timetable::SessionStatus::scheduled) return Status::not_found();
  if (!curriculum::enrolled_in(w.conn, s->course_id, w.actor.user_id))
    return Status(Code::forbidden, "attendance.not_enrolled", {{"course", s->course_code}});
  const auto course = curriculum::find_course(w.conn, s->course_id);
  if (s->confidential || (course && course->confidential_by_default))
    return Status::conflict("attendance.remote_confidential");
  if (w.now < s->start_unix() || w.now > s->end_unix()) return Status::conflict("attendance.remote_not_live");
  if (repo::rule_of(w.conn, s->course_id).live_url.empty()) return Status::conflict("attendance.no_live_link");
  Attendance a;
  a.method = "remote";
  return record(w, *s, a, device_secret, window, [](Attendance&) {});
}

namespace {

// The trainee's record of the session as `change` leaves it: a new one (its method `method`) when
// they have none, audited as created; else their record changed, audited with before and after.
// nullopt when their record may not change (or vanished under us).
std::optional<Attendance> write_record(Work& w, std::int64_t session_id, std::int64_t user_id, const char* method,
                                       const char* action, const std::function<void(Attendance&)>& change,
                                       const std::function<bool(const Attendance&)>& may_change) {
  Attendance fresh;
  fresh.session_id = session_id;
  fresh.user_id = user_id;
  fresh.method = method;
  change(fresh);
  if (repo::insert_if_absent(w.conn, fresh)) {
    auto a = *repo::record(w.conn, session_id, user_id);
    w.audit(action, "attendance", a.id, nlohmann::json::object(), entity::snapshot(a));
    return a;
  }
  auto before = repo::record(w.conn, session_id, user_id);
  if (!before || !may_change(*before)) return std::nullopt;
  Attendance after = *before;
  change(after);
  repo::update(w.conn, after);
  w.audit(action, "attendance", after.id, entity::snapshot(*before), entity::snapshot(after));
  return after;
}

}  // namespace

Result<Attendance> mark(Work& w, std::int64_t session_id, std::int64_t user_id, Mark m, const std::string& reason) {
  if (m != Mark::present && reason.empty()) return Status::invalid().field("reason", "attendance.reason_required");
  if (reason.size() > 500) return Status::invalid().field("reason", "validation.longer_than", {{"max", "500"}});
  auto s = timetable::sessions::get(w.conn, session_id);
  if (!s) return Status::not_found();
  if (!curriculum::enrolled_in(w.conn, s->course_id, user_id))
    return Status::invalid().field("user_id", "attendance.not_enrolled_user");
  auto a = write_record(
      w, session_id, user_id, "manual", "mark",
      [&](Attendance& r) {
        r.status = m;
        r.reason = reason;
        r.marked_by = w.actor.user_id;
        r.updated_at = w.now;
      },
      [](const Attendance&) { return true; });
  if (!a) return Status::conflict("error.conflict");
  return *a;
}

// Only an absence gives way to a recording's credit: a mark or a check-in stands.
bool credit_from_recording(Work& w, std::int64_t session_id, std::int64_t user_id) {
  auto s = timetable::sessions::get(w.conn, session_id);
  if (!s || s->end_unix() > w.now || !curriculum::enrolled_in(w.conn, s->course_id, user_id)) return false;
  return write_record(
             w, session_id, user_id, "recording", "credit",
             [&](Attendance& r) {
               r.status = Mark::present;
               r.method = "recording";
               r.updated_at = w.now;
             },
             [](const Attendance& before) { return before.status == Mark::absent; })
      .has_value();
}

Status review(Work& w, std::int64_t attendance_id, bool accept, const std::string& reason) {
  if (reason.empty()) return Status::invalid().field("reason", "attendance.reason_required");
  if (reason.size() > 500) return Status::invalid().field("reason", "validation.longer_than", {{"max", "500"}});
  // One conditional statement decides: of two reviews at once, the second finds nothing pending.
  auto before = repo::record_by_id(w.conn, attendance_id);
  if (!before) return Status::not_found();
  Attendance after = *before;
  after.review = accept ? Review::accepted : Review::rejected;
  after.review_reason = reason;
  if (!accept) after.status = Mark::absent;
  after.marked_by = w.actor.user_id;
  after.updated_at = w.now;
  if (!repo::decide_review(w.conn, after)) return Status(Code::conflict, "attendance.not_pending");
  w.audit(accept ? "review_accept" : "review_reject", "attendance", after.id, entity::snapshot(*before),
          entity::snapshot(after));
  return Status::ok();
}

std::int64_t session_of_code(Work& w, const std::string& code, const Window& window) {
  if (!code_well_formed(code)) return 0;
  timetable::SessionFilter f;
  f.trainee_id = w.actor.user_id;
  f.from = f.to = i18n::tokyo_date_iso(w.now);
  const std::string key = repo::code_key(w.conn);
  for (const auto& s : timetable::sessions::list(w.conn, f))
    if (open_now(s, w.now, window) && code_accepted(key, s.id, code, w.now)) return s.id;
  return 0;
}

std::vector<timetable::Session> live_sessions(Work& w) {
  timetable::SessionFilter f;
  f.trainee_id = w.actor.user_id;
  f.from = f.to = i18n::tokyo_date_iso(w.now);
  std::vector<timetable::Session> out;
  for (const auto& s : timetable::sessions::list(w.conn, f)) {
    if (s.status != timetable::SessionStatus::scheduled || s.confidential) continue;
    if (w.now < s.start_unix() || w.now > s.end_unix()) continue;
    const auto course = curriculum::find_course(w.conn, s.course_id);
    if (course && course->confidential_by_default) continue;
    if (!repo::rule_of(w.conn, s.course_id).live_url.empty()) out.push_back(s);
  }
  return out;
}

std::string ticket_for(Work& w, std::int64_t session_id, const std::string& code) {
  const std::string key = repo::code_key(w.conn);
  return code_accepted(key, session_id, code, w.now) ? scan_ticket(key, session_id, code, w.now) : "";
}

std::string current_code(Work& w, std::int64_t session_id) {
  return code_for(repo::code_key(w.conn), session_id, code_step(w.now));
}

}  // namespace mdsc::attendance
