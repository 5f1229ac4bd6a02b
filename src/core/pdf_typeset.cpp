#include "core/pdf_typeset.h"

#include <charconv>
#include <stdexcept>

namespace mdsc::pdf {
namespace {

// The font map: one per thread, created on the thread's first render and kept until the thread
// ends.
//
// Debian 12 ships pango 1.50. Pango documents PangoCairo as safe to use from several threads in
// the sense that each thread has its own font map (pango_cairo_font_map_get_default() is
// per-thread since 1.32.6); a PangoFcFontMap shared between threads is not documented as
// thread-safe, and programs that shared one (rrdtool, libvips) saw broken glyphs and crashes until
// they moved to one map per thread. A process-wide map would also need a lock around every layout
// and draw, serialising the renders of all server threads.
//
// What is costly to load is shared anyway: fontconfig's configuration and cache are loaded once
// per process (thread-safe since fontconfig 2.10), and cairo keeps FreeType faces in a
// process-wide, locked cache. Measured here: the first render in the process costs ~300 ms of CPU,
// the first on a further thread ~170 ms, every later one ~60 ms. Server threads live long, so
// the cost is paid once per thread. We make our own map rather than take pango's per-thread
// default so that no other code on the thread can change its resolution or options under us.
// (render_pdf never suspends, so a coroutine resuming on another thread later is no concern.)
PangoFontMap* thread_font_map() {
  struct Owner {
    PangoFontMap* map = pango_cairo_font_map_new();
    ~Owner() { g_object_unref(map); }
  };
  thread_local Owner owner;
  return owner.map;
}

std::string valid_utf8(std::string_view s) {
  if (g_utf8_validate(s.data(), static_cast<gssize>(s.size()), nullptr)) return std::string(s);
  gchar* fixed = g_utf8_make_valid(s.data(), static_cast<gssize>(s.size()));
  std::string out(fixed);
  g_free(fixed);
  return out;
}

PangoAlignment pango_alignment(Align a) {
  switch (a) {
    case Align::centre:
      return PANGO_ALIGN_CENTER;
    case Align::right:
      return PANGO_ALIGN_RIGHT;
    case Align::left:
      break;
  }
  return PANGO_ALIGN_LEFT;
}

PangoRectangle logical_extents(PangoLayout* l) {
  PangoRectangle r;
  pango_layout_get_extents(l, nullptr, &r);
  return r;
}

}  // namespace

Typesetter::Typesetter(cairo_t* cr) : context_(pango_font_map_create_context(thread_font_map())) {
  pango_cairo_update_context(cr, context_);
  // 72 dpi: a point of font size is a unit of the PDF's user space.
  pango_cairo_context_set_resolution(context_, 72.0);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  // Vector output: positions need not snap to whole units.
  pango_context_set_round_glyph_positions(context_, FALSE);
  pango_context_set_language(context_, pango_language_from_string("ja-jp"));
}

Typesetter::~Typesetter() { g_object_unref(context_); }

Layout Typesetter::text(std::string_view utf8, const Style& style, double width) const {
  Layout layout(pango_layout_new(context_), [](PangoLayout* l) { g_object_unref(l); });

  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family_static(font, kFontFamily);
  pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);

  const std::string text = valid_utf8(utf8);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  if (width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    if (style.max_lines > 0) {
      pango_layout_set_height(layout.get(), -style.max_lines);
      pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    }
  }
  pango_layout_set_alignment(layout.get(), pango_alignment(style.align));

  PangoAttrList* attrs = pango_attr_list_new();
  if (style.tabular) pango_attr_list_insert(attrs, pango_attr_font_features_new("tnum 1"));
  if (style.gray > 0) {
    const auto level = static_cast<guint16>(style.gray * 65535);
    pango_attr_list_insert(attrs, pango_attr_foreground_new(level, level, level));
  }
  pango_layout_set_attributes(layout.get(), attrs);
  pango_attr_list_unref(attrs);
  return layout;
}

double height_of(const Layout& l) { return logical_extents(l.get()).height / static_cast<double>(PANGO_SCALE); }

double width_of(const Layout& l) { return logical_extents(l.get()).width / static_cast<double>(PANGO_SCALE); }

double Block::add(Layout l, double x, double y) {
  const double bottom = y + height_of(l);
  texts.push_back({std::move(l), x, y, -1});
  if (bottom > height) height = bottom;
  return bottom;
}

void Block::rule(double x, double y, double w, double thickness, double gray) {
  fills.push_back({{x, y, w, thickness}, gray});
}

void Block::shift_down(double dy) {
  for (auto& t : texts) t.y += dy;
  for (auto& f : fills) f.r.y += dy;
  for (auto& r : dark) r.y += dy;
  link_area.y += dy;
  height += dy;
}

void Block::merge(Block other) {
  for (auto& t : other.texts) texts.push_back(std::move(t));
  for (auto& f : other.fills) fills.push_back(f);
  for (auto& r : other.dark) dark.push_back(r);
  if (!other.link_uri.empty()) {
    link_uri = std::move(other.link_uri);
    link_area = other.link_area;
  }
  if (other.height > height) height = other.height;
}

std::vector<Block> line_blocks(const Layout& paragraph, double x) {
  std::vector<Block> out;
  PangoLayoutIter* it = pango_layout_get_iter(paragraph.get());
  int index = 0;
  do {
    PangoRectangle line;
    pango_layout_iter_get_line_extents(it, nullptr, &line);
    const double baseline = pango_layout_iter_get_baseline(it) / static_cast<double>(PANGO_SCALE);
    const double top = line.y / static_cast<double>(PANGO_SCALE);
    Block b;
    b.texts.push_back({paragraph, x + line.x / static_cast<double>(PANGO_SCALE), baseline - top, index});
    b.height = line.height / static_cast<double>(PANGO_SCALE);
    out.push_back(std::move(b));
    ++index;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return out;
}

namespace {
// Locale-independent, unlike std::to_string and printf.
std::string number(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  return std::string(buf, r.ptr);
}

// cairo's attribute syntax: a quoted value escapes ' and \ with a backslash.
std::string cairo_quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}
}  // namespace

void draw(cairo_t* cr, const Block& block, double top) {
  for (const auto& f : block.fills) {
    cairo_set_source_rgb(cr, f.gray, f.gray, f.gray);
    cairo_rectangle(cr, f.r.x, top + f.r.y, f.r.w, f.r.h);
    cairo_fill(cr);
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  if (!block.dark.empty()) {
    for (const auto& r : block.dark) cairo_rectangle(cr, r.x, top + r.y, r.w, r.h);
    cairo_fill(cr);
  }
  for (const auto& t : block.texts) {
    cairo_move_to(cr, t.x, top + t.y);
    if (t.line < 0) {
      pango_cairo_show_layout(cr, t.layout.get());
    } else {
      pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(t.layout.get(), t.line));
    }
  }
  if (!block.link_uri.empty()) {
    const Rect& a = block.link_area;
    const std::string attrs = "rect=[" + number(a.x) + " " + number(top + a.y) + " " + number(a.w) + " " + number(a.h) +
                              "] uri=" + cairo_quoted(block.link_uri);
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
  }
}

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {  // no exception may cross into cairo's C code
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

}  // namespace

Writer::Writer(std::string what, double width, double height) : what_(std::move(what)) {
  surface_ = cairo_pdf_surface_create_for_stream(&append_to_string, &out_, width, height);
  check(cairo_surface_status(surface_), "creating the surface");
  cr_ = cairo_create(surface_);
  check(cairo_status(cr_), "creating the context");
}

Writer::~Writer() {
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

void Writer::metadata(cairo_pdf_metadata_t which, const std::string& value) {
  cairo_pdf_surface_set_metadata(surface_, which, value.c_str());
}

std::string Writer::finish() {
  check(cairo_status(cr_), "drawing");
  cairo_destroy(cr_);
  cr_ = nullptr;
  cairo_surface_finish(surface_);
  check(cairo_surface_status(surface_), "writing");
  cairo_surface_destroy(surface_);
  surface_ = nullptr;
  return std::move(out_);
}

void Writer::check(cairo_status_t status, const char* step) const {
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(what_ + ": " + step + ": " + cairo_status_to_string(status));
}

}  // namespace mdsc::pdf
