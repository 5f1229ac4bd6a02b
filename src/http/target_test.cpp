#include "http/target.h"

#include <gtest/gtest.h>

#include <ostream>

namespace mdsc::http {
namespace {

struct Split {
  bool ok;
  std::string path;
  std::string query;
  bool operator==(const Split&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Split& s) {
  return out << (s.ok ? "ok" : "refused") << " path=\"" << s.path << "\" query=\"" << s.query << '"';
}

Split split(std::string_view target) {
  Split s;
  s.ok = split_target(target, s.path, s.query);
  return s;
}

TEST(SplitTarget, DecodesPathAndKeepsQueryRaw) {
  EXPECT_EQ(split("/members/%E5%B1%B1%20a?name=%E5%B1%B1&x=1"),
            (Split{true, "/members/\xE5\xB1\xB1 a", "name=%E5%B1%B1&x=1"}));
}

TEST(SplitTarget, PlusIsNotASpaceInPaths) { EXPECT_EQ(split("/a+b"), (Split{true, "/a+b", ""})); }

TEST(SplitTarget, EmptyQuery) { EXPECT_EQ(split("/x?"), (Split{true, "/x", ""})); }

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
  EXPECT_EQ(split("http://example.org:8080/a%2Fb?q=1"), (Split{true, "/a/b", "q=1"}));
  EXPECT_EQ(split("HTTPS://example.org"), (Split{true, "/", ""}));
  EXPECT_EQ(split("http://example.org?x"), (Split{true, "/", "x"}));
  EXPECT_EQ(split("*"), (Split{true, "*", ""}));
}

}  // namespace
}  // namespace mdsc::http
