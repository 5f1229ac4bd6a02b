#include "core/svg_chart.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <regex>

#include "core/i18n.h"

namespace mdsc::svg {
namespace {

// Parses SVG documents with Python's expat-based minidom and checks that aria-labelledby points
// at elements that exist. All in one run: starting Python costs about a second on a busy machine.
// Returns "" or the complaints, one line per bad document.
std::string xml_problems(const std::vector<std::pair<std::string, std::string>>& docs) {
  std::string args;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::string path = ::testing::TempDir() + "/svg_chart_test_" + std::to_string(i) + ".svg";
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return "cannot write " + path;
    std::fwrite(docs[i].second.data(), 1, docs[i].second.size(), f);
    std::fclose(f);
    args += " " + path;
  }
  std::string cmd =
      "python3 -c 'import sys, xml.dom.minidom as m\n"
      "bad = 0\n"
      "for i, path in enumerate(sys.argv[1:]):\n"
      "  try:\n"
      "    d = m.parse(path).documentElement\n"
      "    assert d.tagName == \"svg\" and d.getAttribute(\"role\") == \"img\", \"root\"\n"
      "    ids = {e.getAttribute(\"id\") for e in d.getElementsByTagName(\"*\")}\n"
      "    assert all(x in ids for x in d.getAttribute(\"aria-labelledby\").split()), \"ids\"\n"
      "  except Exception as e:\n"
      "    bad = 1; print(i, repr(e))\n"
      "sys.exit(bad)'" +
      args + " 2>&1";
  std::FILE* p = popen(cmd.c_str(), "r");
  if (!p) return "cannot run python3";
  std::string out;
  char buf[256];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  int rc = pclose(p);
  if (rc == 0) return "";
  // Name the documents: "3 ExpatError(...)" -> "negative: ExpatError(...)".
  std::string named;
  std::size_t pos = 0;
  while (pos < out.size()) {
    std::size_t eol = out.find('\n', pos);
    std::string line = out.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
    pos = eol == std::string::npos ? out.size() : eol + 1;
    std::size_t sp = line.find(' ');
    std::size_t idx =
        sp == std::string::npos ? docs.size() : std::strtoul(line.c_str(), nullptr, 10);
    named += (idx < docs.size() ? docs[idx].first + ":" + line.substr(sp) : line) + "\n";
  }
  return named.empty() ? "python3 failed" : named;
}

struct Bar {
  double y, height;
  std::int64_t value;
};
std::vector<Bar> bars(const std::string& svg) {
  static const std::regex re(
      R"re(<rect class="bar s\d+" x="[-\d.]+" y="([-\d.]+)" width="[-\d.]+" height="([-\d.]+)"[^>]*data-value="(-?\d+)")re");
  std::vector<Bar> out;
  for (std::sregex_iterator it(svg.begin(), svg.end(), re), end; it != end; ++it)
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stoll((*it)[3])});
  return out;
}

std::size_t count(const std::string& s, std::string_view what) {
  std::size_t n = 0;
  for (auto i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
  return n;
}

std::string yen(std::int64_t v) { return i18n::yen(v); }

// The root element's start tag.
std::string root_tag(const std::string& svg) { return svg.substr(0, svg.find('>') + 1); }

const std::vector<std::string> kYears = {"2022年度", "2023年度", "2024年度"};
const std::string kEvil = "<script>alert('x')</script>&\"";

// The charts the tests look at, one function each, so that one Python run can parse them all.
std::string grouped_chart() {
  BarChartOptions o;
  o.title = "受講者数";
  o.y_label = "人数";
  o.id = "trainees";
  o.target = Target{35, 40, "目標 35–40人"};
  return bar_chart(kYears, {{"受講", {38, 42, 30}}, {"修了", {35, 40, 28}}}, o);
}

std::string evil_chart() {
  BarChartOptions o;
  o.title = kEvil;
  o.y_label = kEvil;
  o.target = Target{1, 2, kEvil};
  o.empty_text = kEvil;
  o.id = "\"><script>";
  o.format = [](std::int64_t v) { return kEvil + std::to_string(v); };
  return bar_chart({kEvil, "ok\x01"}, {{kEvil, {1, 2}}, {"b", {3}}}, o);
}

std::string money_chart(bool stacked) {
  BarChartOptions o;
  o.stacked = stacked;
  o.format = yen;
  return bar_chart(kYears, {{"会費", {1200000, 800000, 0}}, {"寄付", {300000, 50000, 2000000}}}, o);
}

std::string small_stack_chart() {
  BarChartOptions o;
  o.stacked = true;
  return bar_chart({"A"}, {{"x", {10}}, {"y", {20}}}, o);
}

std::string negative_chart() { return simple_bar_chart({"4月", "5月"}, {100, -50}, {}); }

BarChartOptions empty_options() {
  BarChartOptions o;
  o.title = "空";
  o.empty_text = "データがありません";
  return o;
}
std::string zeros_chart() { return simple_bar_chart(kYears, {0, 0, 0}, empty_options()); }
std::string no_categories_chart() { return bar_chart({}, {}, empty_options()); }
std::string no_values_chart() { return bar_chart(kYears, {{"x", {}}}, empty_options()); }

std::string target_chart(std::int64_t low, std::int64_t high, std::string label) {
  BarChartOptions o;
  o.target = Target{low, high, std::move(label)};
  return simple_bar_chart(kYears, {20, 38, 45}, o);
}

std::string long_labels_chart(std::int64_t first) {
  std::vector<std::string> cats;
  for (int i = 0; i < 12; ++i)
    cats.push_back("株式会社サンプル工業 第" + std::to_string(i) + "営業所");
  std::vector<std::int64_t> vals(12, 5);
  vals[0] = first;
  return simple_bar_chart(cats, vals, {});
}

TEST(SvgChart, AllWellFormed) {
  EXPECT_EQ(xml_problems({{"grouped", grouped_chart()},
                          {"evil", evil_chart()},
                          {"money", money_chart(false)},
                          {"money stacked", money_chart(true)},
                          {"small stack", small_stack_chart()},
                          {"negative", negative_chart()},
                          {"zeros", zeros_chart()},
                          {"no categories", no_categories_chart()},
                          {"no values", no_values_chart()},
                          {"band", target_chart(35, 40, "35–40 target")},
                          {"line", target_chart(50, 50, "")},
                          {"long labels", long_labels_chart(5)}}),
            "");
  // The check itself catches what it should.
  std::string bad = xml_problems({{"broken", "<svg role=\"img\"><text>a < b</text></svg>"},
                                  {"dangling", "<svg role=\"img\" aria-labelledby=\"x\"></svg>"}});
  EXPECT_NE(bad.find("broken: ExpatError"), std::string::npos) << bad;
  EXPECT_NE(bad.find("dangling: AssertionError('ids')"), std::string::npos) << bad;
}

TEST(SvgChart, Accessible) {
  std::string svg = grouped_chart();
  EXPECT_EQ(root_tag(svg),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 360\" role=\"img\" "
            "aria-labelledby=\"trainees-title trainees-desc\" class=\"chart\" "
            "font-family=\"sans-serif\">");  // no width/height: it scales with its container
  EXPECT_NE(svg.find("<title id=\"trainees-title\">受講者数</title>"), std::string::npos);
  // The description carries every value for screen readers.
  EXPECT_NE(
      svg.find("<desc id=\"trainees-desc\">人数; 2022年度: 受講 38, 修了 35; 2023年度: 受講 42, "
               "修了 40; 2024年度: 受講 30, 修了 28; 目標 35–40人</desc>"),
      std::string::npos);
  EXPECT_EQ(svg.find("style="), std::string::npos);  // CSP: style-src 'self'
  EXPECT_EQ(bars(svg).size(), 6u);
  EXPECT_NE(svg.find(">受講</text>"), std::string::npos);  // legend
  EXPECT_EQ(count(svg, ">42</text>"), 1u);                 // value label, once
}

TEST(SvgChart, EscapesEverything) {
  std::string svg = evil_chart();
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;&amp;&quot;"),
            std::string::npos);
  EXPECT_EQ(svg.find('\x01'), std::string::npos);  // forbidden in XML 1.0
  EXPECT_NE(svg.find("aria-labelledby=\"script-title script-desc\""), std::string::npos);
  EXPECT_EQ(escape_xml("a\xFF"
                       "b"),
            "a\xEF\xBF\xBD"
            "b");  // invalid UTF-8 → U+FFFD
  EXPECT_EQ(escape_xml("改行\nタブ\t"), "改行\nタブ\t");
}

TEST(SvgChart, BarHeightsAreProportional) {
  for (bool stacked : {false, true}) {
    std::string svg = money_chart(stacked);
    auto bs = bars(svg);
    ASSERT_EQ(bs.size(), 6u);
    double k = bs[0].height / static_cast<double>(bs[0].value);
    EXPECT_GT(k, 0);
    for (const auto& b : bs)
      EXPECT_NEAR(b.height, k * static_cast<double>(b.value), 0.11) << b.value;
    EXPECT_NE(svg.find(">¥2,000,000</text>"), std::string::npos);  // the formatter is used
  }
}

TEST(SvgChart, StackedSegmentsSitOnEachOther) {
  std::string svg = small_stack_chart();
  auto bs = bars(svg);
  ASSERT_EQ(bs.size(), 2u);
  EXPECT_NEAR(bs[1].y + bs[1].height, bs[0].y, 0.11);
  EXPECT_NE(svg.find(">30</text>"), std::string::npos);  // the total
}

TEST(SvgChart, NegativeValuesHangFromTheBaseline) {
  auto bs = bars(negative_chart());
  ASSERT_EQ(bs.size(), 2u);
  EXPECT_NEAR(bs[0].y + bs[0].height, bs[1].y, 0.11);  // both meet at zero
  EXPECT_NEAR(bs[0].height, 2 * bs[1].height, 0.2);
}

TEST(SvgChart, ZeroAndEmptyData) {
  std::string zeros = zeros_chart(), none = no_categories_chart(), missing = no_values_chart();
  EXPECT_EQ(bars(zeros).size(), 3u);
  for (const auto& b : bars(zeros)) EXPECT_EQ(b.height, 0);
  EXPECT_TRUE(bars(none).empty());
  EXPECT_TRUE(bars(missing).empty());
  EXPECT_NE(none.find("データがありません</text>"), std::string::npos);
  EXPECT_NE(missing.find("データがありません</text>"), std::string::npos);
  for (const auto& s : {zeros, none, missing}) {
    EXPECT_EQ(s.find("nan"), std::string::npos);
    EXPECT_EQ(s.find("inf"), std::string::npos);
  }
}

TEST(SvgChart, TargetBandAndLine) {
  std::string svg = target_chart(35, 40, "35–40 target");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      svg, m,
      std::regex(
          R"re(class="target-band" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)")re")));
  auto bs = bars(svg);
  ASSERT_EQ(bs.size(), 3u);
  const double k = bs[0].height / 20, zero_y = bs[0].y + bs[0].height;
  EXPECT_NEAR(std::stod(m[2]), 5 * k, 0.2);                              // 40 − 35
  EXPECT_NEAR(std::stod(m[1]) + std::stod(m[2]), zero_y - 35 * k, 0.3);  // lower edge at 35
  EXPECT_EQ(count(svg, "stroke-dasharray"), 2u);
  EXPECT_NE(svg.find("35–40 target</text>"), std::string::npos);

  svg = target_chart(50, 50, "");  // a single line, no band; the axis stretches to reach it
  EXPECT_EQ(svg.find("target-band"), std::string::npos);
  EXPECT_EQ(count(svg, "stroke-dasharray"), 1u);
  ASSERT_TRUE(std::regex_search(
      svg, m, std::regex(R"re(<line x1="[\d.]+" y1="([\d.]+)"[^>]*class="target-line")re")));
  bs = bars(svg);
  ASSERT_EQ(bs.size(), 3u);
  EXPECT_NEAR(std::stod(m[1]), bs[0].y + bs[0].height - 50 * (bs[0].height / 20), 0.3);
  EXPECT_GT(std::stod(m[1]), 0);
}

TEST(SvgChart, LongLabelsRotateAndIdsAreStable) {
  std::string a = long_labels_chart(5);
  EXPECT_NE(a.find("rotate(-40"), std::string::npos);
  EXPECT_EQ(a, long_labels_chart(5));  // deterministic, ids included
  std::regex id_re("aria-labelledby=\"(chart-[0-9a-f]+)-title");
  std::smatch m1, m2;
  std::string b = long_labels_chart(6);
  ASSERT_TRUE(std::regex_search(a, m1, id_re));
  ASSERT_TRUE(std::regex_search(b, m2, id_re));
  EXPECT_NE(m1[1].str(), m2[1].str());
}

}  // namespace
}  // namespace mdsc::svg
