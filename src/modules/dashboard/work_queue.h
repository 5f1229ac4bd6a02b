#pragma once
// The secretariat's work queue: what waits for them, each with its count and the page that lists
// it — applications to review, seat consultations, overdue invoices, timetable drafts not yet
// published, mail that failed to send. Counted in one statement (the dashboard is measured:
// docs/performance.md); tests hold the counts to what the linked pages list.
#include <cstdint>
#include <string>
#include <vector>

#include "web/registry.h"

namespace mdsc::dashboard {

// One place an item waits in: a fiscal year, a membership, a draft (the page to go to).
struct QueuePart {
  std::int64_t scope = 0;  // fiscal year, membership id or timetable run id; 0 for mail
  std::string label;       // company or term name (empty for a fiscal year)
  std::int64_t count = 0;
};

// Each item's key, in the order the panel shows them: applications, consultations, overdue,
// drafts, mail (repo::work_queue counts them; `today`, the Asia/Tokyo date invoices fall overdue
// after).
struct QueueItem {
  std::string key;
  std::vector<QueuePart> parts;
  std::int64_t total() const;
};

web::DashboardPanel work_queue_panel();

}  // namespace mdsc::dashboard
