#pragma once
// The demo's certificates: the demo day is in the middle of FY2017, when nobody has completed yet,
// so the certificates are those of the FY2016 pilot course (decision 0024): two alumni whose
// completions were confirmed and signed off by the society in March 2017, each with a
// certificate, one of which was revoked later.
#include "db/database.h"

namespace mdsc::app {

void load_demo_certificates(db::Database& db);

}  // namespace mdsc::app
