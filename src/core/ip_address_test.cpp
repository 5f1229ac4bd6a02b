#include "core/ip_address.h"

#include <gtest/gtest.h>

#include <vector>

namespace mdsc::net {
namespace {

TEST(IpAddress, ParsesBothFamiliesAndMapsV4InV6) {
  EXPECT_EQ(parse_address("192.0.2.1")->to_string(), "192.0.2.1");
  EXPECT_EQ(parse_address(" 2001:db8::1 ")->to_string(), "2001:db8::1");
  EXPECT_EQ(parse_address("[2001:db8::1]")->to_string(), "2001:db8::1");
  EXPECT_EQ(parse_address("::ffff:192.0.2.1")->to_string(), "192.0.2.1");
  for (const char* bad : {"", "192.0.2", "192.0.2.256", "example.org", "1.2.3.4:80", "unknown", "::g"})
    EXPECT_FALSE(parse_address(bad).has_value()) << bad;
}

TEST(IpAddress, RangesContainTheirAddressesOnly) {
  struct Range {
    const char* cidr;
    std::vector<const char*> inside, outside;
  };
  const Range ranges[] = {
      {"10.0.0.0/8", {"10.255.1.2", "::ffff:10.0.0.1"}, {"11.0.0.1", "::ffff:11.0.0.1"}},
      {"192.0.2.128/25", {"192.0.2.200"}, {"192.0.2.127"}},
      {"2001:db8::/32", {"2001:db8:ffff::1"}, {"2001:db9::1", "10.0.0.1"}},
      {"127.0.0.1", {"127.0.0.1"}, {"127.0.0.2"}},  // one address
      {"0.0.0.0/0", {"203.0.113.1"}, {}},
  };
  for (const Range& range : ranges) {
    SCOPED_TRACE(range.cidr);
    const auto r = parse_cidr(range.cidr);
    ASSERT_TRUE(r);
    for (const char* a : range.inside) EXPECT_TRUE(r->contains(*parse_address(a))) << a;
    for (const char* a : range.outside) EXPECT_FALSE(r->contains(*parse_address(a))) << a;
  }
  for (const char* bad : {"10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "2001:db8::/129", "x/8", "10.0.0.0/8x"})
    EXPECT_FALSE(parse_cidr(bad).has_value()) << bad;
}

TEST(IpAddress, ListsAreCommaOrSpaceSeparatedAndNameTheirBadEntry) {
  std::string bad;
  auto list = parse_cidr_list("10.0.0.0/8, 192.0.2.5  2001:db8::/32", &bad);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->ranges.size(), 3u);
  EXPECT_TRUE(list->contains("192.0.2.5"));
  EXPECT_FALSE(list->contains("192.0.2.6"));
  EXPECT_FALSE(list->contains("not an address"));
  EXPECT_TRUE(parse_cidr_list("")->empty());
  EXPECT_FALSE(parse_cidr_list("10.0.0.0/8, 300.1.1.1", &bad));
  EXPECT_EQ(bad, "300.1.1.1");
}

}  // namespace
}  // namespace mdsc::net
