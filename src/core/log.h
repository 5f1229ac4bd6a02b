#pragma once
// Logging through spdlog to stderr. Never log personal data: no e-mail addresses, names,
// passwords, tokens or request bodies. Log ids instead.
#include <spdlog/spdlog.h>

namespace mdsc::log {
void init(const std::string& level);  // "debug", "info", "warn", "error", "off"

// The logger for the access log, one line per request (at info). After init() its lines go
// to stderr through a buffer, written out when 16 KiB have collected, once a second, and
// before any other log line (so every line keeps its place); a crash loses at most the last
// second of access lines. Before init() (tests that capture the log), the default logger.
spdlog::logger& access();
}  // namespace mdsc::log
