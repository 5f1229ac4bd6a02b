#pragma once
// Subcommands: each adds itself to the CLI11 app and runs when chosen. They call operations,
// never SQL.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "core/config.h"

namespace mdsc::cli {

// Options every command shares (--db, --config).
struct Common {
  std::string db_url;
  std::string config_path;
  Config load() const;  // config file + environment, then --db
};

// A usage error the user can fix: printed as one line, exit code 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using Runner = std::function<int()>;

Runner add_init(CLI::App& app, Common& common);
Runner add_serve(CLI::App& app, Common& common);
Runner add_migrate(CLI::App& app, Common& common);
Runner add_user(CLI::App& app, Common& common);
Runner add_backup(CLI::App& app, Common& common);
Runner add_timetable(CLI::App& app, Common& common);
Runner add_certificate(CLI::App& app, Common& common);

}  // namespace mdsc::cli
