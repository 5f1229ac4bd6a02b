// Invoices and credit notes as PDF, laid out as Japanese qualified invoices (適格請求書) are:
// the title at the top centre; the recipient (〇〇 御中) top left with the amount due in large type
// and the due date; the document's number and dates, then the issuer with its registration number
// (T + 13 digits), top right; the lines, with ※ on those at the reduced rate; the totals and the
// tax per rate; payment terms, notes and an optional QR code to check the document.
//
// Rendering measures every block first, paginates (a table row is never split; the table header
// is repeated on every page the table continues on), then draws, so that each page's footer can
// say "1 / 2".
//
// Size: cairo 1.16 (Debian 12) embeds Noto Sans CJK as a CFF subset of the glyphs used, but for
// most documents its charstring parser gives up on subsetting the subroutines (a known weakness
// with hint operators in already-seen subroutines) and embeds all of them: ~1 MB per PDF
// whatever its length, and ~40 ms of the ~60 ms a render takes. The text stays a subset and
// extractable; a newer cairo or a post-processing subsetter would shrink it.
#include "modules/invoicing/pdf.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "core/i18n.h"
#include "core/pdf_typeset.h"
#include "core/qr.h"
#include "modules/invoicing/pdf_labels.h"

// The invoice's labels (pdf_labels.h) share the name pdf with the typesetter in core.
namespace mdsc::invoicing::pdf {
using namespace ::mdsc::pdf;
}  // namespace mdsc::invoicing::pdf

namespace mdsc::invoicing {
namespace {

using pdf::Align;
using pdf::Block;
using pdf::height_of;
using pdf::Layout;
using pdf::Style;
using pdf::Typesetter;
using pdf::width_of;

constexpr double kLeft = 42;
constexpr double kRight = pdf::kPageWidth - 42;
constexpr double kContentWidth = kRight - kLeft;
constexpr double kTop = 40;
constexpr double kBottom = pdf::kPageHeight - 58;
constexpr double kFooterTop = pdf::kPageHeight - 40;

constexpr double kGray = 0.35;   // secondary text
constexpr double kShade = 0.92;  // backgrounds

// The lines table. The description takes what the others leave.
constexpr double kCellPad = 4;
constexpr double kTaxWidth = 58;
constexpr double kQuantityWidth = 42;
constexpr double kUnitWidth = 84;
constexpr double kAmountWidth = 92;
constexpr double kDescriptionWidth = kContentWidth - kTaxWidth - kQuantityWidth - kUnitWidth - kAmountWidth;
constexpr double kTaxX = kLeft + kDescriptionWidth;
constexpr double kQuantityX = kTaxX + kTaxWidth;
constexpr double kUnitX = kQuantityX + kQuantityWidth;
constexpr double kAmountX = kUnitX + kUnitWidth;

constexpr double kQrSize = 72;

std::string join(std::initializer_list<std::string> parts, const char* separator = " ") {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

bool has_reduced_rate(const InvoiceDocument& doc) {
  auto reduced = [](TaxCategory c) { return c == TaxCategory::reduced8; };
  return std::any_of(doc.lines.begin(), doc.lines.end(), [&](auto& l) { return reduced(l.tax); }) ||
         std::any_of(doc.summaries.begin(), doc.summaries.end(), [&](auto& s) { return reduced(s.tax); });
}

// Builds the blocks of one document in one language.
class Composer {
 public:
  Composer(const InvoiceDocument& doc, const pdf::Labels& labels, const Typesetter& ts)
      : doc_(doc), l_(labels), ts_(ts) {}

  const char* title() const { return doc_.credit_note ? l_.credit_title : l_.invoice_title; }

  Block first_page_header() const {
    Block b;
    double y = b.add(text(title(), {.size = 20, .bold = true, .align = Align::centre}, kContentWidth), kLeft, 0);
    y = b.add(text(doc_.credit_note ? l_.credit_subtitle : l_.invoice_subtitle,
                   {.size = 9, .align = Align::centre, .gray = kGray}, kContentWidth),
              kLeft, y);
    const double top = y + 18;
    const double left_bottom = recipient_column(b, top);
    const double right_bottom = document_and_issuer_column(b, top);
    b.height = std::max(left_bottom, right_bottom) + 18;
    return b;
  }

  Block continued_header() const {
    Block b;
    const std::string line = join({title(), doc_.number, l_.continued}, "  ");
    const double y = b.add(text(line, {.size = 10, .bold = true}, kContentWidth), kLeft, 0);
    b.rule(kLeft, y + 3, kContentWidth);
    b.height = y + 12;
    return b;
  }

  Block table_header() const {
    Block b;
    const Style s{.size = 8.5, .bold = true};
    cell(b, l_.col_description, kLeft, kDescriptionWidth, s);
    cell(b, l_.col_tax, kTaxX, kTaxWidth, with_align(s, Align::centre));
    cell(b, l_.col_quantity, kQuantityX, kQuantityWidth, with_align(s, Align::right));
    cell(b, l_.col_unit_price, kUnitX, kUnitWidth, with_align(s, Align::right));
    cell(b, l_.col_amount, kAmountX, kAmountWidth, with_align(s, Align::right));
    b.height += kCellPad;
    b.fills.insert(b.fills.begin(), Block::Fill{{kLeft, 0, kContentWidth, b.height}, 0.86});
    return b;
  }

  Block row(const DocumentLine& line) const {
    Block b;
    const Style s{.size = 9};
    const Style number{.size = 9, .align = Align::right, .tabular = true};
    const bool reduced = line.tax == TaxCategory::reduced8;
    // At most 30 lines, so that a row always fits on a page.
    cell(b, line.description + (reduced ? l_.reduced_mark : ""), kLeft, kDescriptionWidth,
         {.size = 9, .max_lines = 30});
    cell(b, tax_column(line.tax), kTaxX, kTaxWidth, with_align(s, Align::centre));
    cell(b, i18n::grouped(line.quantity), kQuantityX, kQuantityWidth, number);
    cell(b, i18n::yen(line.unit_price), kUnitX, kUnitWidth, number);
    cell(b, i18n::yen(line.amount), kAmountX, kAmountWidth, number);
    b.height += kCellPad;
    b.rule(kLeft, b.height - 0.4, kContentWidth, 0.4, 0.75);
    return b;
  }

  // The totals per tax rate (tax excluded) and the tax per rate, then the totals.
  Block summary() const {
    Block b;
    const double top = 10;
    if (has_reduced_rate(doc_)) b.add(text(l_.reduced_legend, {.size = 8, .gray = kGray}), kLeft, top);

    const Style s{.size = 9};
    const Style number{.size = 9, .align = Align::right, .tabular = true};
    constexpr double kAmountColumn = 96;
    double label_width = 0;
    for (const auto& su : doc_.summaries) label_width = std::max(label_width, width_of(text(summary_label(su.tax), s)));
    for (const char* t : {l_.subtotal, l_.tax_total, l_.total}) {
      label_width = std::max(label_width, width_of(text(t, {.size = 10.5, .bold = true})));
    }
    label_width += 12;
    const double tax_label_width = width_of(text(l_.tax, s)) + 16;
    const double width = label_width + kAmountColumn + tax_label_width + kAmountColumn;
    const double x = kRight - width;

    double y = top;
    for (const auto& su : doc_.summaries) {
      double bottom = b.add(text(summary_label(su.tax), s), x, y);
      bottom = std::max(bottom, b.add(text(i18n::yen(su.taxable), number, kAmountColumn), x + label_width, y));
      if (su.tax != TaxCategory::not_taxable) {
        const double tx = x + label_width + kAmountColumn + 16;
        b.add(text(l_.tax, s), tx, y);
        b.add(text(i18n::yen(su.tax_amount), number, kAmountColumn), kRight - kAmountColumn, y);
      }
      y = bottom + 3;
    }
    b.rule(x, y + 2, width, 0.6, 0.3);
    y += 7;
    auto total_row = [&](const char* label, std::int64_t amount, const Style& style) {
      const double amount_width = width - label_width;
      Style right = style;
      right.align = Align::right;
      right.tabular = true;
      double bottom = b.add(text(label, style), x + 4, y + 2);
      bottom = std::max(bottom, b.add(text(i18n::yen(amount), right, amount_width - 4), kRight - amount_width, y + 2));
      return bottom + 2;
    };
    y = total_row(l_.subtotal, doc_.subtotal, s);
    y = total_row(l_.tax_total, doc_.tax_total, s);
    const double total_top = y;
    y = total_row(l_.total, doc_.total, {.size = 10.5, .bold = true});
    b.fills.push_back({{x, total_top, width, y - total_top}, kShade});
    b.height = y;
    return b;
  }

  // A labelled paragraph, one block per line so that it may continue on the next page.
  std::vector<Block> section(const char* label, const std::string& body) const {
    if (body.empty()) return {};
    Block first;
    const double y = first.add(text(label, {.size = 9, .bold = true}), kLeft, 14) + 2;
    auto lines = pdf::line_blocks(text(body, {.size = 9}, kContentWidth - 12), kLeft + 12);
    lines.front().shift_down(y);
    first.merge(std::move(lines.front()));
    lines.front() = std::move(first);
    return lines;
  }

  // The verification address as text and as a QR code (vector modules) at the right.
  Block verification() const {
    Block b;
    const double top = 14;
    Layout caption = text(l_.verify, {.size = 8.5, .gray = kGray}, kContentWidth - kQrSize - 24);
    b.add(caption, kLeft, top);
    double y = top;
    const double qr_x = kRight - kQrSize;
    if (const auto qr = qr::encode(doc_.verify_url)) {
      const double module = kQrSize / qr->width;
      for (const auto& run : qr->runs)
        b.dark.push_back({qr_x + run.col * module, y + run.row * module, run.length * module, module});
      y += kQrSize + 4;
    }  // else too long for a QR code (over ~2,000 bytes): the address alone
    const double url_width = kContentWidth - 24;
    Layout url = text(doc_.verify_url, {.size = 7, .align = Align::right, .gray = 0.2, .max_lines = 8}, url_width);
    const double bottom = b.add(url, kRight - url_width, y);
    const double link_x = std::min(qr_x, kRight - width_of(url));
    b.link_uri = doc_.verify_url;
    b.link_area = {link_x, top, kRight - link_x, bottom - top};
    b.height = std::max(b.height, bottom);
    return b;
  }

  Block footer(std::size_t page, std::size_t pages) const {
    Block b;
    const Style small{.size = 7.5, .gray = 0.4, .max_lines = 1};
    b.rule(kLeft, 0, kContentWidth, 0.4, 0.75);
    b.add(text(doc_.number, small, kContentWidth / 3), kLeft, 5);
    // Two spaces around the slash: with one, pdftotext reads the narrow gaps as "1/2".
    b.add(text(std::to_string(page) + "  /  " + std::to_string(pages), {.size = 8, .align = Align::centre},
               kContentWidth / 3),
          kLeft + kContentWidth / 3, 5);
    b.add(text(doc_.issuer.name, with_align(small, Align::right), kContentWidth / 3), kRight - kContentWidth / 3, 5);
    return b;
  }

 private:
  Layout text(std::string_view s, const Style& style, double width = 0) const { return ts_.text(s, style, width); }

  static Style with_align(Style s, Align a) {
    s.align = a;
    return s;
  }

  // Text in a table cell: padded, wrapped within the column.
  void cell(Block& b, std::string_view s, double x, double width, const Style& style) const {
    b.add(text(s, style, width - 2 * kCellPad), x + kCellPad, kCellPad);
  }

  std::string tax_column(TaxCategory c) const {
    if (c == TaxCategory::not_taxable) return l_.rate_none;
    return std::to_string(rate_percent(c)) + "%";
  }

  const char* summary_label(TaxCategory c) const {
    switch (c) {
      case TaxCategory::standard10:
        return l_.taxable_10;
      case TaxCategory::reduced8:
        return l_.taxable_8;
      case TaxCategory::not_taxable:
        break;
    }
    return l_.not_taxable;
  }

  // Labels in gray in a column at x, their values left-aligned after the widest label; returns
  // the bottom. Rows with an empty value are left out.
  double key_values(Block& b, std::initializer_list<std::pair<std::string_view, std::string>> rows, double x,
                    double width, double y, const Style& style) const {
    Style key_style = style;
    key_style.gray = kGray;
    std::vector<std::pair<Layout, std::string_view>> keys;
    double key_width = 0;
    for (const auto& [key, value] : rows) {
      if (value.empty()) continue;
      keys.emplace_back(text(key, key_style), value);
      key_width = std::max(key_width, width_of(keys.back().first));
    }
    key_width += 6;  // close enough that pdftotext reads label and value as one line
    for (const auto& [key, value] : keys) {
      const double bottom = b.add(key, x, y);
      y = std::max(bottom, b.add(text(value, style, width - key_width), x + key_width, y)) + 1;
    }
    return y;
  }

  double recipient_column(Block& b, double y) const {
    constexpr double kWidth = 286;
    const Party& r = doc_.recipient;
    if (*l_.bill_to) y = b.add(text(l_.bill_to, {.size = 8.5, .gray = kGray}), kLeft, y);
    y = b.add(text(r.name + l_.honorific, {.size = 14, .bold = true, .max_lines = 3}, kWidth), kLeft, y);
    b.rule(kLeft, y + 1, kWidth, 0.8, 0);
    y += 5;
    const Style s{.size = 9, .max_lines = 3};
    const std::string postal = r.postal_code.empty() ? "" : l_.postal_mark + r.postal_code;
    for (const std::string& line : {join({postal, r.address}), r.department,
                                    r.contact.empty() ? "" : l_.attention + r.contact + l_.attention_after}) {
      if (!line.empty()) y = b.add(text(line, s, kWidth), kLeft, y);
    }
    y = b.add(text(doc_.credit_note ? l_.credit_intro : l_.invoice_intro, s, kWidth), kLeft, y + 14);

    // The amount due, in large type on a shaded band.
    y += 6;
    Layout label = text(doc_.credit_note ? l_.credit_total : l_.invoice_total, {.size = 10, .bold = true});
    const double amount_width = kWidth - 24 - width_of(label);
    Layout amount =
        text(i18n::yen(doc_.total), {.size = 20, .bold = true, .align = Align::right, .tabular = true}, amount_width);
    const double band = std::max(height_of(label), height_of(amount)) + 10;
    b.fills.push_back({{kLeft, y, kWidth, band}, kShade});
    b.add(label, kLeft + 8, y + (band - height_of(label)) / 2);
    b.add(amount, kLeft + kWidth - 8 - amount_width, y + (band - height_of(amount)) / 2);
    y += band + 4;
    if (!doc_.due_date.empty()) {
      y = key_values(b, {{l_.due_date, pdf::display_date(doc_.due_date, l_)}}, kLeft + 8, kWidth - 16, y,
                     {.size = 10, .bold = true});
    }
    return y;
  }

  double document_and_issuer_column(Block& b, double y) const {
    constexpr double kWidth = 206;
    constexpr double x = kRight - kWidth;
    const Style s{.size = 8.5, .max_lines = 3};
    y = key_values(b,
                   {{doc_.credit_note ? l_.credit_number : l_.invoice_number, doc_.number},
                    {l_.references, doc_.credit_note ? doc_.references_number : ""},
                    {l_.issue_date, pdf::display_date(doc_.issue_date, l_)},
                    {l_.fiscal_year, doc_.fiscal_year_label}},
                   x, kWidth, y, s);

    const Party& i = doc_.issuer;
    y = b.add(text(i.name, {.size = 11, .bold = true, .max_lines = 3}, kWidth), x, y + 12);
    if (!doc_.registration_number.empty()) {
      y = b.add(text(std::string(l_.registration) + ": " + doc_.registration_number, {.size = 9, .bold = true}, kWidth),
                x, y + 1);
    }
    const std::string postal = i.postal_code.empty() ? "" : l_.postal_mark + i.postal_code;
    for (const std::string& line :
         {join({postal, i.address}), join({i.department, i.contact.empty() ? "" : l_.contact + i.contact}),
          i.phone.empty() ? "" : l_.phone + i.phone, i.email}) {
      if (!line.empty()) y = b.add(text(line, s, kWidth), x, y + 1);
    }
    return y;
  }

  const InvoiceDocument& doc_;
  const pdf::Labels& l_;
  const Typesetter& ts_;
};

void set_metadata(pdf::Writer& out, const InvoiceDocument& doc, const pdf::Labels& labels) {
  out.metadata(CAIRO_PDF_METADATA_TITLE, doc.number);
  out.metadata(CAIRO_PDF_METADATA_CREATOR, "mdsc");
  out.metadata(CAIRO_PDF_METADATA_AUTHOR, doc.issuer.name);
  out.metadata(CAIRO_PDF_METADATA_SUBJECT, doc.credit_note ? labels.credit_title : labels.invoice_title);
  // The document's own date rather than the time of rendering: the same document gives the same
  // bytes, whenever it is rendered.
  if (pdf::display_date(doc.issue_date, labels) != doc.issue_date) {
    out.metadata(CAIRO_PDF_METADATA_CREATE_DATE, doc.issue_date + "T00:00:00+09:00");
  }
}

}  // namespace

std::string render_pdf(const InvoiceDocument& doc, std::string_view lang) {
  const pdf::Labels& labels = pdf::labels_for(lang);
  pdf::Writer out("invoice PDF");
  set_metadata(out, doc, labels);
  cairo_t* cr = out.cr();

  const Typesetter ts(cr);
  const Composer composer(doc, labels, ts);

  // Measure.
  const Block header = composer.first_page_header();
  const Block continued = composer.continued_header();
  const Block table_header = composer.table_header();
  std::vector<Block> rows;
  rows.reserve(doc.lines.size());
  for (const auto& line : doc.lines) rows.push_back(composer.row(line));
  std::vector<Block> closing;
  closing.push_back(composer.summary());
  for (auto& b : composer.section(labels.payment, doc.payment_terms)) closing.push_back(std::move(b));
  for (auto& b : composer.section(labels.notes, doc.notes)) closing.push_back(std::move(b));
  if (!doc.verify_url.empty()) closing.push_back(composer.verification());

  // Paginate: the table header goes with at least one row, and again at the top of every page the
  // table continues on.
  pdf::Paginator pages(kTop, kBottom);
  pages.place(header);
  bool header_on_page = false;
  for (const Block& row : rows) {
    if (!pages.fits(row.height + (header_on_page ? 0 : table_header.height))) {
      pages.new_page();
      pages.place(continued);
      header_on_page = false;
    }
    if (!header_on_page) {
      pages.place(table_header);
      header_on_page = true;
    }
    pages.place(row);
  }
  if (rows.empty()) pages.place(table_header);
  for (const Block& b : closing) {
    if (!pages.fits(b.height)) {
      pages.new_page();
      pages.place(continued);
    }
    pages.place(b);
  }

  // Draw.
  const auto& all = pages.pages();
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (const auto& placed : all[i]) pdf::draw(cr, *placed.block, placed.top);
    pdf::draw(cr, composer.footer(i + 1, all.size()), kFooterTop);
    cairo_show_page(cr);
  }
  return out.finish();
}

}  // namespace mdsc::invoicing
