#pragma once
// The secretariat's work queue: what waits for them, each with its count and the page that lists
// it — applications to review, seat consultations, overdue invoices, timetable drafts not yet
// published, mail that failed to send. Counted in one statement (the dashboard is measured:
// docs/performance.md); tests hold the counts to what the linked pages list.
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.h"
#include "web/registry.h"

namespace mdsc::dashboard {

// One place an item waits in: a fiscal year, a membership, a draft (the page to go to).
struct QueuePart {
  std::int64_t scope = 0;  // fiscal year, membership id or timetable run id; 0 for mail
  std::string label;       // company or term name (empty for a fiscal year)
  std::int64_t count = 0;
};

struct QueueItem {
  std::string key;  // applications, consultations, overdue, drafts, mail
  std::vector<QueuePart> parts;
  std::int64_t total() const;
};

// Every item, in the order above, each with its parts in the order of their scope. `today` is the
// Asia/Tokyo date (YYYY-MM-DD) invoices fall overdue after.
std::vector<QueueItem> work_queue(db::Conn& c, const std::string& today);

web::DashboardPanel work_queue_panel();

}  // namespace mdsc::dashboard
