// Settings: defaults < TOML file < environment. The file layout is documented in config.h.
// Every error is one line naming the setting, because it is what an operator sees at startup.
#include "core/config.h"

#include <toml++/toml.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace mdsc {
namespace {

using Setter = std::function<void(Config&, const std::string& value, const std::string& where)>;

struct Setting {
  std::string_view section;  // "" for top-level keys
  std::string_view key;
  std::string_view env;      // "" when there is no environment variable
  bool integer;
  Setter set;
};

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::runtime_error("config: " + where + " " + what);
}

unsigned long long parse_uint(const std::string& value, const std::string& where,
                              unsigned long long max, const char* what) {
  unsigned long long n = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() || n > max)
    fail(where, std::string("must be ") + what + ", got \"" + value + "\"");
  return n;
}

Setter text(std::string Config::*field) {
  return [field](Config& c, const std::string& v, const std::string&) { c.*field = v; };
}

// A whole number from `min` to `max` for an int member; `what` names the range in the error.
Setter whole(int Config::*field, unsigned long long min, unsigned long long max, const char* what) {
  return [=](Config& c, const std::string& v, const std::string& where) {
    const auto n = parse_uint(v, where, max, what);
    if (n < min) fail(where, std::string("must be ") + what);
    c.*field = static_cast<int>(n);
  };
}

Setter text_with_prefix(std::string Config::*field, std::vector<std::string> prefixes) {
  return [field, prefixes](Config& c, const std::string& v, const std::string& where) {
    for (const auto& p : prefixes)
      if (v.rfind(p, 0) == 0) {
        c.*field = v;
        return;
      }
    std::string list;
    for (const auto& p : prefixes) list += (list.empty() ? "" : " or ") + p;
    fail(where, "must start with " + list);
  };
}

const std::vector<Setting>& settings() {
  static const std::vector<Setting> all = {
      {"", "data_dir", "MDSC_DATA_DIR", false, text(&Config::data_dir)},
      {"", "resource_dir", "MDSC_RESOURCE_DIR", false, text(&Config::resource_dir)},
      {"", "log_level", "MDSC_LOG_LEVEL", false,
       [](Config& c, const std::string& v, const std::string& where) {
         for (const char* ok : {"trace", "debug", "info", "warn", "error", "critical", "off"})
           if (v == ok) {
             c.log_level = v;
             return;
           }
         fail(where, "must be one of trace, debug, info, warn, error, critical, off; got \"" + v +
                         "\"");
       }},
      {"server", "bind", "MDSC_BIND", false, text(&Config::bind)},
      {"server", "port", "MDSC_PORT", true,
       [](Config& c, const std::string& v, const std::string& where) {
         auto n = parse_uint(v, where, 65535, "a port number 1-65535");
         if (n == 0) fail(where, "must be a port number 1-65535, got \"0\"");
         c.port = static_cast<unsigned short>(n);
       }},
      {"server", "threads", "MDSC_THREADS", true,
       [](Config& c, const std::string& v, const std::string& where) {
         c.threads = static_cast<unsigned>(parse_uint(v, where, 1024, "a number 0-1024"));
       }},
      {"server", "base_url", "MDSC_BASE_URL", false, text_with_prefix(&Config::base_url, {"http://", "https://"})},
      {"server", "trusted_proxies", "MDSC_TRUSTED_PROXIES", false,
       [](Config& c, const std::string& v, const std::string& where) {
         std::string bad;
         auto list = net::parse_cidr_list(v, &bad);
         if (!list) fail(where, "must list IP addresses or CIDR ranges, got \"" + bad + "\"");
         c.trusted_proxies = v;
         c.proxies = *list;
       }},
      {"database", "db_url", "MDSC_DB", false,
       [](Config& c, const std::string& v, const std::string& where) {
         if (v.empty()) fail(where, "must not be empty");
         c.db_url = v;
       }},
      {"database", "db_pool", "", true,
       [](Config& c, const std::string& v, const std::string& where) {
         c.db_pool = parse_uint(v, where, 1024, "a number 0-1024");
       }},
      {"mail", "mail_from", "MDSC_MAIL_FROM", false,
       [](Config& c, const std::string& v, const std::string& where) {
         if (v.find('@') == std::string::npos || v.find_first_of("\r\n") != std::string::npos)
           fail(where, "must be an e-mail address");
         c.mail_from = v;
       }},
      {"mail", "smtp_url", "MDSC_SMTP_URL", false, text_with_prefix(&Config::smtp_url, {"smtp://", "smtps://"})},
      {"mail", "smtp_user", "MDSC_SMTP_USER", false, text(&Config::smtp_user)},
      {"mail", "smtp_password", "MDSC_SMTP_PASSWORD", false, text(&Config::smtp_password)},
      {"mail", "outbox_dir", "", false, text(&Config::outbox_dir)},
      {"invoicing", "invoice_backdate_days", "MDSC_INVOICE_BACKDATE_DAYS", true,
       whole(&Config::invoice_backdate_days, 0, 3660, "a number of days 0-3660")},
      {"invoicing", "invoice_forward_days", "MDSC_INVOICE_FORWARD_DAYS", true,
       whole(&Config::invoice_forward_days, 0, 366, "a number of days 0-366")},
      {"attendance", "checkin_opens_minutes", "MDSC_CHECKIN_OPENS_MINUTES", true,
       whole(&Config::checkin_opens_minutes, 0, 120, "a number of minutes 0-120")},
      {"attendance", "late_after_minutes", "MDSC_LATE_AFTER_MINUTES", true,
       whole(&Config::late_after_minutes, 0, 180, "a number of minutes 0-180")},
      {"recordings", "max_upload_mib", "MDSC_RECORDING_MAX_UPLOAD_MIB", true,
       [](Config& c, const std::string& v, const std::string& where) {
         c.recording_max_bytes = parse_uint(v, where, 1024 * 1024, "a size in MiB 1-1048576") << 20;
         if (c.recording_max_bytes == 0) fail(where, "must be at least 1 MiB");
       }},
      {"recordings", "credit_percent", "MDSC_RECORDING_CREDIT_PERCENT", true,
       whole(&Config::recording_credit_percent, 1, 100, "a percentage 1-100")},
      {"recordings", "credit_days", "MDSC_RECORDING_CREDIT_DAYS", true,
       whole(&Config::recording_credit_days, 0, 366, "a number of days 0-366")},
  };
  return all;
}

const Setting* find_setting(std::string_view section, std::string_view key) {
  for (const auto& s : settings())
    if (s.section == section && s.key == key) return &s;
  return nullptr;
}

void apply_node(Config& c, const Setting& s, const toml::node& node, const std::string& where) {
  if (s.integer) {
    auto n = node.value<std::int64_t>();
    if (!node.is_integer() || !n) fail(where, "must be an integer");
    if (*n < 0) fail(where, "must not be negative");
    s.set(c, std::to_string(*n), where);
  } else {
    if (!node.is_string()) fail(where, "must be a string");
    s.set(c, *node.value<std::string>(), where);
  }
}

void apply_toml(Config& c, const std::string& path) {
  if (!std::ifstream(path)) throw std::runtime_error("config: cannot read " + path);
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    throw std::runtime_error("config: " + path + ":" + std::to_string(where.line) + ":" +
                             std::to_string(where.column) + ": " + std::string(e.description()));
  }
  // Unknown keys are errors: a misspelt setting silently ignored is worse than a refusal.
  for (auto&& [key, node] : root) {
    const std::string k(key.str());
    if (auto* table = node.as_table()) {
      bool known_section = false;
      for (const auto& s : settings()) known_section = known_section || s.section == k;
      if (!known_section) fail(path + ": [" + k + "]", "is not a known section");
      for (auto&& [sub, subnode] : *table) {
        const std::string where = k + "." + std::string(sub.str());
        const Setting* s = find_setting(k, sub.str());
        if (!s) fail(path + ": " + where, "is not a known setting");
        apply_node(c, *s, subnode, where);
      }
    } else {
      const Setting* s = find_setting("", k);
      if (!s) fail(path + ": " + k, "is not a known setting (or belongs in a [section])");
      apply_node(c, *s, node, k);
    }
  }
}

// An empty variable counts as unset, so "MDSC_PORT= mdsc serve" keeps the file's value.
void apply_env(Config& c) {
  for (const auto& s : settings()) {
    if (s.env.empty()) continue;
    const char* v = std::getenv(std::string(s.env).c_str());
    if (v && *v) s.set(c, v, std::string(s.env));
  }
}

}  // namespace

Config load_config(const std::string& toml_path) {
  Config c;
  if (!toml_path.empty()) apply_toml(c, toml_path);
  apply_env(c);
  if (c.base_url.empty()) {
    const bool v6 = c.bind.find(':') != std::string::npos;
    c.base_url = "http://" + (v6 ? "[" + c.bind + "]" : c.bind) + ":" + std::to_string(c.port);
  }
  while (c.base_url.size() > 8 && c.base_url.back() == '/') c.base_url.pop_back();
  c.behind_tls = c.base_url.rfind("https://", 0) == 0;
  if (c.outbox_dir.empty()) c.outbox_dir = c.data_dir + "/outbox";
  return c;
}

}  // namespace mdsc
