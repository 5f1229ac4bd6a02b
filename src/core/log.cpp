#include "core/log.h"

#include <unistd.h>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/sink.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <memory>
#include <mutex>

namespace mdsc::log {
namespace {

constexpr const char* kAccessLoggerName = "access";  // no dot: the catalogue test reads dotted literals as message ids
constexpr std::size_t kAccessBuffer = 16 * 1024;

// Plain stderr (no colour codes): the output usually goes to journald or a file. Lines from the
// access logger wait in a buffer; any other line writes the buffer and itself at once. One
// write(2) per 16 KiB of access lines instead of one per request: with a write per line, the
// access log was a tenth of a small request's CPU time (docs/performance.md).
class StderrSink final : public spdlog::sinks::sink {
 public:
  ~StderrSink() override {
    std::lock_guard lock(mutex_);
    write_out();
  }

  void log(const spdlog::details::log_msg& msg) override {
    std::lock_guard lock(mutex_);
    formatter_->format(msg, buffer_);
    if (msg.logger_name != kAccessLoggerName || buffer_.size() >= kAccessBuffer) write_out();
  }
  void flush() override {
    std::lock_guard lock(mutex_);
    write_out();
  }
  void set_pattern(const std::string& pattern) override {
    std::lock_guard lock(mutex_);
    formatter_ = std::make_unique<spdlog::pattern_formatter>(pattern);
  }
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override {
    std::lock_guard lock(mutex_);
    formatter_ = std::move(formatter);
  }

 private:
  void write_out() {
    const char* p = buffer_.data();
    std::size_t left = buffer_.size();
    while (left > 0) {
      ssize_t n = ::write(STDERR_FILENO, p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // nowhere to log that logging failed
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }

  std::mutex mutex_;
  std::unique_ptr<spdlog::formatter> formatter_ = std::make_unique<spdlog::pattern_formatter>();
  spdlog::memory_buf_t buffer_;
};

// Set by init(); older ones stay alive (init() runs again in tests while others may log).
std::atomic<spdlog::logger*> g_access{nullptr};

}  // namespace

void init(const std::string& level) {
  auto sink = std::make_shared<StderrSink>();
  // UTC with milliseconds, like every timestamp we store.
  sink->set_formatter(std::make_unique<spdlog::pattern_formatter>(
      "%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc));
  auto logger = std::make_shared<spdlog::logger>("mdsc", sink);
  auto access_logger = std::make_shared<spdlog::logger>(kAccessLoggerName, sink);
  // spdlog::level::from_str maps unknown names to "off"; a typo must not silence the logs.
  auto lvl = spdlog::level::from_str(level);
  const bool unknown = lvl == spdlog::level::off && level != "off";
  logger->set_level(unknown ? spdlog::level::info : lvl);
  access_logger->set_level(logger->level());
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  static std::mutex keep_mutex;
  static std::vector<std::shared_ptr<spdlog::logger>> keep;
  {
    std::lock_guard lock(keep_mutex);
    keep.push_back(access_logger);
  }
  g_access.store(access_logger.get(), std::memory_order_release);
  // Flushing the default logger writes out the shared buffer, access lines included.
  spdlog::flush_every(std::chrono::seconds(1));
  if (unknown) spdlog::warn("unknown log level \"{}\", using info", level);
}

spdlog::logger& access() {
  if (auto* l = g_access.load(std::memory_order_acquire)) return *l;
  return *spdlog::default_logger_raw();
}

}  // namespace mdsc::log
