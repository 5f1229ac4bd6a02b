#include "core/money.h"

#include <gtest/gtest.h>

#include <limits>

namespace mdsc::money {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

TEST(Money, AddAtTheLimits) {
  EXPECT_EQ(add(kMax - 1, 1), kMax);
  EXPECT_EQ(add(kMax, 1), std::nullopt);
  EXPECT_EQ(add(kMin + 1, -1), kMin);
  EXPECT_EQ(add(kMin, -1), std::nullopt);
  EXPECT_EQ(add(kMax, kMin), -1);
  EXPECT_EQ(add(2'000'000, 200'000), 2'200'000);
}

TEST(Money, SubtractAtTheLimits) {
  EXPECT_EQ(sub(kMin + 1, 1), kMin);
  EXPECT_EQ(sub(kMin, 1), std::nullopt);
  EXPECT_EQ(sub(0, kMax), kMin + 1);
  EXPECT_EQ(sub(-1, kMax), kMin);
  EXPECT_EQ(sub(-2, kMax), std::nullopt);
}

TEST(Money, MultiplyAtTheLimits) {
  EXPECT_EQ(mul(kMax / 10, 10), kMax / 10 * 10);
  EXPECT_EQ(mul(kMax / 10 + 1, 10), std::nullopt);
  EXPECT_EQ(mul(kMin, -1), std::nullopt);
  EXPECT_EQ(mul(kMin, 1), kMin);
  EXPECT_EQ(mul(kMaxAmount, 10), 1'000'000'000);
}

TEST(Money, NegateRefusesOnlyTheSmallest) {
  EXPECT_EQ(negate(kMax), kMin + 1);
  EXPECT_EQ(negate(kMin + 1), kMax);
  EXPECT_EQ(negate(kMin), std::nullopt);
  EXPECT_EQ(negate(-550'000), 550'000);
}

TEST(Money, TheBoundOnTypedAmounts) {
  EXPECT_TRUE(within_limit(0));
  EXPECT_TRUE(within_limit(kMaxAmount));
  EXPECT_FALSE(within_limit(kMaxAmount + 1));
  EXPECT_FALSE(within_limit(-1));
  EXPECT_FALSE(within_limit(kMax));
}

}  // namespace
}  // namespace mdsc::money
