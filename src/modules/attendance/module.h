#pragma once
// Attendance: check-in with a rotating code that only the trainee's own account and phone can
// use, the roll call of each session, manual marks and the secretariat's review of flagged
// check-ins (issue 11, first part).
#include "web/registry.h"

namespace mdsc::attendance {
void register_module(web::Registry& registry);
}  // namespace mdsc::attendance
