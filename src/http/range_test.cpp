// Byte ranges as browsers' <video> and download managers ask for them.
#include "http/range.h"

#include <gtest/gtest.h>

namespace mdsc::http {
namespace {

using Kind = RangeRequest::Kind;

TEST(Range, FirstBytesOpenRangesAndSuffixes) {
  auto r = parse_range("bytes=0-0", 1000);
  ASSERT_EQ(r.kind, Kind::part);
  EXPECT_EQ(r.range.first, 0u);
  EXPECT_EQ(r.range.length(), 1u);
  r = parse_range("bytes=500-", 1000);
  EXPECT_EQ(r.kind, Kind::part);
  EXPECT_EQ(r.range.first, 500u);
  EXPECT_EQ(r.range.last, 999u);
  r = parse_range("bytes=-100", 1000);
  EXPECT_EQ(r.range.first, 900u);
  EXPECT_EQ(r.range.last, 999u);
  r = parse_range("bytes=-5000", 1000);
  EXPECT_EQ(r.range.first, 0u) << "a suffix longer than the file is all of it";
  r = parse_range("bytes=900-5000", 1000);
  EXPECT_EQ(r.range.last, 999u) << "the end is clipped to the file";
  EXPECT_EQ(content_range(r.range, 1000), "bytes 900-999/1000");
}

TEST(Range, BeyondTheEndIsUnsatisfiable) {
  EXPECT_EQ(parse_range("bytes=1000-", 1000).kind, Kind::unsatisfiable);
  EXPECT_EQ(parse_range("bytes=2000-3000", 1000).kind, Kind::unsatisfiable);
  EXPECT_EQ(parse_range("bytes=-0", 1000).kind, Kind::unsatisfiable);
  EXPECT_EQ(parse_range("bytes=0-", 0).kind, Kind::unsatisfiable);
  EXPECT_EQ(unsatisfied_range(1000), "bytes */1000");
}

TEST(Range, AnythingElseMeansTheWholeRepresentation) {
  for (const char* h : {"", "bytes=", "bytes=5-1", "bytes=a-b", "items=0-5", "bytes=0-1,5-6", "bytes=--1", "bytes 0-1"})
    EXPECT_EQ(parse_range(h, 1000).kind, Kind::whole) << h;
}

TEST(Range, IfRangeHoldsOnlyForTheSameStrongTagOrDate) {
  const char* etag = "\"sha256-abcd\"";
  const char* date = "Mon, 15 Jan 2018 01:00:00 GMT";
  EXPECT_TRUE(if_range_holds("", etag, date));
  EXPECT_TRUE(if_range_holds("\"sha256-abcd\"", etag, date));
  EXPECT_FALSE(if_range_holds("\"sha256-ffff\"", etag, date));
  EXPECT_FALSE(if_range_holds("W/\"sha256-abcd\"", etag, date));
  EXPECT_TRUE(if_range_holds(date, etag, date));
  EXPECT_FALSE(if_range_holds("Tue, 16 Jan 2018 01:00:00 GMT", etag, date));
}

}  // namespace
}  // namespace mdsc::http
