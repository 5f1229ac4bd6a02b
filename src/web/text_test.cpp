#include "web/text.h"

#include <gtest/gtest.h>

namespace mdsc::web {
namespace {

TEST(Text, AcceptsUtf8AndOrdinaryWhitespace) {
  EXPECT_TRUE(is_clean_text("山田 太郎\tTaro\r\n𠮷"));
  EXPECT_TRUE(is_clean_text(""));
}

TEST(Text, RefusesBrokenUtf8NulAndControls) {
  EXPECT_FALSE(is_clean_text("\xff\xfe"));
  EXPECT_FALSE(is_clean_text(std::string("a\0b", 3)));
  EXPECT_FALSE(is_clean_text("a\x1b[31m"));
  EXPECT_FALSE(is_clean_text("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(is_clean_text("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(is_clean_text("\xe5\xb1"));          // truncated
}

TEST(Text, SanitizesWhatItStores) {
  EXPECT_EQ(sanitize_text("ok\xff!"), "ok\xEF\xBF\xBD!");
  EXPECT_EQ(sanitize_text("山田"), "山田");
}

}  // namespace
}  // namespace mdsc::web
