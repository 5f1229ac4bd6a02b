#include <filesystem>
#include <iostream>
#include <regex>

#include "cli/commands.h"
#include "db/database.h"

namespace mdsc::cli {

Runner add_backup(CLI::App& app, Common& common) {
  auto* cmd = app.add_subcommand("backup", "Copy the database to a file while the server runs");
  cmd->add_option("--db", common.db_url, "Database URL");
  cmd->add_option("--config", common.config_path, "TOML configuration file");
  auto to = std::make_shared<std::string>();
  cmd->add_option("--to", *to, "Backup file to write")->required();
  return [&common, to]() {
    Config config = common.load();
    auto db = db::Database::open(config.db_url, 1);
    if (db->dialect() == db::Dialect::postgresql) {
      // The password stays out of the printed command (and so out of shell history).
      std::string url = std::regex_replace(config.db_url, std::regex("://([^:/@]+):[^@]*@"), "://$1@");
      std::cout << "PostgreSQL is backed up with its own tool (set PGPASSWORD if the server needs one):\n"
                << "  pg_dump --format=custom --file='" << *to << "' '" << url << "'\n";
      return 0;
    }
    if (std::filesystem::exists(*to)) throw UsageError("backup file already exists: " + *to);
    if (!db->backup_to(*to)) throw std::runtime_error("backup failed");
    std::cout << "Backup written to " << *to << "\n";
    return 0;
  };
}

}  // namespace mdsc::cli
