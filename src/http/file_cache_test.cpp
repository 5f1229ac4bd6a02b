#include "http/file_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace mdsc::http {
namespace {

namespace fs = std::filesystem;

class FileCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mdsc-file-cache-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& content) {
    auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
    return path;
  }
  fs::path dir_;
};

TEST_F(FileCacheTest, ServesSmallFilesFromMemoryUntilTheyChange) {
  FileCache cache;
  auto path = write("a.css", "body{}");
  auto first = cache.lookup(path);
  ASSERT_FALSE(first.error);
  ASSERT_TRUE(first.content);
  EXPECT_EQ(*first.content, "body{}");
  EXPECT_EQ(first.size, 6u);
  EXPECT_EQ(cache.lookup(path).content, first.content);  // the same bytes, not read again

  write("a.css", "body{color:red}");
  auto changed = cache.lookup(path);
  ASSERT_TRUE(changed.content);
  EXPECT_EQ(*changed.content, "body{color:red}");

  // Same size, new modification time.
  write("a.css", "body{color:blu}");
  fs::last_write_time(path, fs::last_write_time(path) + std::chrono::seconds(5));
  EXPECT_EQ(*cache.lookup(path).content, "body{color:blu}");

  // Replaced by rename (a new inode), as deployments do.
  auto other = write("b.css", "p{}");
  fs::rename(other, path);
  EXPECT_EQ(*cache.lookup(path).content, "p{}");
}

TEST_F(FileCacheTest, LargeFilesComeBackWithTheirSizeOnly) {
  FileCache cache(/*max_file_size=*/10);
  auto path = write("big.bin", std::string(11, 'x'));
  auto found = cache.lookup(path);
  EXPECT_FALSE(found.error);
  EXPECT_FALSE(found.content);
  EXPECT_EQ(found.size, 11u);
}

TEST_F(FileCacheTest, MissingFilesAndDirectoriesAreErrors) {
  FileCache cache;
  auto missing = cache.lookup((dir_ / "nope").string());
  EXPECT_EQ(missing.error, std::errc::no_such_file_or_directory);
  EXPECT_FALSE(missing.content);
  EXPECT_EQ(cache.lookup(dir_.string()).error, std::errc::is_a_directory);
  auto path = write("gone.txt", "x");
  ASSERT_TRUE(cache.lookup(path).content);
  fs::remove(path);
  EXPECT_EQ(cache.lookup(path).error, std::errc::no_such_file_or_directory);
}

TEST_F(FileCacheTest, StaysWithinItsBudget) {
  FileCache cache(/*max_file_size=*/100, /*max_total_size=*/250);
  auto a = write("a", std::string(100, 'a'));
  auto b = write("b", std::string(100, 'b'));
  auto c = write("c", std::string(100, 'c'));
  auto first_a = cache.lookup(a).content;
  EXPECT_EQ(cache.lookup(a).content, first_a);
  cache.lookup(b);
  cache.lookup(c);  // over budget: the cache starts over
  auto again = cache.lookup(a);
  EXPECT_EQ(*again.content, std::string(100, 'a'));
  EXPECT_NE(again.content, first_a);
}

}  // namespace
}  // namespace mdsc::http
