#include "core/log.h"

#include <gtest/gtest.h>

namespace mdsc {
namespace {

TEST(Log, LevelFromString) {
  log::init("debug");
  EXPECT_EQ(spdlog::default_logger()->level(), spdlog::level::debug);
  log::init("off");
  EXPECT_EQ(spdlog::default_logger()->level(), spdlog::level::off);
  log::init("nonsense");  // a typo must not silence logging
  EXPECT_EQ(spdlog::default_logger()->level(), spdlog::level::info);
  log::init("warn");
  EXPECT_EQ(spdlog::default_logger()->level(), spdlog::level::warn);
}

TEST(Log, UtcPattern) {
  log::init("info");
  ::testing::internal::CaptureStderr();
  spdlog::info("hello {}", 42);
  const std::string out = ::testing::internal::GetCapturedStderr();
  // 2017-10-30T00:00:00.000Z info hello 42
  ASSERT_GE(out.size(), 25u) << out;
  EXPECT_EQ(out[4], '-');
  EXPECT_EQ(out[10], 'T');
  EXPECT_EQ(out[23], 'Z');
  EXPECT_EQ(out.substr(24), " info hello 42\n");
}

}  // namespace
}  // namespace mdsc
