// What a heartbeat may claim and what is watched: seeking adds nothing, a report cannot claim more
// than the server's clock allows, and the coverage survives being stored.
#include "modules/videos/coverage.h"

#include <gtest/gtest.h>

namespace mdsc::videos {
namespace {

TEST(Coverage, CountsEachSecondOnceAndSurvivesStorage) {
  Coverage c(100'000, "");  // 100 s
  EXPECT_EQ(c.total_seconds(), 100);
  c.add(0, 10'000);
  c.add(5'000, 15'000);  // overlaps: 5 more seconds
  EXPECT_EQ(c.watched_seconds(), 15);
  EXPECT_EQ(c.percent(), 15);
  const Coverage again(100'000, c.stored());
  EXPECT_EQ(again.watched_seconds(), 15);
  EXPECT_EQ(again.stored(), c.stored());
  c.add(99'500, 200'000);  // past the end: clipped to the last second
  EXPECT_EQ(c.watched_seconds(), 16);
  c.add(300'000, 400'000);  // wholly past the end: nothing
  c.add(50'000, 50'000);    // empty
  EXPECT_EQ(c.watched_seconds(), 16);
}

TEST(Coverage, AReportIsBelievedOnlyAsFarAsTheClockAllows) {
  EXPECT_EQ(believable_end(0, 10'000, 10'000), 10'000) << "ten seconds played in ten seconds";
  EXPECT_EQ(believable_end(0, 20'000, 10'000), 20'000) << "double speed";
  EXPECT_EQ(believable_end(0, 3'600'000, 10'000), 24'000) << "a whole lecture claimed in ten seconds";
  EXPECT_EQ(believable_end(0, 3'600'000, 3'600'000), 60'000) << "at most a minute per report";
  EXPECT_EQ(believable_end(5'000, 4'000, 10'000), 5'000) << "backwards is nothing";
}

TEST(Coverage, SeekingToTheEndWatchesNothingInBetween) {
  Coverage c(600'000, "");  // 10 minutes
  c.add(0, 60'000);         // the first minute played
  c.add(540'000, 600'000);  // then a seek to 9:00 and the last minute played
  EXPECT_EQ(c.percent(), 20);
}

}  // namespace
}  // namespace mdsc::videos
