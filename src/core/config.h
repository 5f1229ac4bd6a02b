#pragma once
// Settings from (lowest to highest precedence): defaults, a TOML file (mdsc.toml or --config),
// environment variables (MDSC_DB, MDSC_BIND, MDSC_PORT, ...), then command-line options.
//
// The TOML file uses the field names below as keys, grouped in sections; unknown keys or
// sections are errors. Every key is optional:
//
//   log_level    = "info"              # MDSC_LOG_LEVEL: trace debug info warn error critical off
//   data_dir     = "/var/lib/mdsc"     # MDSC_DATA_DIR
//   resource_dir = ""                  # MDSC_RESOURCE_DIR (development: read templates from disk)
//
//   [server]
//   bind     = "127.0.0.1"             # MDSC_BIND
//   port     = 8080                    # MDSC_PORT (1-65535)
//   threads  = 0                       # MDSC_THREADS (0-1024)
//   base_url = "https://mdsc.example.jp"  # MDSC_BASE_URL; https:// sets behind_tls
//   trusted_proxies = "10.0.0.0/8, 192.0.2.5"  # MDSC_TRUSTED_PROXIES: only requests from these
//                                      # peers may name the client in X-Forwarded-For/-Proto
//
//   [database]
//   db_url  = "sqlite:/var/lib/mdsc/mdsc.db"  # MDSC_DB
//   db_pool = 0
//
//   [mail]
//   mail_from     = "MDSC 事務局 <office@mdsc.example.jp>"  # MDSC_MAIL_FROM
//   smtp_url      = "smtp://relay.example.jp:587"          # MDSC_SMTP_URL (smtp:// or smtps://)
//   smtp_user     = ""                                     # MDSC_SMTP_USER
//   smtp_password = ""                                     # MDSC_SMTP_PASSWORD
//   outbox_dir    = ""                                     # default <data_dir>/outbox
//
//   [invoicing]
//   invoice_backdate_days = 30   # MDSC_INVOICE_BACKDATE_DAYS (0-3660): an invoice or credit note may be
//                                #   dated up to this many days before today (Asia/Tokyo)...
//   invoice_forward_days  = 3    # MDSC_INVOICE_FORWARD_DAYS (0-366): ...or this many days after it.
//                                #   Never in a fiscal year the secretariat has closed.
//
//   [attendance]
//   checkin_opens_minutes = 15   # MDSC_CHECKIN_OPENS_MINUTES (0-120): check-in opens this long before a
//                                #   session starts and closes when it ends
//   late_after_minutes    = 10   # MDSC_LATE_AFTER_MINUTES (0-180): a check-in after start + this is late
//
// An environment variable that is set but empty counts as unset. behind_tls is not a setting:
// it follows base_url. A trailing "/" on base_url is removed so links can append "/path".
#include <cstdint>
#include <string>

#include "core/ip_address.h"

namespace mdsc {

// The defaults of the invoice date window, also used by operations called without a Config.
inline constexpr int kInvoiceBackdateDays = 30;
inline constexpr int kInvoiceForwardDays = 3;

struct Config {
  std::string db_url = "sqlite:mdsc-data/mdsc.db";
  std::string bind = "127.0.0.1";
  unsigned short port = 8080;
  unsigned threads = 0;              // 0: hardware concurrency
  std::string base_url;              // public URL for links in mails; default http://bind:port
  bool behind_tls = false;           // Secure + __Host- cookies; true when base_url is https
  std::string trusted_proxies;       // CIDR list, empty: X-Forwarded-* headers are never believed
  std::string data_dir = "mdsc-data";  // uploads, outbox
  std::string mail_from = "mdsc@localhost";
  std::string smtp_url;              // empty: outbox folder
  std::string smtp_user;
  std::string smtp_password;
  std::string outbox_dir;            // default <data_dir>/outbox
  std::string resource_dir;          // development override for templates/static (MDSC_RESOURCE_DIR)
  std::string log_level = "info";
  std::size_t db_pool = 0;           // 0: threads + 2
  net::CidrList proxies;             // trusted_proxies, parsed
  int invoice_backdate_days = kInvoiceBackdateDays;
  int invoice_forward_days = kInvoiceForwardDays;
  int checkin_opens_minutes = 15;
  int late_after_minutes = 10;
  std::uint64_t recording_max_bytes = 8ull << 30;  // a lecture's recording: 8 GiB
  int recording_credit_percent = 80;               // watched this much of a missed session's recording ...
  int recording_credit_days = 14;                  // ... within this many days of it: remote credit
};

// Reads the TOML file if path is non-empty (missing file is an error) and the environment.
// Throws std::runtime_error with a one-line message on bad values.
Config load_config(const std::string& toml_path);

}  // namespace mdsc
