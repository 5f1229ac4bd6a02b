#include "core/log.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <memory>

namespace mdsc::log {

void init(const std::string& level) {
  // Plain stderr (no colour codes): the output usually goes to journald or a file.
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  auto logger = std::make_shared<spdlog::logger>("mdsc", sink);
  // UTC with milliseconds, like every timestamp we store.
  logger->set_formatter(std::make_unique<spdlog::pattern_formatter>(
      "%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc));
  // spdlog::level::from_str maps unknown names to "off"; a typo must not silence the logs.
  auto lvl = spdlog::level::from_str(level);
  const bool unknown = lvl == spdlog::level::off && level != "off";
  logger->set_level(unknown ? spdlog::level::info : lvl);
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  if (unknown) spdlog::warn("unknown log level \"{}\", using info", level);
}

}  // namespace mdsc::log
