#include "web/form.h"

#include <gtest/gtest.h>

#include "web/cookies.h"

namespace mdsc::web {
namespace {

TEST(Form, DecodesPercentAndPlus) {
  auto f = Form::parse("name=%E5%B1%B1%E7%94%B0+%E5%A4%AA%E9%83%8E&x=a%2Bb&empty=&flag");
  EXPECT_EQ(f.get("name"), "山田 太郎");
  EXPECT_EQ(f.get("x"), "a+b");
  EXPECT_TRUE(f.has("empty"));
  EXPECT_EQ(f.get("empty"), "");
  EXPECT_TRUE(f.has("flag"));
  EXPECT_FALSE(f.has("missing"));
  EXPECT_EQ(f.get("missing"), "");
}

TEST(Form, KeepsRepeatedNamesInOrder) {
  auto f = Form::parse("roles=a&roles=b&other=1&roles=c");
  EXPECT_EQ(f.all("roles"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(f.get("roles"), "a");
}

TEST(Form, InvalidEscapesStayLiteral) {
  EXPECT_EQ(url_decode("100%"), "100%");
  EXPECT_EQ(url_decode("%zz%4"), "%zz%4");
  EXPECT_EQ(url_decode("%41%42"), "AB");
}

TEST(Form, TrimsAsciiAndIdeographicSpaces) {
  EXPECT_EQ(trim("\xE3\x80\x80 山田\t\xE3\x80\x80"), "山田");
  EXPECT_EQ(trim("   "), "");
}

TEST(Form, EncodeRoundTrips) {
  std::string s = "a b&c=d/é";
  EXPECT_EQ(url_decode(url_encode(s), false), s);
  EXPECT_EQ(url_encode("a b"), "a%20b");
}

TEST(Cookies, ParsesAndBuilds) {
  auto c = parse_cookies("a=1; mdsc_session=xyz;  b=\"q\" ; a=2");
  EXPECT_EQ(c["a"], "1");
  EXPECT_EQ(c["mdsc_session"], "xyz");
  EXPECT_EQ(c["b"], "q");
  SetCookie s{"mdsc_session", "tok"};
  s.secure = true;
  s.max_age = 0;
  EXPECT_EQ(s.to_header(), "mdsc_session=tok; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax");
}

}  // namespace
}  // namespace mdsc::web
