#pragma once
// Typesetting for PDFs (the invoice, the certificate): plain-text pango layouts on a per-thread
// font map, blocks that are measured before they are placed, and a paginator that keeps each
// block whole.
// Units are PDF points (1/72 inch); y grows downwards from the top of the page.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mdsc::pdf {

inline constexpr double kPageWidth = 595.28;  // A4 portrait
inline constexpr double kPageHeight = 841.89;
inline constexpr const char* kFontFamily = "Noto Sans CJK JP";

using Layout = std::shared_ptr<PangoLayout>;

enum class Align { left, centre, right };

struct Style {
  double size = 9.0;  // points
  bool bold = false;
  Align align = Align::left;  // centre and right need a width
  bool tabular = false;       // tabular figures, so that columns of amounts line up
  double gray = 0.0;          // text colour, 0 black .. 1 white
  int max_lines = 0;          // > 0: at most this many lines, the last ending in "…" if cut
};

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
};

// One PangoContext per render, made on this thread's font map (see the comment in
// pdf_typeset.cpp): never shared between threads.
class Typesetter {
 public:
  explicit Typesetter(cairo_t* cr);
  ~Typesetter();
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  // A layout of plain text (never markup, so nothing needs escaping; invalid UTF-8 is repaired),
  // wrapped at `width` points between words or, for long words and Japanese, between characters.
  // width <= 0: no wrapping (then only Align::left makes sense).
  Layout text(std::string_view utf8, const Style& style, double width = 0) const;

 private:
  PangoContext* context_;
};

double height_of(const Layout& l);  // logical height in points
double width_of(const Layout& l);

// Something drawn as a whole at a vertical position chosen by the paginator. Coordinates of its
// parts: x on the page, y from the top of the block.
struct Block {
  struct Text {
    Layout layout;
    double x = 0, y = 0;
    int line = -1;  // -1: the whole layout, y its top; else only this line, y its baseline
  };
  struct Fill {
    Rect r;
    double gray = 0;
  };
  std::vector<Text> texts;
  std::vector<Fill> fills;  // shaded backgrounds and rules
  std::vector<Rect> dark;   // black modules of a QR code, filled as one path
  std::string link_uri;     // optional hyperlink over link_area
  Rect link_area;
  double height = 0;

  // Adds a layout with its top at y; returns its bottom.
  double add(Layout l, double x, double y);
  void rule(double x, double y, double w, double thickness = 0.5, double gray = 0.6);
  // Moves everything down by dy and makes the block that much taller.
  void shift_down(double dy);
  // Adds other's parts (at the same y offsets) and takes the larger height.
  void merge(Block other);
};

// Each line of a paragraph as a block of its own, so that long text flows over pages.
std::vector<Block> line_blocks(const Layout& paragraph, double x);

void draw(cairo_t* cr, const Block& block, double top);

struct Placement {
  const Block* block;
  double top;
};
using Page = std::vector<Placement>;

// Stacks blocks down the page between top and bottom. The caller decides when to break (so that
// it can repeat a table header after the break); a block taller than a whole page is placed
// anyway and runs over the bottom margin.
class Paginator {
 public:
  Paginator(double top, double bottom) : top_(top), bottom_(bottom), y_(top), pages_(1) {}
  bool fits(double height) const { return y_ + height <= bottom_ || y_ == top_; }
  bool page_is_empty() const { return y_ == top_; }
  void new_page() {
    pages_.emplace_back();
    y_ = top_;
  }
  void place(const Block& b) {
    pages_.back().push_back({&b, y_});
    y_ += b.height;
  }
  const std::vector<Page>& pages() const { return pages_; }

 private:
  double top_, bottom_, y_;
  std::vector<Page> pages_;
};

// A PDF written into a string: one surface and its context. Throws std::runtime_error (naming
// `what`, e.g. "invoice PDF") when cairo reports an error.
class Writer {
 public:
  explicit Writer(std::string what, double width = kPageWidth, double height = kPageHeight);
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  cairo_t* cr() const { return cr_; }
  void metadata(cairo_pdf_metadata_t which, const std::string& value);
  // Ends the document and returns its bytes; the writer is spent after.
  std::string finish();

 private:
  void check(cairo_status_t status, const char* step) const;
  std::string what_;
  std::string out_;  // the surface writes into it until it is finished
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
};

}  // namespace mdsc::pdf
