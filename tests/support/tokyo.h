#pragma once
// Tests speak in Asia/Tokyo dates and times, as the consortium does.
#include <gtest/gtest.h>

#include <cstdint>

#include "core/i18n.h"

namespace mdsc::testing {

// Unix seconds of an Asia/Tokyo wall-clock time.
inline std::int64_t tokyo(const char* date, const char* time = "12:00:00") {
  std::int64_t t = 0;
  EXPECT_TRUE(i18n::tokyo_to_unix(date, time, t)) << date << " " << time;
  return t;
}

}  // namespace mdsc::testing
