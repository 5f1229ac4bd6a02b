#pragma once
// The FY2017 demo consortium. Platform core: one user per role with a generated password.
// Modules add their demo data here as they arrive.
#include <string>
#include <vector>

#include "core/clock.h"
#include "db/database.h"

namespace mdsc::app {

struct DemoLogin {
  std::string role;
  std::string email;
  std::string password;
};

// Fails (std::runtime_error) if the database already has users.
std::vector<DemoLogin> load_demo(db::Database& db, const Clock& clock);

}  // namespace mdsc::app
