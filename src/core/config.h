#pragma once
// Settings from (lowest to highest precedence): defaults, a TOML file (mdsc.toml or --config),
// environment variables (MDSC_DB, MDSC_BIND, MDSC_PORT, ...), then command-line options.
#include <cstdint>
#include <string>

namespace mdsc {

struct Config {
  std::string db_url = "sqlite:mdsc-data/mdsc.db";
  std::string bind = "127.0.0.1";
  unsigned short port = 8080;
  unsigned threads = 0;              // 0: hardware concurrency
  std::string base_url;              // public URL for links in mails; default http://bind:port
  bool behind_tls = false;           // Secure + __Host- cookies; true when base_url is https
  std::string data_dir = "mdsc-data";  // uploads, outbox
  std::string mail_from = "mdsc@localhost";
  std::string smtp_url;              // empty: outbox folder
  std::string smtp_user;
  std::string smtp_password;
  std::string outbox_dir;            // default <data_dir>/outbox
  std::string resource_dir;          // development override for templates/static (MDSC_RESOURCE_DIR)
  std::string log_level = "info";
  std::size_t db_pool = 0;           // 0: threads + 2
};

// Reads the TOML file if path is non-empty (missing file is an error) and the environment.
// Throws std::runtime_error with a one-line message on bad values.
Config load_config(const std::string& toml_path);

}  // namespace mdsc
