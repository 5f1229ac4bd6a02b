#pragma once
// Time behind a small interface so tests can fake it. All instants are UTC; presentation
// converts to Asia/Tokyo (see core/i18n.h).
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace mdsc {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
  std::int64_t now_unix() const {
    return std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
  }
  // The Asia/Tokyo day (YYYY-MM-DD) a demo clock is held on, or "" for a clock that tells the real date.
  virtual std::string demo_day() const { return ""; }
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// A clock that only moves when told to.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::int64_t unix_seconds = 1509321600 /* 2017-10-30T00:00:00Z */)
      : us_(unix_seconds * 1000000) {}
  TimePoint now() const override {
    return TimePoint(std::chrono::microseconds(us_.load()));
  }
  void set_unix(std::int64_t unix_seconds) { us_ = unix_seconds * 1000000; }
  void advance(std::chrono::seconds s) { us_ += s.count() * 1000000; }

 private:
  std::atomic<std::int64_t> us_;
};

// A demo database's clock: always the demo's day (Asia/Tokyo), at the real Asia/Tokyo time of
// day. It keeps no state of its own, so every instance serving the database tells the same time;
// time moves as it does for the people using the demo, and the day starts again at midnight.
class DemoClock final : public Clock {
 public:
  // `day` as YYYY-MM-DD; throws std::invalid_argument when it is not a date. `real` must outlive it.
  DemoClock(const std::string& day, const Clock& real);
  TimePoint now() const override;
  std::string demo_day() const override { return day_; }

 private:
  std::string day_;
  std::int64_t day_start_ = 0;  // the day's Asia/Tokyo midnight, Unix seconds
  const Clock& real_;
};

// ISO 8601 UTC timestamp with seconds, e.g. "2017-10-30T00:00:00Z" (how instants are stored).
std::string to_iso_utc(std::int64_t unix_seconds);
// Parses what to_iso_utc writes (and "YYYY-MM-DD HH:MM:SS"); returns false on bad input.
bool parse_iso_utc(const std::string& text, std::int64_t& unix_seconds);

}  // namespace mdsc
