// Asia/Tokyo presentation of UTC instants, through ICU so that zone rules come from tzdata
// rather than a hard-coded +9 hours.
#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/clock.h"
#include "core/i18n.h"

namespace mdsc::i18n {
namespace {

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string(what) + ": " + u_errorName(status));
}

icu::TimeZone* tokyo_zone() {
  icu::TimeZone* tz = icu::TimeZone::createTimeZone("Asia/Tokyo");
  // ICU silently returns "Etc/Unknown" (GMT) when its data lacks a zone: refuse that.
  if (*tz == icu::TimeZone::getUnknown()) {
    delete tz;
    throw std::runtime_error("ICU has no Asia/Tokyo time zone");
  }
  return tz;
}

std::unique_ptr<icu::SimpleDateFormat> make_format(const char* pattern, const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  auto f = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8(pattern),
                                                   icu::Locale(locale), status);
  check(status, "ICU date format");
  f->adoptTimeZone(tokyo_zone());
  return f;
}

// Creating ICU formatters costs ~100 µs and they are not thread-safe, while these run on every
// page render: one set per thread, built on first use.
struct TokyoFormats {
  // Explicit patterns, not locale defaults, so output does not shift with CLDR updates.
  std::unique_ptr<icu::SimpleDateFormat> ja_datetime =
      make_format("y年M月d日 H:mm", "ja_JP@calendar=gregorian");
  std::unique_ptr<icu::SimpleDateFormat> ja_date =
      make_format("y年M月d日(E)", "ja_JP@calendar=gregorian");
  std::unique_ptr<icu::SimpleDateFormat> en_datetime =
      make_format("d MMM y, HH:mm", "en@calendar=gregorian");
  std::unique_ptr<icu::SimpleDateFormat> en_date =
      make_format("EEE, d MMM y", "en@calendar=gregorian");
  std::unique_ptr<icu::Calendar> calendar;

  TokyoFormats() {
    UErrorCode status = U_ZERO_ERROR;
    calendar = std::make_unique<icu::GregorianCalendar>(tokyo_zone(), status);
    check(status, "ICU calendar");
    calendar->setLenient(false);  // tokyo_to_unix: a wall time that does not exist is an error
  }
};

TokyoFormats& formats() {
  thread_local TokyoFormats f;
  return f;
}

std::string format(icu::SimpleDateFormat& f, std::int64_t unix_seconds) {
  icu::UnicodeString out;
  f.format(static_cast<UDate>(unix_seconds) * 1000.0, out);
  std::string utf8;
  return out.toUTF8String(utf8);
}

}  // namespace

std::string format_datetime(std::string_view lang, std::int64_t unix_seconds) {
  auto& f = formats();
  return format(lang == "en" ? *f.en_datetime : *f.ja_datetime, unix_seconds);
}

std::string format_date(std::string_view lang, std::int64_t unix_seconds) {
  auto& f = formats();
  return format(lang == "en" ? *f.en_date : *f.ja_date, unix_seconds);
}

std::string tokyo_time_hm(std::int64_t unix_seconds) {
  const std::int64_t minutes = (((unix_seconds + 9 * 3600) % 86400 + 86400) % 86400) / 60;
  char out[8];
  std::snprintf(out, sizeof out, "%02d:%02d", static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
  return out;
}

std::string tokyo_date_iso(std::int64_t unix_seconds) {
  auto& cal = *formats().calendar;
  UErrorCode status = U_ZERO_ERROR;
  cal.setTime(static_cast<UDate>(unix_seconds) * 1000.0, status);
  int y = cal.get(UCAL_EXTENDED_YEAR, status);
  int m = cal.get(UCAL_MONTH, status) + 1;
  int d = cal.get(UCAL_DATE, status);
  check(status, "ICU calendar");
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool tokyo_to_unix(std::string_view date_iso, std::string_view time_hms,
                   std::int64_t& unix_seconds) {
  std::string wall = std::string(date_iso) + " " + std::string(time_hms);
  if (time_hms.size() == 5) wall += ":00";  // "HH:MM" from <input type=time>
  // parse_iso_utc validates strictly (field widths, month lengths, leap years); its result is
  // the wall time read as if it were UTC, from which we take the fields back.
  std::int64_t as_utc = 0;
  if (!parse_iso_utc(wall, as_utc)) return false;
  const std::string iso = to_iso_utc(as_utc);  // "YYYY-MM-DDTHH:MM:SSZ"
  auto field = [&](std::size_t pos, std::size_t len) { return std::stoi(iso.substr(pos, len)); };
  auto& cal = *formats().calendar;
  cal.clear();
  cal.set(field(0, 4), field(5, 2) - 1, field(8, 2), field(11, 2), field(14, 2), field(17, 2));
  UErrorCode status = U_ZERO_ERROR;
  const UDate ms = cal.getTime(status);
  if (U_FAILURE(status)) return false;
  unix_seconds = static_cast<std::int64_t>(ms / 1000.0);
  return true;
}

}  // namespace mdsc::i18n
