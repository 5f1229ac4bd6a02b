// Bar charts as inline SVG (see svg_chart.h). Text widths are estimated (0.6 em for ASCII, 1 em
// for everything else, i.e. CJK), which is enough to decide margins, label rotation and whether a
// value label fits above its bar; the browser does the real typesetting.
#include "core/svg_chart.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/i18n.h"

namespace mdsc::svg {
namespace {

struct Colour {
  const char* fill;
  const char* label;  // text drawn on the fill: white on dark fills, near-black on light ones
};
// Okabe–Ito based; CIE L* 24, 71, 46, 81, 54, 89: neighbours in the order differ most in
// lightness, so two or three series stay distinct in greyscale. Series beyond six repeat.
constexpr Colour kPalette[] = {
    {"#23395d", "#fff"},     // navy
    {"#e69f00", "#1a1a1a"},  // orange
    {"#0072b2", "#fff"},     // blue
    {"#a6cee3", "#1a1a1a"},  // light blue
    {"#d55e00", "#1a1a1a"},  // vermillion
    {"#f0e442", "#1a1a1a"},  // yellow
};
const Colour& colour(std::size_t series) { return kPalette[series % std::size(kPalette)]; }

constexpr double kTickFont = 11, kValueFont = 10, kLegendFont = 12;
// Dark text with a white outline stays legible over grid and target lines.
constexpr const char* kHalo =
    " fill=\"#1a1a1a\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\"";

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

std::size_t seq_len(unsigned char b) { return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }

double text_width(std::string_view s, double font) {
  double em = 0;
  for (std::size_t i = 0; i < s.size(); i += seq_len(static_cast<unsigned char>(s[i])))
    em += static_cast<unsigned char>(s[i]) < 0x80 ? 0.6 : 1.0;
  return em * font;
}

// Shortens s with "…" until its estimated width fits (the full text stays in <desc>).
std::string fit(std::string s, double max_width, double font) {
  if (text_width(s, font) <= max_width) return s;
  while (!s.empty() && text_width(s, font) + font > max_width) {
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    s.resize(i);
  }
  return s + "…";
}

std::int64_t to_i64(double v) {
  if (v >= 9.2e18) return INT64_MAX;
  if (v <= -9.2e18) return INT64_MIN;
  return std::llround(v);
}

// Saturating, so that absurd totals cannot overflow.
std::int64_t add(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) return b > 0 ? INT64_MAX : INT64_MIN;
  return r;
}

// Axis from lo to hi (both including 0) in "nice" integer steps of 1, 2 or 5 × 10^k.
struct Scale {
  double lo = 0, hi = 1;
  std::vector<std::int64_t> ticks{0};
};
Scale make_scale(double lo, double hi) {
  Scale s;
  if (hi <= lo) return s;  // nothing but zeros: a bare baseline
  double raw = (hi - lo) / 5;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = 10 * mag;
  for (double m : {1.0, 2.0, 5.0})
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  step = std::max(step, 1.0);  // integer data: no ticks at 0.5
  s.lo = std::floor(lo / step) * step;
  s.hi = std::ceil(hi / step) * step;
  s.ticks.clear();
  for (double t = s.lo; t <= s.hi + step / 2; t += step) s.ticks.push_back(to_i64(t));
  return s;
}

std::optional<std::int64_t> value_at(const Series& s, std::size_t c) {
  if (c < s.values.size()) return s.values[c];
  return std::nullopt;
}

std::string make_id(const std::vector<std::string>& categories, const std::vector<Series>& series,
                    const BarChartOptions& o) {
  std::string_view given = o.id;
  std::string id;
  for (char ch : given)
    if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_') id += ch;
  if (!id.empty()) return id;
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a
  auto mix = [&](std::string_view s) {
    for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ull;
    h = (h ^ 0xFF) * 1099511628211ull;
  };
  mix(o.title);
  for (const auto& c : categories) mix(c);
  for (const auto& s : series) {
    mix(s.name);
    for (auto v : s.values) mix(std::to_string(v));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "chart-%08llx", static_cast<unsigned long long>(h >> 32));
  return buf;
}

struct Text {
  double x, y;
  std::string_view content;
  std::string attrs;  // extra attributes, each starting with a space
};
void put(std::string& o, const Text& t) {
  o += "<text x=\"" + num(t.x) + "\" y=\"" + num(t.y) + "\"" + t.attrs + ">" +
       escape_xml(t.content) + "</text>\n";
}

void put_line(std::string& o, double x1, double y1, double x2, double y2, std::string_view attrs) {
  o += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
       num(y2) + "\"";
  o += attrs;
  o += "/>\n";
}

std::string describe(const std::vector<std::string>& categories, const std::vector<Series>& series,
                     const BarChartOptions& o, const std::function<std::string(std::int64_t)>& fmt,
                     bool has_data) {
  if (!o.description.empty()) return o.description;
  std::vector<std::string> parts;
  if (!o.y_label.empty()) parts.push_back(o.y_label);
  if (!has_data && !o.empty_text.empty()) parts.push_back(o.empty_text);
  for (std::size_t c = 0; c < categories.size() && has_data; ++c) {
    std::string entry = categories[c] + ":";
    bool first = true;
    for (const auto& s : series) {
      auto v = value_at(s, c);
      if (!v) continue;
      entry += first ? " " : ", ";
      first = false;
      if (!s.name.empty()) entry += s.name + " ";
      entry += fmt(*v);
    }
    parts.push_back(entry);
  }
  if (o.target) {
    parts.push_back(!o.target->label.empty() ? o.target->label
                                             : fmt(o.target->low) + "–" + fmt(o.target->high));
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

// The value range to show: every bar (or stack) and the target, always including 0.
struct Domain {
  double lo = 0, hi = 0;
  bool has_data = false;
};
Domain find_domain(std::size_t n, const std::vector<Series>& series, const BarChartOptions& o) {
  Domain d;
  for (std::size_t c = 0; c < n; ++c) {
    double pos = 0, neg = 0;
    for (const auto& s : series) {
      auto v = value_at(s, c);
      if (!v) continue;
      d.has_data = true;
      const double x = static_cast<double>(*v);
      if (o.stacked) {
        (x >= 0 ? pos : neg) += x;
      } else {
        d.lo = std::min(d.lo, x);
        d.hi = std::max(d.hi, x);
      }
    }
    d.lo = std::min(d.lo, neg);
    d.hi = std::max(d.hi, pos);
  }
  if (o.target) {
    const auto low = static_cast<double>(o.target->low), high = static_cast<double>(o.target->high);
    d.lo = std::min({d.lo, low, high});
    d.hi = std::max({d.hi, low, high});
  }
  return d;
}

// The plotting area in viewBox units and the value → y mapping.
struct Plot {
  double left = 0, right = 0, top = 0, bottom = 0;
  Scale scale;
  double y(double v) const {
    return bottom - (v - scale.lo) / (scale.hi - scale.lo) * (bottom - top);
  }
};

// Legend rows starting at y = top, wrapped to the width; returns the y below them.
double draw_legend(std::string& out, const std::vector<Series>& series, double width, double top) {
  double x = 12, y = top;
  for (std::size_t s = 0; s < series.size(); ++s) {
    const double w = 16 + text_width(series[s].name, kLegendFont) + 16;
    if (x > 12 && x + w > width - 12) {
      x = 12;
      y += 18;
    }
    out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"12\" height=\"12\" fill=\"" +
           colour(s).fill + "\" stroke=\"#333\" stroke-width=\"0.75\"/>\n";
    put(out, {x + 16, y + 10.5, series[s].name, " font-size=\"12\" fill=\"#1a1a1a\""});
    x += w;
  }
  return y + 16;
}

std::pair<double, double> target_range(const Target& t) {
  return {static_cast<double>(std::min(t.low, t.high)),
          static_cast<double>(std::max(t.low, t.high))};
}

// The shading goes under the bars ...
void draw_target_band(std::string& out, const Plot& p, const Target& t) {
  auto [lo, hi] = target_range(t);
  if (lo < hi)
    out += "<rect class=\"target-band\" x=\"" + num(p.left) + "\" y=\"" + num(p.y(hi)) +
           "\" width=\"" + num(p.right - p.left) + "\" height=\"" + num(p.y(lo) - p.y(hi)) +
           "\" fill=\"#000\" fill-opacity=\"0.08\"/>\n";
}

// ... the lines over them: dark dashes on a white halo show on any fill.
void draw_target_lines(std::string& out, const Plot& p, const Target& t) {
  auto [lo, hi] = target_range(t);
  out += "<g class=\"target\">\n";
  for (double v : lo < hi ? std::vector<double>{lo, hi} : std::vector<double>{lo}) {
    put_line(out, p.left, p.y(v), p.right, p.y(v), " stroke=\"#fff\" stroke-width=\"3\"");
    put_line(out, p.left, p.y(v), p.right, p.y(v),
             " stroke=\"#1a1a1a\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" "
             "class=\"target-line\"");
  }
  if (!t.label.empty())
    put(out, {p.right - 4, p.y(hi) - 5, t.label,
              std::string(" font-size=\"11\" text-anchor=\"end\" class=\"target-label\"") + kHalo});
  out += "</g>\n";
}

}  // namespace

std::string escape_xml(std::string_view s) {
  // ICU replaces invalid UTF-8 with U+FFFD; then drop what XML 1.0 forbids.
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString clean;
  for (int32_t i = 0; i < u.length(); ++i) {
    char16_t c = u.charAt(i);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) continue;
    clean.append(c);
  }
  std::string utf8;
  clean.toUTF8String(utf8);
  std::string out;
  out.reserve(utf8.size());
  for (char c : utf8) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string bar_chart(const std::vector<std::string>& categories, const std::vector<Series>& series,
                      const BarChartOptions& o) {
  auto fmt = o.format ? o.format : [](std::int64_t v) { return i18n::grouped(v); };
  const double W = std::max(o.width, 160), H = std::max(o.height, 120);
  const std::size_t n = categories.size(), ns = series.size();

  const Domain domain = find_domain(categories.size(), series, o);
  Plot plot;
  plot.scale = make_scale(domain.lo, domain.hi);

  // Horizontal layout: tick labels decide the left margin, category labels whether they rotate.
  double tick_w = 0;
  for (auto t : plot.scale.ticks) tick_w = std::max(tick_w, text_width(fmt(t), kTickFont));
  plot.left = std::max(32.0, tick_w + 14);
  plot.right = W - 12;
  const double slot = n ? (plot.right - plot.left) / static_cast<double>(n) : 0;
  double label_w = 0;
  for (const auto& c : categories) label_w = std::max(label_w, text_width(c, kTickFont));
  const bool rotate = n && label_w > slot - 4;
  const double max_rotated = H * 0.3 / 0.64;  // longest rotated label (sin 40° ≈ 0.64)
  // Room for value labels beyond the outermost ticks, kept in viewBox units rather than by
  // stretching the axis (which would jump to the next nice step).
  const double label_room_top = o.value_labels && domain.hi > 0 ? 12 : 0;
  const double label_room_bottom = o.value_labels && domain.lo < 0 ? 14 : 0;
  const double bottom_margin =
      label_room_bottom + (rotate ? std::min(label_w, max_rotated) * 0.64 + 20 : 26);

  // Vertical layout, top down: title, legend, y-axis label, plot.
  double cursor = 8;
  if (!o.title.empty()) cursor += 24;
  const double title_y = cursor - 6;
  std::string legend;
  if (ns > 1) cursor = draw_legend(legend, series, W, cursor + 4) + 4;
  const double y_label_y = cursor + 12;
  if (!o.y_label.empty()) cursor += 16;
  plot.top = cursor + 10 + label_room_top;
  plot.bottom = std::max(plot.top + 20, H - bottom_margin);

  const std::string id = make_id(categories, series, o);
  std::string out;
  out.reserve(4096);
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(W) + " " + num(H) +
         "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\" class=\"chart\"" +
         " font-family=\"sans-serif\">\n";
  out += "<title id=\"" + id + "-title\">" + escape_xml(o.title) + "</title>\n";
  out += "<desc id=\"" + id + "-desc\">" +
         escape_xml(describe(categories, series, o, fmt, domain.has_data)) + "</desc>\n";
  out += "<rect width=\"" + num(W) + "\" height=\"" + num(H) + "\" fill=\"#fff\"/>\n";
  if (!o.title.empty())
    put(out, {12, title_y, o.title, " font-size=\"16\" font-weight=\"bold\" fill=\"#1a1a1a\""});
  out += legend;
  if (!o.y_label.empty())
    put(out, {12, y_label_y, o.y_label, " font-size=\"11\" fill=\"#333\" class=\"y-label\""});

  for (auto t : plot.scale.ticks) {
    double ty = plot.y(static_cast<double>(t));
    put_line(out, plot.left, ty, plot.right, ty, " stroke=\"#ddd\" stroke-width=\"1\"");
    put(out, {plot.left - 6, ty + 4, fmt(t),
              " font-size=\"11\" fill=\"#333\" text-anchor=\"end\" class=\"tick\""});
  }
  if (o.target) draw_target_band(out, plot, *o.target);

  std::string labels;  // value labels, drawn last
  for (std::size_t c = 0; c < n; ++c) {
    const double x0 = plot.left + slot * static_cast<double>(c);
    const double group_w = slot * (o.stacked ? 0.6 : 0.72);
    const double bw = o.stacked || ns == 0 ? group_w : group_w / static_cast<double>(ns);
    const double gap = o.stacked ? 0 : std::min(2.0, bw * 0.1);
    double pos = 0, neg = 0;  // stack heights so far
    std::int64_t total = 0;
    bool any = false;
    for (std::size_t s = 0; s < ns; ++s) {
      auto v = value_at(series[s], c);
      if (!v) continue;
      any = true;
      total = add(total, *v);
      const double d = static_cast<double>(*v);
      double& stack = d >= 0 ? pos : neg;
      const double base = o.stacked ? stack : 0;
      if (o.stacked) stack += d;
      const double ya = plot.y(base), yb = plot.y(base + d);
      const double bx = x0 + (slot - group_w) / 2 + (o.stacked ? 0 : bw * static_cast<double>(s));
      const double bar_w = bw - gap, bar_y = std::min(ya, yb), bar_h = std::abs(yb - ya);
      const std::string label = fmt(*v);
      out += "<rect class=\"bar s" + std::to_string(s) + "\" x=\"" + num(bx) + "\" y=\"" +
             num(bar_y) + "\" width=\"" + num(bar_w) + "\" height=\"" + num(bar_h) + "\" fill=\"" +
             colour(s).fill + "\" stroke=\"#333\" stroke-width=\"0.75\" data-value=\"" +
             std::to_string(*v) + "\"><title>" +
             escape_xml(categories[c] + (series[s].name.empty() ? "" : ", " + series[s].name) +
                        ": " + label) +
             "</title></rect>\n";
      if (!o.value_labels) continue;
      const double lw = text_width(label, kValueFont);
      if (o.stacked) {  // inside the segment, when it fits; the total goes above the stack
        if (ns > 1 && bar_h >= 14 && lw <= bar_w - 2)
          put(labels,
              {bx + bar_w / 2, bar_y + bar_h / 2 + 3.5, label,
               std::string(" font-size=\"10\" text-anchor=\"middle\" class=\"value\" fill=\"") +
                   colour(s).label + "\""});
      } else if (lw <= bar_w + 4) {  // wider labels would run into the neighbour's
        put(labels,
            {bx + bar_w / 2, d >= 0 ? yb - 4 : yb + 11, label,
             std::string(" font-size=\"10\" text-anchor=\"middle\" class=\"value\"") + kHalo});
      }
    }
    if (o.stacked && o.value_labels && any && text_width(fmt(total), kValueFont) <= slot)
      put(labels,
          {x0 + slot / 2, total >= 0 ? plot.y(pos) - 4 : plot.y(neg) + 11, fmt(total),
           std::string(" font-size=\"10\" text-anchor=\"middle\" class=\"value total\"") + kHalo});

    const double lx = x0 + slot / 2, ly = plot.bottom + label_room_bottom;
    if (rotate) {
      // Rotated text reaches left by cos 40° ≈ 0.77 of its width: keep it inside the picture.
      put(out, {lx, ly + 12, fit(categories[c], std::min(max_rotated, (lx - 2) / 0.77), kTickFont),
                " font-size=\"11\" fill=\"#333\" text-anchor=\"end\" class=\"category\" "
                "transform=\"rotate(-40 " +
                    num(lx) + " " + num(ly + 12) + ")\""});
    } else {
      put(out, {lx, ly + 16, categories[c],
                " font-size=\"11\" fill=\"#333\" text-anchor=\"middle\" class=\"category\""});
    }
  }

  put_line(out, plot.left, plot.y(0), plot.right, plot.y(0),
           " stroke=\"#333\" stroke-width=\"1\" class=\"baseline\"");
  if (o.target) draw_target_lines(out, plot, *o.target);
  out += labels;  // last, so that target lines never cross them
  if (!domain.has_data && !o.empty_text.empty())
    put(out, {(plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2, o.empty_text,
              " font-size=\"14\" fill=\"#555\" text-anchor=\"middle\" class=\"empty\""});
  out += "</svg>\n";
  return out;
}

std::string simple_bar_chart(const std::vector<std::string>& categories,
                             const std::vector<std::int64_t>& values,
                             const BarChartOptions& options) {
  return bar_chart(categories, {Series{"", values}}, options);
}

}  // namespace mdsc::svg
