#include "web/templates.h"

#include <gtest/gtest.h>

namespace mdsc::web {
namespace {

TEST(Templates, EscapesDataByDefault) {
  auto html = render_template("layout/error.html", "ja",
                              {{"heading", "<script>alert(1)</script>"}, {"message", "a & \"b\" 'c' {{x}}"}});
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("a &amp; &quot;b&quot; &#39;c&#39; &#123;&#123;x&#125;&#125;"), std::string::npos);
}

TEST(Templates, TranslatesPerLanguage) {
  auto ja = render_template("layout/error.html", "ja", {{"heading", "h"}, {"message", "m"}});
  auto en = render_template("layout/error.html", "en", {{"heading", "h"}, {"message", "m"}});
  EXPECT_NE(ja.find("トップページへ戻る"), std::string::npos);
  EXPECT_NE(en.find("Back to the home page"), std::string::npos);
}

TEST(Templates, FindsMessageIds) {
  auto ids = template_message_ids("<p>{{#t}}a.b{{/t}} {{x}} {{#t}}c.d_e{{/t}}</p>");
  EXPECT_EQ(ids, (std::vector<std::string>{"a.b", "c.d_e"}));
}

TEST(Templates, MissingTemplateIsAnError) {
  EXPECT_THROW(render_template("nope/nothing.html", "ja", {}), std::runtime_error);
}

}  // namespace
}  // namespace mdsc::web
