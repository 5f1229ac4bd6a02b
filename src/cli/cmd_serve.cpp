#include <spdlog/spdlog.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/app.h"
#include "cli/commands.h"
#include "core/log.h"
#include "http/server.h"

namespace mdsc::cli {
namespace {

// Checks the daily jobs once a minute until stopped.
class JobTicker {
 public:
  explicit JobTicker(app::App& a) : app_(a), thread_([this] { loop(); }) {}
  ~JobTicker() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_one();
    thread_.join();
  }

 private:
  void loop() {
    std::unique_lock lock(mu_);
    while (!stop_) {
      lock.unlock();
      try {
        app::run_due_jobs(app_.db(), app_.registry(), app_.clock().now_unix());
      } catch (const std::exception& e) {
        spdlog::error("daily jobs: {}", e.what());
      }
      lock.lock();
      cv_.wait_for(lock, std::chrono::minutes(1), [this] { return stop_; });
    }
  }
  app::App& app_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace

Runner add_serve(CLI::App& app, Common& common) {
  auto* cmd = app.add_subcommand("serve", "Serve the web pages and the JSON API");
  cmd->add_option("--db", common.db_url, "Database URL");
  cmd->add_option("--config", common.config_path, "TOML configuration file");
  struct Opts {
    std::string bind;
    int port = -1;
    unsigned threads = 0;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--bind", o->bind, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--port", o->port, "Port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", o->threads, "Worker threads (default: 4 per core)");
  return [&common, o]() {
    Config config = common.load();
    if (!o->bind.empty()) config.bind = o->bind;
    if (o->port >= 0) config.port = static_cast<unsigned short>(o->port);
    if (o->threads) config.threads = o->threads;
    log::init(config.log_level);
    std::unique_ptr<Clock> clock;
    {
      auto db = db::Database::open(config.db_url, 1);
      int applied = app::prepare_database(*db);
      if (applied) spdlog::info("{} migrations applied", applied);
      try {
        clock = app::clock_for(*db);
      } catch (const std::runtime_error& e) {
        throw UsageError(e.what());
      }
    }
    if (const auto day = clock->demo_day(); !day.empty())
      spdlog::info("a demo database: the pages show {} (Asia/Tokyo) at the real time of day", day);
    app::App instance(config, std::move(clock));
    http::ServerOptions so;
    so.bind = config.bind;
    so.port = config.port;
    // 0 lets the server pick (4 per core): handlers run on the I/O threads and may wait on the database.
    so.threads = config.threads;
    // Uploads land beside the data they join, so that keeping one is a rename, not a copy.
    so.temp_dir = config.data_dir + "/tmp";
    std::filesystem::create_directories(so.temp_dir);
    http::Server server(so, instance.handler());
    try {
      server.start();
    } catch (const std::runtime_error& e) {
      throw UsageError(e.what());
    }
    instance.dispatcher().start();
    JobTicker jobs(instance);
    // Tests and scripts read this line to learn the port.
    std::cout << "mdsc listening on http://" << config.bind << ":" << server.port() << "/" << std::endl;
    server.run();
    spdlog::info("shut down");
    return 0;
  };
}

}  // namespace mdsc::cli
