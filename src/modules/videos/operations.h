#pragma once
// The videos module's changes, each in the caller's unit of work. Files are checked and moved
// before (outside the transaction) and deleted after (delete_withdrawn_files).
#include <cstdint>
#include <string>

#include "core/result.h"
#include "db/database.h"
#include "modules/videos.h"
#include "platform/work.h"

namespace mdsc::videos {

// A video already checked (type, duration, SHA-256) and kept under storage_key.
struct Upload {
  std::int64_t session_id = 0;
  std::string filename, content_type, sha256, storage_key;
  std::int64_t size = 0, duration_ms = 0;
};

// Whether w.actor may upload for the session: the secretariat, or an instructor of its course.
// Refused: an unknown session (not found), anyone else (forbidden), a confidential session or
// course (conflict videos.confidential), a cancelled session (conflict videos.cancelled).
Status may_upload(Work& w, std::int64_t session_id);

// Makes the upload the session's recording (the one before it, if any, is withdrawn as replaced),
// audited; decided under the session's course lock, so a course made confidential meanwhile
// refuses it.
Result<std::int64_t> add_recording(Work& w, const Upload& u);

// Withdraws a recording with a reason (required), audited; its file is deleted afterwards.
Status withdraw(Work& w, std::int64_t recording_id, const std::string& reason);

// A playback starts: logged (who, which, when); for an enrolled trainee the heartbeats' clock
// starts again.
void record_play(Work& w, std::int64_t recording_id);

struct CreditRule {
  int percent = 80;  // of the video watched ...
  int days = 14;     // ... within this many days of the session
};

struct Progress {
  int percent = 0;
  bool credited = false;  // the session counts as attended (now or before)
};

// A trainee's heartbeat: the stretch [from_ms, to_ms) played without a jump since the last one,
// believed as far as the server's clock allows (coverage.h). When the trainee has watched
// `rule.percent` of a session they missed, within `rule.days` of it, the attendance credits it.
// Only for trainees enrolled in the course (forbidden otherwise).
Result<Progress> record_progress(Work& w, std::int64_t recording_id, std::int64_t from_ms, std::int64_t to_ms,
                                 const CreditRule& rule);

}  // namespace mdsc::videos

namespace mdsc::videos {

// Deletes the files of withdrawn recordings and records it (after the withdrawal's commit: a
// rolled-back withdrawal keeps its file). Run after an upload or a withdrawal, and daily.
void delete_withdrawn_files(db::Database& db, const std::string& data_dir, std::int64_t now);

}  // namespace mdsc::videos
