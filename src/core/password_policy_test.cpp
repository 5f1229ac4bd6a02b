#include "core/password_policy.h"

#include <gtest/gtest.h>

#include "core/resources.h"

namespace mdsc {
namespace {

constexpr const char* kEmail = "hanako.yamada@example.jp";

TEST(PasswordPolicy, LengthInCodePoints) {
  EXPECT_EQ(check_password("", kEmail), "password.too_short");
  EXPECT_EQ(check_password("Xk4-rT9pLw2", kEmail), "password.too_short");  // 11
  EXPECT_EQ(check_password("Xk4-rT9pLw2q", kEmail), "");                  // 12
  // 12 Japanese characters are 36 bytes but 12 characters: accepted; 11 are refused.
  EXPECT_EQ(check_password("春はあけぼの夏は夜秋は夕", kEmail), "");
  EXPECT_EQ(check_password("春はあけぼの夏は夜秋は", kEmail), "password.too_short");
}

TEST(PasswordPolicy, CommonList) {
  for (const char* p : {"123456789012", "password1234", "PASSWORD1234", "qwertyuiopas",
                        "1qaz2wsx3edc", "iloveyouforever", "sakurasakura", "doraemon1234"})
    EXPECT_EQ(check_password(p, kEmail), "password.too_common") << p;
}

TEST(PasswordPolicy, CommonWordPaddedWithDigits) {
  for (const char* p : {"password123456", "sakura202020", "Sakura2020!!", "pokemon2024!",
                        "iloveyou2017", "doraemon99999", "Monkey!!!!!!"})
    EXPECT_EQ(check_password(p, kEmail), "password.too_common") << p;
  // Digits in front, a suffix of letters, or a short stem are not this rule.
  EXPECT_EQ(check_password("2020sakura2020", kEmail), "");
  EXPECT_EQ(check_password("sakura2020tree", kEmail), "");
  EXPECT_EQ(check_password("koala987654321", kEmail), "");
}

TEST(PasswordPolicy, RepeatedCharacter) {
  EXPECT_EQ(check_password("aaaaaaaaaaaa", kEmail), "password.too_common");
  EXPECT_EQ(check_password("ああああああああああああ", kEmail), "password.too_common");
  EXPECT_EQ(check_password("aaaaaaaaaaab", kEmail), "");
}

TEST(PasswordPolicy, EmailName) {
  EXPECT_EQ(check_password("my-hanako.yamada-pass", kEmail), "password.contains_email");
  EXPECT_EQ(check_password("HANAKO.YAMADA!x", kEmail), "password.contains_email");
  EXPECT_EQ(check_password("zzz-taro-zzz-zzz", "taro+mdsc@example.jp"), "password.contains_email");
  // A name shorter than 4 characters is not checked: it would match too much by chance.
  EXPECT_EQ(check_password("abc-tree-river-stone", "abc@example.jp"), "");
  EXPECT_EQ(check_password("tree-river-stone", ""), "");
  // The domain is not the name.
  EXPECT_EQ(check_password("example-tree-river", kEmail), "");
}

TEST(PasswordPolicy, ListIsWellFormed) {
  auto text = resources::read("data/common-passwords.txt");
  ASSERT_TRUE(text);
  std::size_t lines = 0, long_ones = 0, start = 0;
  while (start < text->size()) {
    auto end = text->find('\n', start);
    ASSERT_NE(end, std::string::npos) << "file must end with a newline";
    std::string line = text->substr(start, end - start);
    ASSERT_FALSE(line.empty());
    for (char c : line) ASSERT_FALSE(c >= 'A' && c <= 'Z') << line;
    ++lines;
    long_ones += line.size() >= kMinPasswordLength;
    start = end + 1;
  }
  EXPECT_GE(lines, 2000u);
  EXPECT_GE(long_ones, 1500u);
}

}  // namespace
}  // namespace mdsc
