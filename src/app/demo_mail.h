#pragma once
// The demo's mail history: what the consortium sent before the demo's day has been delivered,
// except the mail to an applicant who mistyped their address, which the relay refused until the
// outbox gave up (the secretariat's dashboard shows it as mail that failed to send).
#include <cstdint>

#include "db/database.h"

namespace mdsc::app {

// The address the demo's relay refuses (an applicant's typo of applicants.example).
inline constexpr const char* kDemoBouncingDomain = "@applicatns.example";

// Delivers the queued mail through a relay that accepts every address but the bouncing one, as
// the outbox would have done up to `until`.
void deliver_demo_mail(db::Database& db, std::int64_t until);

}  // namespace mdsc::app
