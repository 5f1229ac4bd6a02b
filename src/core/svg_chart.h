#pragma once
// Bar charts rendered on the server as inline SVG: no JavaScript, readable by screen readers
// (role="img", aria-labelledby pointing at <title> and a <desc> that lists every value), scaled
// by viewBox to any width (phones included), and styled only with presentation attributes
// because our Content-Security-Policy (style-src 'self') blocks style="" attributes.
//
// Colours come from a fixed palette whose lightness steps apart, so that series stay apart when
// printed in greyscale or seen with colour-vision deficiencies; bars carry a dark outline so that
// light colours still stand out from the white background.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsc::svg {

struct Series {
  std::string name;
  // One value per category; missing values (a shorter vector) draw no bar, extra ones are ignored.
  std::vector<std::int64_t> values;
};

// A target drawn as a shaded band between dashed lines ("35–40 target"), or as one dashed line
// when low == high.
struct Target {
  std::int64_t low = 0;
  std::int64_t high = 0;
  std::string label;
};

struct BarChartOptions {
  std::string title;        // shown and used as the accessible name
  std::string description;  // <desc>; when empty, generated from the data ("2024: 受講者 35, ...")
  std::string y_label;      // e.g. "人数" or "金額(円)", written above the axis
  std::optional<Target> target;
  std::function<std::string(std::int64_t)> format;  // value labels and ticks; default 1,234
  bool stacked = false;  // series stacked per category instead of side by side
  bool value_labels = true;
  std::string empty_text;  // shown when there is nothing to plot (already translated)
  // Prefix of the ids that aria-labelledby refers to; must be unique on the page. When empty,
  // derived from a hash of the content, so equal charts get equal ids and output is stable.
  std::string id;
  int width = 640;  // viewBox units
  int height = 360;
};

std::string bar_chart(const std::vector<std::string>& categories, const std::vector<Series>& series,
                      const BarChartOptions& options);

// One series, no legend.
std::string simple_bar_chart(const std::vector<std::string>& categories,
                             const std::vector<std::int64_t>& values,
                             const BarChartOptions& options);

// Text and attribute values: & < > " ' escaped, and characters XML 1.0 forbids (C0 controls other
// than tab, LF, CR) dropped, so that any label still yields a well-formed document.
std::string escape_xml(std::string_view s);

}  // namespace mdsc::svg
