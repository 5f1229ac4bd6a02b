#pragma once
// Tests speak in Asia/Tokyo dates and times, as the consortium does, and in UTC instants where a
// test is about the step between the two.
#include <gtest/gtest.h>

#include <cstdint>

#include "core/clock.h"
#include "core/i18n.h"

namespace mdsc::testing {

// Unix seconds of an Asia/Tokyo wall-clock time.
inline std::int64_t tokyo(const char* date, const char* time = "12:00:00") {
  std::int64_t t = 0;
  EXPECT_TRUE(i18n::tokyo_to_unix(date, time, t)) << date << " " << time;
  return t;
}

// Unix seconds of an ISO 8601 UTC time ("2017-10-29T15:00:00Z").
inline std::int64_t utc(const char* iso) {
  std::int64_t t = 0;
  EXPECT_TRUE(parse_iso_utc(iso, t)) << iso;
  return t;
}

}  // namespace mdsc::testing
