#pragma once
// Lecture recordings (録画, issue 11): instructors and the secretariat upload a video per published
// session (never for a confidential one); enrolled trainees, the course's instructors and the
// secretariat play it with HTTP range requests; watching most of a missed session's recording
// soon after it gives remote credit in the attendance.
#include "web/registry.h"

namespace mdsc::videos {
void register_module(web::Registry& registry);
}  // namespace mdsc::videos
