#pragma once
// Publishing a draft: its sessions become the term's dated `sessions`. Publishing again (a new
// draft for a term already published) keeps each course's sessions that did not move as they are,
// moves the others in place (same id, so calendars update rather than duplicate; SEQUENCE raised),
// cancels what the new draft no longer has and adds what it has more — and mails the trainees
// and instructors concerned about every change. In the caller's unit of work, audited.
#include <cstdint>

#include "core/result.h"
#include "platform/work.h"

namespace mdsc::timetable {

struct PublishSummary {
  std::int64_t term_id = 0;
  int added = 0, moved = 0, cancelled = 0, unchanged = 0;
  int mails = 0;
};

Result<PublishSummary> publish_run(Work& w, std::int64_t run_id);

}  // namespace mdsc::timetable
