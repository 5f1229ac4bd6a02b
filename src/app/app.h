#pragma once
// One running mdsc: configuration, database, modules, and the HTTP handler that serves them.
#include <memory>

#include "core/clock.h"
#include "core/config.h"
#include "core/mail.h"
#include "db/database.h"
#include "platform/events.h"
#include "platform/identity/authenticator.h"
#include "platform/outbox.h"
#include "platform/units.h"
#include "web/application.h"
#include "web/registry.h"
#include "web/services.h"

namespace mdsc::app {

class App {
 public:
  // Opens the database (it must already be migrated; see prepare_database) and wires the modules.
  App(Config config, std::unique_ptr<Clock> clock = std::make_unique<SystemClock>());
  ~App();

  const Config& config() const { return config_; }
  db::Database& db() { return *db_; }
  const Clock& clock() const { return *clock_; }
  web::Registry& registry() { return registry_; }
  web::Services& services() { return *services_; }
  web::Application& handler() { return *handler_; }
  mail::Dispatcher& dispatcher() { return *dispatcher_; }
  BackgroundTasks& background() { return *background_; }

 private:
  Config config_;
  std::unique_ptr<Clock> clock_;
  std::unique_ptr<db::Database> db_;
  web::Registry registry_;
  std::unique_ptr<identity::DbAuthenticator> auth_;
  std::unique_ptr<mail::Mailer> mailer_;
  std::unique_ptr<mail::Dispatcher> dispatcher_;
  // Before services_ and after db_: destroyed first, it stops and joins the tasks that use them.
  std::unique_ptr<BackgroundTasks> background_ = std::make_unique<BackgroundTasks>();
  std::unique_ptr<platform::Units> units_;
  std::unique_ptr<web::Services> services_;
  std::unique_ptr<web::Application> handler_;
};

// Applies pending migrations and makes sure the server secret exists. Returns the number applied.
int prepare_database(db::Database& db);

// The clock `mdsc serve` tells the time by: a demo database's (its settings hold the day the demo
// shows, `demo_date`; see docs/decisions/0014) or the system's. Throws std::runtime_error when the
// setting is not a date.
std::unique_ptr<Clock> clock_for(db::Database& db);

// Runs each daily job at most once per Asia/Tokyo day across all instances sharing the database.
void run_due_jobs(db::Database& db, const web::Registry& registry, std::int64_t now);

}  // namespace mdsc::app
