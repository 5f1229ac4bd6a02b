#pragma once
// Logging through spdlog to stderr. Never log personal data: no e-mail addresses, names,
// passwords, tokens or request bodies. Log ids instead.
#include <spdlog/spdlog.h>

namespace mdsc::log {
void init(const std::string& level);  // "debug", "info", "warn", "error", "off"
}  // namespace mdsc::log
