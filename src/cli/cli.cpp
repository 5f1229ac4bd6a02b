#include "cli/cli.h"

#include <iostream>
#include <map>

#include "cli/commands.h"
#include "core/crypto.h"
#include "core/log.h"
#include "db/database.h"

namespace mdsc::cli {

Config Common::load() const {
  Config c;
  try {
    c = load_config(config_path);
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what());
  }
  if (!db_url.empty()) c.db_url = db_url;
  return c;
}

namespace {

// CLI11 reports "A subcommand is required" for `mdsc frobnicate`; say which word it did not know.
std::string unknown_command(CLI::App& app, int argc, char** argv) {
  CLI::App* current = &app;
  for (int i = 1; i < argc; ++i) {
    std::string token = argv[i];
    if (token.rfind("-", 0) == 0) {
      std::string name = token.substr(0, token.find('='));
      auto* opt = current->get_option_no_throw(name);
      if (opt && token.find('=') == std::string::npos && opt->get_items_expected_min() > 0) ++i;  // its value
      continue;
    }
    CLI::App* sub = nullptr;
    for (auto* s : current->get_subcommands([](CLI::App*) { return true; }))
      if (s->get_name() == token) sub = s;
    if (!sub) return current->get_subcommands([](CLI::App*) { return true; }).empty() ? "" : token;
    current = sub;
  }
  return "";
}

}  // namespace

int run(int argc, char** argv) {
  crypto::init();
  CLI::App app{"mdsc — the operations platform of a medical data science consortium", "mdsc"};
  app.set_version_flag("--version", std::string("mdsc ") + MDSC_VERSION);
  app.require_subcommand(1);
  Common common;
  std::map<std::string, Runner> runners{
      {"init", add_init(app, common)},
      {"serve", add_serve(app, common)},
      {"migrate", add_migrate(app, common)},
      {"user", add_user(app, common)},
      {"backup", add_backup(app, common)},
      {"timetable", add_timetable(app, common)},
      {"certificate", add_certificate(app, common)},
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string unknown = unknown_command(app, argc, argv);
    if (!unknown.empty())
      std::cerr << "mdsc: unknown command '" << unknown << "' (see mdsc --help)\n";
    else
      std::cerr << "mdsc: " << e.what() << " (see mdsc --help)\n";
    return 2;
  }
  try {
    for (auto* sub : app.get_subcommands())
      if (auto it = runners.find(sub->get_name()); it != runners.end()) return it->second();
    return 2;
  } catch (const UsageError& e) {
    std::cerr << "mdsc: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "mdsc: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace mdsc::cli
