#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/app.h"
#include "app/demo.h"
#include "cli/commands.h"

namespace mdsc::cli {

Runner add_init(CLI::App& app, Common& common) {
  auto* cmd = app.add_subcommand("init", "Create the database, migrate it, optionally load the FY2017 demo");
  cmd->add_option("--db", common.db_url, "Database URL (sqlite:PATH or postgresql://...)");
  cmd->add_option("--config", common.config_path, "TOML configuration file");
  auto demo = std::make_shared<bool>(false);
  cmd->add_flag("--demo", *demo, "Load the FY2017 demo consortium with one user per role");
  return [&common, demo]() {
    Config config = common.load();
    auto db = db::Database::open(config.db_url, 2);
    int applied = app::prepare_database(*db);
    std::cout << "Database ready (" << applied << " migrations applied).\n";
    if (!*demo) {
      std::cout << "Create the first secretariat user:\n"
                << "  mdsc user add --email you@example.org --role secretariat --password-stdin\n"
                << "then run `mdsc serve` and log in at http://" << config.bind << ":" << config.port << "/login\n";
      return 0;
    }
    app::DemoOptions options;
    options.data_dir = config.data_dir;
    auto logins = app::load_demo(*db, options);
    std::ostringstream out;
    // Scripts (tests/e2e/harness.mjs) read the day from the first line.
    out << "FY2017 demo consortium loaded, as it stood on " << app::kDemoDay
        << " (the date `mdsc serve` shows for this database). Log in at http://" << config.bind << ":" << config.port
        << "/login with:\n";
    for (const auto& l : logins) out << "  " << l.role << "\t" << l.email << "\t" << l.password << "\n";
    std::cout << out.str();
    // Kept beside the data so that `make run` can show them again; readable by the owner only.
    std::filesystem::create_directories(config.data_dir);
    std::string path = config.data_dir + "/demo-credentials.txt";
    {
      std::ofstream f(path, std::ios::trunc);
      f << out.str();
    }
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace);
    return 0;
  };
}

}  // namespace mdsc::cli
