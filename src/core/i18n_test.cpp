#include "core/i18n.h"

#include <gtest/gtest.h>

#include <limits>

namespace mdsc::i18n {
namespace {

Catalog test_catalog() {
  return Catalog::from_json({
      {"ja", R"({"greet": "こんにちは、{name}さん", "only.ja": "日本語のみ", "two": "{a}と{b}"})"},
      {"en", R"({"greet": "Hello, {name}", "two": "{a} and {b}"})"},
  });
}

TEST(Catalog, LooksUpAndFallsBack) {
  auto c = test_catalog();
  EXPECT_EQ(c.text("en", "greet", {{"name", "Taro"}}), "Hello, Taro");
  EXPECT_EQ(c.text("ja", "greet", {{"name", "太郎"}}), "こんにちは、太郎さん");
  EXPECT_EQ(c.text("en", "only.ja"), "日本語のみ");  // falls back to ja
  EXPECT_EQ(c.text("en", "missing.id"), "missing.id");
  EXPECT_EQ(c.text("fr", "greet", {{"name", "X"}}), "こんにちは、Xさん");
  EXPECT_TRUE(c.has("en", "greet"));
  EXPECT_FALSE(c.has("en", "only.ja"));
  EXPECT_EQ(c.ids("en"), (std::vector<std::string>{"greet", "two"}));
}

TEST(Catalog, Placeholders) {
  auto c = test_catalog();
  EXPECT_EQ(c.text("en", "two", {{"a", "{b}"}, {"b", "x"}}), "{b} and x");  // no re-expansion
  EXPECT_EQ(c.text("en", "two", {{"a", "1"}}), "1 and {b}");  // missing argument stays visible
  EXPECT_EQ(c.text("en", "greet"), "Hello, {name}");
  EXPECT_EQ(c.text("en", "greet", {{"name", "<b>"}}), "Hello, <b>");  // escaping is not ours
}

TEST(Catalog, QqxShowsIds) {
  auto c = test_catalog();
  EXPECT_EQ(c.text("qqx", "greet", {{"name", "x"}}), "⧼greet⧽");
  EXPECT_EQ(c.text("qqx", "missing.id"), "⧼missing.id⧽");
  EXPECT_TRUE(is_supported("qqx"));
  EXPECT_EQ(supported_languages(), (std::vector<std::string>{"ja", "en"}));
}

TEST(Catalog, RejectsMalformed) {
  EXPECT_THROW(Catalog::from_json({{"ja", "[1]"}}), std::runtime_error);
  EXPECT_THROW(Catalog::from_json({{"ja", R"({"a": 1})"}}), std::runtime_error);
  EXPECT_THROW(Catalog::from_json({{"ja", "{"}}), std::runtime_error);
}

TEST(Catalog, EmbeddedCataloguesLoad) {
  EXPECT_EQ(t("qqx", "password.too_short"), "⧼password.too_short⧽");
  for (const auto& lang : supported_languages())
    EXPECT_TRUE(Catalog::instance().has(lang, "password.too_short")) << lang;
  EXPECT_EQ(t("en", "password.too_short", {{"min", "12"}}),
            "The password must be at least 12 characters long.");
}

TEST(AcceptLanguage, PicksByWeight) {
  EXPECT_EQ(from_accept_language("en-US,en;q=0.9,ja;q=0.8"), "en");
  EXPECT_EQ(from_accept_language("ja,en-US;q=0.9,en;q=0.8"), "ja");
  EXPECT_EQ(from_accept_language("fr-FR, en;q=0.5, ja;q=0.7"), "ja");
  EXPECT_EQ(from_accept_language("EN-gb"), "en");
  EXPECT_EQ(from_accept_language("ja-JP;q=0.5, en-GB;q=0.5"), "ja");  // tie: first wins
  EXPECT_EQ(from_accept_language(" en ; q=0.3 , ja ; q=0.2 "), "en");
}

TEST(AcceptLanguage, NothingFits) {
  EXPECT_EQ(from_accept_language(""), "");
  EXPECT_EQ(from_accept_language("fr, de;q=0.9"), "");
  EXPECT_EQ(from_accept_language("*"), "");
  EXPECT_EQ(from_accept_language("en;q=0"), "");
  EXPECT_EQ(from_accept_language("en;q=abc, ja;q=0.1"), "ja");
  EXPECT_EQ(from_accept_language("qqx"), "");  // the test language is only asked for explicitly
  EXPECT_EQ(from_accept_language(",,;"), "");
}

TEST(Money, Yen) {
  EXPECT_EQ(yen(2000000), "¥2,000,000");
  EXPECT_EQ(yen(500000), "¥500,000");
  EXPECT_EQ(yen(-1000), "-¥1,000");
  EXPECT_EQ(yen(0), "¥0");
  EXPECT_EQ(yen(999), "¥999");
  EXPECT_EQ(yen(1000), "¥1,000");
  EXPECT_EQ(yen(-999), "-¥999");
  EXPECT_EQ(yen(std::numeric_limits<std::int64_t>::max()), "¥9,223,372,036,854,775,807");
  EXPECT_EQ(yen(std::numeric_limits<std::int64_t>::min()), "-¥9,223,372,036,854,775,808");
  EXPECT_EQ(grouped(1234567), "1,234,567");
  EXPECT_EQ(grouped(-100), "-100");
  EXPECT_EQ(grouped(0), "0");
}

}  // namespace
}  // namespace mdsc::i18n
