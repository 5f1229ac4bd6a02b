#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/i18n.h"
#include "support/tokyo.h"

namespace mdsc::i18n {
namespace {

using testing::utc;

// An instant as the pages show it: date and time, then the date alone, each in Japanese and English.
std::vector<std::string> shown(std::int64_t t) {
  return {format_datetime("ja", t), format_datetime("en", t), format_date("ja", t), format_date("en", t)};
}

TEST(TokyoTime, FormatsAcrossUtcDayBoundary) {
  // 15:00 UTC on the 29th is midnight on the 30th in Tokyo.
  const auto t = utc("2017-10-29T15:00:00Z");
  EXPECT_EQ(shown(t), (std::vector<std::string>{"2017年10月30日 0:00", "30 Oct 2017, 00:00", "2017年10月30日(月)",
                                                "Mon, 30 Oct 2017"}));
  EXPECT_EQ(tokyo_date_iso(t), "2017-10-30");
  EXPECT_EQ(tokyo_date_iso(t - 1), "2017-10-29");
  EXPECT_EQ(format_date("ja", t - 1), "2017年10月29日(日)");
  EXPECT_EQ(format_datetime("en", t - 60), "29 Oct 2017, 23:59");
}

TEST(TokyoTime, Examples) {
  const auto t = utc("2017-10-30T00:00:00Z");
  EXPECT_EQ(shown(t), (std::vector<std::string>{"2017年10月30日 9:00", "30 Oct 2017, 09:00", "2017年10月30日(月)",
                                                "Mon, 30 Oct 2017"}));
  EXPECT_EQ(format_datetime("qqx", t), "2017年10月30日 9:00");  // others format as Japanese
  EXPECT_EQ(format_datetime("ja", utc("2017-12-01T09:05:00Z")), "2017年12月1日 18:05");
}

TEST(TokyoTime, ToUnixRoundTrip) {
  std::int64_t t = 0;
  ASSERT_TRUE(tokyo_to_unix("2017-10-30", "00:00:00", t));
  EXPECT_EQ(t, utc("2017-10-29T15:00:00Z"));
  ASSERT_TRUE(tokyo_to_unix("2017-11-17", "23:59:59", t));
  EXPECT_EQ(t, utc("2017-11-17T14:59:59Z"));
  EXPECT_EQ(tokyo_date_iso(t), "2017-11-17");
  EXPECT_EQ(tokyo_date_iso(t + 1), "2017-11-18");
  ASSERT_TRUE(tokyo_to_unix("2017-12-01", "18:00", t));  // HH:MM from <input type=time>
  EXPECT_EQ(t, utc("2017-12-01T09:00:00Z"));
  ASSERT_TRUE(tokyo_to_unix("2020-02-29", "12:00:00", t));
  for (std::int64_t x = utc("2017-01-01T00:00:00Z"); x < utc("2018-01-01T00:00:00Z");
       x += 86400 * 7 + 3607) {
    std::string d = tokyo_date_iso(x);
    std::int64_t midnight = 0;
    ASSERT_TRUE(tokyo_to_unix(d, "00:00:00", midnight));
    EXPECT_LE(midnight, x);
    EXPECT_GT(midnight + 86400, x);
  }
}

TEST(TokyoTime, ToUnixRejectsBadInput) {
  std::int64_t t = 0;
  EXPECT_FALSE(tokyo_to_unix("2017-02-29", "00:00:00", t));
  EXPECT_FALSE(tokyo_to_unix("2017-10-30", "24:00:00", t));
  EXPECT_FALSE(tokyo_to_unix("2017-10-30", "9:00", t));
  EXPECT_FALSE(tokyo_to_unix("2017/10/30", "09:00:00", t));
  EXPECT_FALSE(tokyo_to_unix("", "", t));
  EXPECT_FALSE(tokyo_to_unix("2017-10-30", "09:00:00Z", t));
}

TEST(TokyoTime, ThreadsHaveTheirOwnFormatters) {
  const auto t = utc("2017-10-30T00:00:00Z");
  std::vector<std::thread> threads;
  std::vector<std::string> out(4);
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      for (int k = 0; k < 200; ++k) out[i] = format_datetime(i % 2 ? "en" : "ja", t);
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(out[0], "2017年10月30日 9:00");
  EXPECT_EQ(out[1], "30 Oct 2017, 09:00");
}

}  // namespace
}  // namespace mdsc::i18n
