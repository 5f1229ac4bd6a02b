// Japanese fiscal years (April 1 – March 31) and their era names (平成29年度).
#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <iterator>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/clock.h"
#include "core/i18n.h"

namespace mdsc::i18n {
namespace {

// Fiscal years whose official name differs from the era in force on April 1. FY2019 began in
// Heisei 31 (the era changed on 2019-05-01) but the government named it 令和元年度.
const std::map<int, std::string> kEraOverrides = {{2019, "令和元年度"}};

// Modern eras in order; ICU numbers eras from Taika (645), so we find Meiji's number at run
// time rather than hard-coding ICU's indices.
constexpr const char* kModernEras[] = {"明治", "大正", "昭和", "平成", "令和"};

// ICU calendars cost tens of microseconds to create and are not thread-safe: one per thread.
struct JapaneseCalendar {
  std::unique_ptr<icu::Calendar> cal;
  int meiji = 0;

  JapaneseCalendar() {
    UErrorCode status = U_ZERO_ERROR;
    cal.reset(icu::Calendar::createInstance(icu::TimeZone::createTimeZone("Asia/Tokyo"),
                                            icu::Locale("ja_JP@calendar=japanese"), status));
    if (U_FAILURE(status) || !cal)
      throw std::runtime_error(std::string("ICU Japanese calendar: ") + u_errorName(status));
    meiji = era_at("1900-01-01 03:00:00");
  }

  // ERA and era-year (UCAL_YEAR; UCAL_EXTENDED_YEAR would be the Western year) at a UTC instant.
  int era_at(const char* utc, int* year = nullptr) {
    std::int64_t unix = 0;
    if (!parse_iso_utc(utc, unix)) throw std::logic_error("bad instant");
    UErrorCode status = U_ZERO_ERROR;
    cal->setTime(static_cast<UDate>(unix) * 1000.0, status);
    int era = cal->get(UCAL_ERA, status);
    if (year) *year = cal->get(UCAL_YEAR, status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU: ") + u_errorName(status));
    return era;
  }
};

std::string compute_era_label(int fy) {
  if (auto it = kEraOverrides.find(fy); it != kEraOverrides.end()) return it->second;
  // Outside the eras we name, the Western form is still correct.
  if (fy < 1868 || fy > 9999) return fiscal_year_label(fy);
  thread_local JapaneseCalendar jc;
  // April 1, noon in Tokyo (03:00 UTC): well inside the day whatever the zone.
  char when[48];
  std::snprintf(when, sizeof when, "%04d-04-01 03:00:00", fy);
  int year = 0;
  int index = jc.era_at(when, &year) - jc.meiji;
  if (index < 0 || index >= static_cast<int>(std::size(kModernEras))) return fiscal_year_label(fy);
  return std::string(kModernEras[index]) + (year == 1 ? "元" : std::to_string(year)) + "年度";
}

}  // namespace

int fiscal_year_of(int year, int month, int /*day*/) { return month >= 4 ? year : year - 1; }

std::string fiscal_year_label(int fy) { return "FY" + std::to_string(fy); }

std::string fiscal_year_era_label(int fy) {
  // Labels appear in every list of memberships and invoices: remember them per thread.
  thread_local std::map<int, std::string> cache;
  auto it = cache.find(fy);
  if (it == cache.end()) it = cache.emplace(fy, compute_era_label(fy)).first;
  return it->second;
}

std::string fiscal_year_display(std::string_view lang, int fy) {
  if (lang == "en") return fiscal_year_label(fy) + " (" + fiscal_year_era_label(fy) + ")";
  return fiscal_year_era_label(fy) + " (" + fiscal_year_label(fy) + ")";
}

}  // namespace mdsc::i18n
