#include "app/app.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <stdexcept>
#include <thread>

#include "app/modules.h"
#include "core/crypto.h"
#include "core/i18n.h"
#include "core/resources.h"
#include "db/migrator.h"

namespace mdsc::app {
namespace {

std::string load_secret(db::Database& db) {
  auto row = db.read([](db::Conn& c) { return c.query_one("SELECT value FROM settings WHERE key = 'secret'"); });
  if (!row) throw std::runtime_error("the database has no server secret: run `mdsc migrate`");
  return row->str("value");
}

std::unique_ptr<mail::Mailer> make_mailer(const Config& c) {
  if (!c.smtp_url.empty()) return mail::make_smtp_mailer(c.smtp_url, c.mail_from, c.smtp_user, c.smtp_password);
  std::string dir = c.outbox_dir.empty() ? c.data_dir + "/outbox" : c.outbox_dir;
  return mail::make_outbox_mailer(dir, c.mail_from);
}

}  // namespace

int prepare_database(db::Database& db) {
  auto report = db::migrate(db);
  db.write([](db::Conn& c) {
    // Two instances starting on a new database at once: the first secret stays.
    c.exec("INSERT INTO settings (key, value) VALUES ('secret', ?) ON CONFLICT (key) DO NOTHING",
           {crypto::random_token(32)});
  });
  return static_cast<int>(report.applied.size());
}

std::unique_ptr<Clock> clock_for(db::Database& db) {
  auto row = db.read([](db::Conn& c) { return c.query_one("SELECT value FROM settings WHERE key = 'demo_date'"); });
  if (!row) return std::make_unique<SystemClock>();
  static const SystemClock real{};
  try {
    return std::make_unique<DemoClock>(row->str("value"), real);
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error("the database's demo_date setting is " + std::string(e.what()));
  }
}

App::App(Config config, std::unique_ptr<Clock> clock) : config_(std::move(config)), clock_(std::move(clock)) {
  crypto::init();
  if (!config_.resource_dir.empty()) resources::set_override_dir(config_.resource_dir);
  if (config_.base_url.empty())
    config_.base_url = "http://" + config_.bind + ":" + std::to_string(config_.port);
  if (config_.base_url.rfind("https://", 0) == 0) config_.behind_tls = true;
  // As many connections as server threads (4 per core by default), plus room for background work.
  unsigned threads = config_.threads ? config_.threads : 4 * std::max(1u, std::thread::hardware_concurrency());
  std::size_t pool = config_.db_pool ? config_.db_pool : threads + 4;
  db_ = db::Database::open(config_.db_url, pool);
  register_modules(registry_);
  auth_ = std::make_unique<identity::DbAuthenticator>(*db_, *clock_);
  mailer_ = make_mailer(config_);
  dispatcher_ = std::make_unique<mail::Dispatcher>(*db_, *mailer_, *clock_);
  services_ = std::unique_ptr<web::Services>(new web::Services{
      *db_, *clock_, config_, *auth_, registry_, load_secret(*db_), [this] { dispatcher_->wake(); },
      *background_});
  units_ = std::make_unique<platform::Units>(*db_, config_.base_url, module_events(), [this] { dispatcher_->wake(); });
  services_->units = units_.get();
  handler_ = std::make_unique<web::Application>(*services_);
  // Jobs that run without a request (reminder mails) read the public URL from here.
  db_->write([&](db::Conn& c) {
    c.exec("INSERT INTO settings (key, value) VALUES ('base_url', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
           {config_.base_url});
    // ... and the data folder (the recordings' files), shared by every instance.
    c.exec("INSERT INTO settings (key, value) VALUES ('data_dir', ?) "
           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
           {config_.data_dir});
  });
}

App::~App() {
  if (dispatcher_) dispatcher_->stop();
}

void run_due_jobs(db::Database& db, const web::Registry& registry, std::int64_t now) {
  std::string today = i18n::tokyo_date_iso(now);
  for (const auto& job : registry.daily_jobs()) {
    bool mine = db.write([&](db::Conn& c) {
      c.exec("INSERT INTO jobs (name, last_run_date, locked_until) VALUES (?, '', 0) "
             "ON CONFLICT (name) DO NOTHING",
             {job.name});
      // The conditional update is the claim: exactly one instance changes the row each day.
      return c.exec("UPDATE jobs SET last_run_date = ?, locked_until = ? WHERE name = ? AND last_run_date < ?",
                    {today, now + 3600, job.name, today}) == 1;
    });
    if (!mine) continue;
    try {
      job.run(db, now);
      spdlog::info("daily job {} done", job.name);
    } catch (const std::exception& e) {
      spdlog::error("daily job {} failed: {}", job.name, e.what());
    }
  }
}

}  // namespace mdsc::app
