#include <iostream>

#include "app/app.h"
#include "cli/commands.h"

namespace mdsc::cli {

Runner add_migrate(CLI::App& app, Common& common) {
  auto* cmd = app.add_subcommand("migrate", "Apply pending database migrations");
  cmd->add_option("--db", common.db_url, "Database URL");
  cmd->add_option("--config", common.config_path, "TOML configuration file");
  return [&common]() {
    Config config = common.load();
    auto db = db::Database::open(config.db_url, 2);
    int applied = app::prepare_database(*db);
    std::cout << (applied ? std::to_string(applied) + " migrations applied.\n" : "Up to date.\n");
    return 0;
  };
}

}  // namespace mdsc::cli
