#include "http/target.h"

#include <gtest/gtest.h>

namespace mdsc::http {
namespace {

struct Split {
  bool ok;
  std::string path;
  std::string query;
};

Split split(std::string_view target) {
  Split s;
  s.ok = split_target(target, s.path, s.query);
  return s;
}

TEST(SplitTarget, DecodesPathAndKeepsQueryRaw) {
  auto s = split("/members/%E5%B1%B1%20a?name=%E5%B1%B1&x=1");
  EXPECT_TRUE(s.ok);
  EXPECT_EQ(s.path, "/members/\xE5\xB1\xB1 a");
  EXPECT_EQ(s.query, "name=%E5%B1%B1&x=1");
}

TEST(SplitTarget, PlusIsNotASpaceInPaths) {
  auto s = split("/a+b");
  EXPECT_TRUE(s.ok);
  EXPECT_EQ(s.path, "/a+b");
}

TEST(SplitTarget, EmptyQuery) {
  auto s = split("/x?");
  EXPECT_TRUE(s.ok);
  EXPECT_EQ(s.path, "/x");
  EXPECT_EQ(s.query, "");
}

TEST(SplitTarget, RejectsInvalidEscapesAndNul) {
  EXPECT_FALSE(split("/a%zz").ok);
  EXPECT_FALSE(split("/a%4").ok);
  EXPECT_FALSE(split("/a%").ok);
  EXPECT_FALSE(split("/a%00b").ok);
  EXPECT_FALSE(split(std::string_view("/a\0b", 4)).ok);
  EXPECT_TRUE(split("/a?q=%zz").ok);  // the query is the web layer's to decode
}

TEST(SplitTarget, RejectsTargetsOutsideTheForms) {
  EXPECT_FALSE(split("").ok);
  EXPECT_FALSE(split("relative/path").ok);
  EXPECT_FALSE(split("?x=1").ok);
}

TEST(SplitTarget, AcceptsAbsoluteFormAndAsterisk) {
  auto s = split("http://example.org:8080/a%2Fb?q=1");
  EXPECT_TRUE(s.ok);
  EXPECT_EQ(s.path, "/a/b");
  EXPECT_EQ(s.query, "q=1");
  s = split("HTTPS://example.org");
  EXPECT_TRUE(s.ok);
  EXPECT_EQ(s.path, "/");
  s = split("http://example.org?x");
  EXPECT_TRUE(s.ok);
  EXPECT_EQ(s.path, "/");
  EXPECT_EQ(s.query, "x");
  s = split("*");
  EXPECT_TRUE(s.ok);
  EXPECT_EQ(s.path, "*");
}

}  // namespace
}  // namespace mdsc::http
