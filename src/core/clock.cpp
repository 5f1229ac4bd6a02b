#include "core/clock.h"

#include <cstdio>
#include <stdexcept>

#include "core/i18n.h"

namespace mdsc {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian civil date (Howard Hinnant's algorithm):
// pure arithmetic, so neither TZ nor the C locale can change the result (timegm is not
// standard, mktime reads TZ).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
}

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(std::int64_t y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Reads exactly n ASCII digits at text[pos].
bool digits(const std::string& text, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > text.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

DemoClock::DemoClock(const std::string& day, const Clock& real) : day_(day), real_(real) {
  // tokyo_to_unix accepts only a real civil date written YYYY-MM-DD (not 2018-02-30, not 2018-1-5).
  if (!i18n::tokyo_to_unix(day, "00:00:00", day_start_))
    throw std::invalid_argument("not a date (YYYY-MM-DD): " + day);
}

TimePoint DemoClock::now() const {
  using std::chrono::microseconds;
  const std::int64_t real_us = std::chrono::duration_cast<microseconds>(real_.now().time_since_epoch()).count();
  std::int64_t real_s = real_us / 1000000;
  if (real_us % 1000000 < 0) --real_s;  // floor, for instants before 1970
  // Through the zone rules rather than a fixed +9 hours, as everything else that reads Tokyo time.
  std::int64_t real_midnight = 0;
  i18n::tokyo_to_unix(i18n::tokyo_date_iso(real_s), "00:00:00", real_midnight);
  return TimePoint(microseconds(day_start_ * 1000000 + (real_us - real_midnight * 1000000)));
}

std::string to_iso_utc(std::int64_t unix_seconds) {
  std::int64_t days = unix_seconds / 86400;
  std::int64_t secs = unix_seconds % 86400;
  if (secs < 0) {  // floor division for instants before 1970
    secs += 86400;
    --days;
  }
  std::int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(y), m,
                d, static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

bool parse_iso_utc(const std::string& text, std::int64_t& unix_seconds) {
  // "YYYY-MM-DDTHH:MM:SSZ" (20 chars) or "YYYY-MM-DD HH:MM:SS" (19 chars), nothing else.
  const bool with_t = text.size() == 20 && text[10] == 'T' && text[19] == 'Z';
  const bool with_space = text.size() == 19 && text[10] == ' ';
  if (!with_t && !with_space) return false;
  if (text[4] != '-' || text[7] != '-' || text[13] != ':' || text[16] != ':') return false;
  int y, mo, d, h, mi, s;
  if (!digits(text, 0, 4, y) || !digits(text, 5, 2, mo) || !digits(text, 8, 2, d) ||
      !digits(text, 11, 2, h) || !digits(text, 14, 2, mi) || !digits(text, 17, 2, s))
    return false;
  if (mo < 1 || mo > 12 || d < 1 || d > static_cast<int>(days_in_month(y, mo))) return false;
  if (h > 23 || mi > 59 || s > 59) return false;  // no leap seconds: Unix time has none
  unix_seconds = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
  return true;
}

}  // namespace mdsc
