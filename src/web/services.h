#pragma once
// What a request handler may use besides its request: the database, time, settings, and the
// platform services that modules provide to each other. Owned by the application; shared by
// all requests (everything here is thread-safe).
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/background.h"
#include "core/clock.h"
#include "core/config.h"
#include "db/database.h"
#include "http/message.h"
#include "web/principal.h"

namespace mdsc::web {

// Resolves credentials to a Principal. Implemented by the accounts module.
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // A session cookie's token. Extends the idle timeout (writing at most once a minute).
  virtual std::optional<Principal> from_session(std::string_view token) = 0;
  // "Authorization: Bearer <token>" on /api/v1.
  virtual std::optional<Principal> from_api_token(std::string_view token) = 0;
};

class Registry;
struct Context;

// Runs a route's handler inside its unit of work (the platform provides it: web knows nothing of
// transactions' contents). `write`: a write transaction, rolled back when the response is an error.
class UnitRunner {
 public:
  virtual ~UnitRunner() = default;
  virtual http::Response run(Context& ctx, bool write) = 0;
};

struct Services {
  db::Database& db;
  const Clock& clock;
  const Config& config;
  Authenticator& auth;
  const Registry& registry;
  std::string secret;                     // server secret (from the database's settings table)
  std::function<void()> after_commit;     // wakes the mail dispatcher after a change
  BackgroundTasks& background;            // long work started by a request (timetable generation)
  UnitRunner* units = nullptr;            // null: every handler opens its own transactions
};

}  // namespace mdsc::web
