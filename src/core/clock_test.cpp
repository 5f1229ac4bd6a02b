#include "core/clock.h"

#include <gtest/gtest.h>

namespace mdsc {
namespace {

TEST(Clock, IsoRoundTrip) {
  EXPECT_EQ(to_iso_utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(to_iso_utc(1509321600), "2017-10-30T00:00:00Z");
  EXPECT_EQ(to_iso_utc(951782400), "2000-02-29T00:00:00Z");  // leap day of a /400 year
  EXPECT_EQ(to_iso_utc(-1), "1969-12-31T23:59:59Z");
  for (std::int64_t t : {0LL, 1509321600LL, 1509321599LL, 4102444799LL, -86400LL, 951868799LL}) {
    std::int64_t back = 0;
    ASSERT_TRUE(parse_iso_utc(to_iso_utc(t), back)) << t;
    EXPECT_EQ(back, t);
  }
}

TEST(Clock, ParsesSpaceForm) {
  std::int64_t t = 0;
  ASSERT_TRUE(parse_iso_utc("2017-10-29 15:00:00", t));
  EXPECT_EQ(t, 1509289200);
}

TEST(Clock, RejectsBadInput) {
  std::int64_t t = 0;
  for (const char* bad : {"", "2017-10-30", "2017-10-30T00:00:00", "2017-13-01T00:00:00Z",
                          "2017-02-29T00:00:00Z", "2017-10-30T24:00:00Z", "2017-10-30T00:60:00Z",
                          "2017-10-30T00:00:60Z", "2017-1O-30T00:00:00Z", "2017-10-30X00:00:00Z",
                          "2017-10-30T00:00:00+09:00", "2017-10-30T00:00:00Z "}) {
    EXPECT_FALSE(parse_iso_utc(bad, t)) << bad;
  }
  EXPECT_TRUE(parse_iso_utc("2016-02-29T00:00:00Z", t));
  EXPECT_FALSE(parse_iso_utc("1900-02-29T00:00:00Z", t));
}

TEST(Clock, FakeClockMovesOnlyWhenTold) {
  FakeClock c;
  EXPECT_EQ(c.now_unix(), 1509321600);
  c.advance(std::chrono::seconds(90));
  EXPECT_EQ(c.now_unix(), 1509321690);
  c.set_unix(0);
  EXPECT_EQ(c.now_unix(), 0);
}

// 2018-01-15 00:00 in Asia/Tokyo is 2018-01-14T15:00:00Z.
constexpr std::int64_t kDemoMidnight = 1515942000;

TEST(DemoClock, ShowsTheDemoDayAtTheRealTokyoTimeOfDay) {
  FakeClock real;
  real.set_unix(1750000000);  // 2025-06-16T00:06:40+09:00 (Tokyo), 2025-06-15T15:06:40Z
  DemoClock demo("2018-01-15", real);
  EXPECT_EQ(demo.now_unix(), kDemoMidnight + 6 * 60 + 40);
  EXPECT_EQ(demo.demo_day(), "2018-01-15");
  EXPECT_EQ(SystemClock().demo_day(), "") << "a real clock is no demo";
  // It moves with the real clock, to the second and below.
  real.advance(std::chrono::hours(9));
  EXPECT_EQ(demo.now_unix(), kDemoMidnight + 9 * 3600 + 6 * 60 + 40);
  // A Tokyo time of day just before midnight, whatever the UTC date says.
  real.set_unix(1750000000 + 86400 - 400 - 1);  // 23:59:59 in Tokyo
  EXPECT_EQ(demo.now_unix(), kDemoMidnight + 86399);
  // Then the demo's day starts again.
  real.advance(std::chrono::seconds(1));
  EXPECT_EQ(demo.now_unix(), kDemoMidnight);
}

TEST(DemoClock, KeepsNoStateSoInstancesAgree) {
  FakeClock real;
  real.set_unix(1700000000);
  DemoClock first("2018-01-15", real);
  real.advance(std::chrono::hours(30));  // a second instance started a day and more later
  DemoClock second("2018-01-15", real);
  EXPECT_EQ(first.now(), second.now());
}

TEST(DemoClock, RefusesWhatIsNotADate) {
  SystemClock real;
  for (const char* bad : {"", "2018-1-15", "2018-02-30", "2018-01-15T00:00:00Z", "15/01/2018", "tomorrow"})
    EXPECT_THROW(DemoClock(bad, real), std::invalid_argument) << bad;
}

}  // namespace
}  // namespace mdsc
