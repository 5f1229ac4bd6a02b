#include "modules/videos/operations.h"

#include "modules/attendance.h"
#include "modules/curriculum.h"
#include "modules/timetable.h"
#include "modules/videos/coverage.h"
#include "modules/videos/repo.h"
#include "platform/identity/repo.h"

namespace mdsc::videos {
namespace {

bool is_secretariat(Work& w) {
  if (!w.actor.user_id) return false;
  const auto u = identity::repo::user_by_id(w.conn, w.actor.user_id);
  if (!u) return false;
  for (const auto& g : u->roles)
    if (g.role == web::Role::secretariat) return true;
  return false;
}

}  // namespace

Status may_upload(Work& w, std::int64_t session_id) {
  const auto s = timetable::sessions::get(w.conn, session_id);
  if (!s) return Status::not_found();
  if (!is_secretariat(w) && !curriculum::teaches_course(w.conn, w.actor.user_id, s->course_id))
    return Status::forbidden();
  const auto course = curriculum::find_course(w.conn, s->course_id);
  if (s->confidential || (course && course->confidential_by_default)) return Status::conflict("videos.confidential");
  if (s->status == timetable::SessionStatus::cancelled) return Status::conflict("videos.cancelled");
  return Status::ok();
}

Result<std::int64_t> add_recording(Work& w, const Upload& u) {
  const auto s = timetable::sessions::get(w.conn, u.session_id);
  if (!s) return Status::not_found();
  // The course's row lock orders this against its becoming confidential (curriculum's update).
  w.conn.exec("UPDATE courses SET updated_at = updated_at WHERE id = ?", {s->course_id});
  if (Status st = may_upload(w, u.session_id); !st) return st;
  if (const auto before = repo::current_of_session(w.conn, u.session_id)) {
    repo::withdraw(w.conn, before->id, w.actor.user_id, w.now, "replaced");
    w.audit("withdraw", "recordings", before->id, entity::snapshot(*before),
            entity::snapshot(*repo::by_id(w.conn, before->id)));
  }
  Recording r;
  r.session_id = u.session_id;
  r.course_id = s->course_id;
  r.filename = u.filename.substr(0, 255);
  r.content_type = u.content_type;
  r.size = u.size;
  r.sha256 = u.sha256;
  r.duration_ms = u.duration_ms;
  r.storage_key = u.storage_key;
  r.uploaded_by = w.actor.user_id;
  r.uploaded_at = w.now;
  const auto id = repo::insert(w.conn, r);
  if (!id) return Status::conflict("videos.upload_conflict");
  w.audit("upload", "recordings", *id, nlohmann::json::object(), entity::snapshot(*repo::by_id(w.conn, *id)));
  return *id;
}

Status withdraw(Work& w, std::int64_t recording_id, const std::string& reason) {
  if (reason.empty()) return Status::invalid().field("reason", "videos.reason_required");
  if (reason.size() > 1500) return Status::invalid().field("reason", "validation.longer_than", {{"max", "500"}});
  const auto before = repo::by_id(w.conn, recording_id);
  if (!before) return Status::not_found();
  if (!repo::withdraw(w.conn, recording_id, w.actor.user_id, w.now, reason))
    return Status::conflict("videos.already_withdrawn");
  w.audit("withdraw", "recordings", recording_id, entity::snapshot(*before),
          entity::snapshot(*repo::by_id(w.conn, recording_id)));
  return Status::ok();
}

void withdraw_course(Work& w, std::int64_t course_id) {
  for (const auto& r : repo::current_of_courses(w.conn, {course_id})) {
    repo::withdraw(w.conn, r.id, w.actor.user_id, w.now, "confidential");
    w.audit("withdraw", "recordings", r.id, entity::snapshot(r), entity::snapshot(*repo::by_id(w.conn, r.id)));
  }
}

void record_play(Work& w, std::int64_t recording_id) {
  repo::insert_play(w.conn, recording_id, w.actor.user_id, w.now);
  const auto r = repo::by_id(w.conn, recording_id);
  if (!r || !curriculum::enrolled_in(w.conn, r->course_id, w.actor.user_id)) return;
  // The trainee's clock for the heartbeats starts again with each playback.
  View v = repo::lock_view(w.conn, recording_id, w.actor.user_id, w.now);
  v.last_beat_at = w.now;
  repo::save_view(w.conn, v);
}

Result<Progress> record_progress(Work& w, std::int64_t recording_id, std::int64_t from_ms, std::int64_t to_ms,
                                 const CreditRule& rule) {
  const auto r = repo::by_id(w.conn, recording_id);
  if (!r || r->withdrawn()) return Status::not_found();
  if (!curriculum::enrolled_in(w.conn, r->course_id, w.actor.user_id)) return Status::forbidden();
  if (from_ms < 0 || to_ms < 0 || from_ms > r->duration_ms + 1000)
    return Status::invalid().field("from", "validation.invalid_input");
  View v = repo::lock_view(w.conn, recording_id, w.actor.user_id, w.now);
  Coverage cov(r->duration_ms, v.watched);
  cov.add(from_ms, believable_end(from_ms, to_ms, (w.now - v.last_beat_at) * 1000));
  v.watched = cov.stored();
  v.watched_seconds = cov.watched_seconds();
  v.last_beat_at = w.now;
  Progress out{cov.percent(), v.credited_at != 0};
  if (!v.credited_at && out.percent >= rule.percent) {
    const auto s = timetable::sessions::get(w.conn, r->session_id);
    if (s && w.now <= s->end_unix() + std::int64_t{rule.days} * 86400 &&
        attendance::credit_from_recording(w, r->session_id, w.actor.user_id)) {
      v.credited_at = w.now;
      out.credited = true;
    }
  }
  repo::save_view(w.conn, v);
  return out;
}

}  // namespace mdsc::videos

#include "modules/videos/storage.h"

namespace mdsc::videos {

void delete_withdrawn_files(db::Database& db, const std::string& data_dir, std::int64_t now) {
  const auto gone = db.read([](db::Conn& c) { return repo::files_to_delete(c); });
  for (const auto& r : gone) {
    if (!storage::remove(data_dir, r.storage_key)) continue;  // tried again next time
    db.write([&](db::Conn& c) { repo::mark_file_deleted(c, r.id, now); });
  }
}

}  // namespace mdsc::videos
