#pragma once
#include "web/registry.h"

namespace mdsc::mail {
// The outbox as the secretariat reads it: /admin/mail lists queued, sent and failed messages
// (recipient and subject, never the body), filtered by status.
void register_module(web::Registry& registry);
}  // namespace mdsc::mail
