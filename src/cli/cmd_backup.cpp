#include <filesystem>
#include <iostream>
#include <regex>

#include "cli/commands.h"
#include "db/database.h"
#include "db/url.h"

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
      // Rebuilt from the parsed connection parameters minus the password, so that no spelling
      // of the URL (user-info, ?password=, an '@' inside the password) leaks it into the output.
      auto target = std::get<db::detail::PgTarget>(db::detail::parse_url(config.db_url));
      std::string conninfo = std::regex_replace(target.conninfo, std::regex("(^| )password='(\\\\.|[^'\\\\])*'"), "");
      while (!conninfo.empty() && conninfo.front() == ' ') conninfo.erase(0, 1);
      std::cout << "PostgreSQL is backed up with its own tool (set PGPASSWORD if the server needs one):\n"
                << "  pg_dump --format=custom --file='" << *to << "' \"" << conninfo << "\"\n";
      return 0;
    }
    if (std::filesystem::exists(*to)) throw UsageError("backup file already exists: " + *to);
    if (!db->backup_to(*to)) throw std::runtime_error("backup failed");
    std::cout << "Backup written to " << *to << "\n";
    return 0;
  };
}

}  // namespace mdsc::cli
