#pragma once
// The FY2017 demo consortium as it stood in mid-term, on 2018-01-15: one user per role with a
// generated password, and each module's data with the dates it would have had (see
// docs/decisions/0014). Modules add their demo data here as they arrive.
#include <string>
#include <vector>

#include "db/database.h"

namespace mdsc::app {

struct DemoLogin {
  std::string role;
  std::string email;
  std::string password;
};

// The day the demo shows (Asia/Tokyo): the FY2017 trial term under way, its timetable published.
inline constexpr const char* kDemoDay = "2018-01-15";
// Where `make run` serves the demo: the address in its mails and signed certificates.
inline constexpr const char* kDemoSite = "http://127.0.0.1:8080";

struct DemoOptions {
  // Generates and publishes the FY2017 timetable (a few seconds of solving); tests of publishing
  // itself start from the term without it.
  bool timetable_history = true;
  // Where the demo's recording is put (the data folder `mdsc serve` uses); "" for none.
  std::string data_dir;
};

// Fails (std::runtime_error) if the database already has users. Records kDemoDay as the
// database's `demo_date` setting, which `mdsc serve` tells the time by (app::clock_for).
std::vector<DemoLogin> load_demo(db::Database& db, const DemoOptions& options = {});

}  // namespace mdsc::app
