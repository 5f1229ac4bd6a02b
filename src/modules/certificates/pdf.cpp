#include "modules/certificates/pdf.h"

#include "core/i18n.h"
#include "core/pdf_typeset.h"
#include "core/qr.h"

namespace mdsc::certificates {
namespace {

using pdf::Align;
using pdf::Block;
using pdf::Style;

constexpr double kMargin = 36;
constexpr double kLeft = 72;
constexpr double kWidth = pdf::kPageWidth - 2 * kLeft;
constexpr double kQrSize = 72;
constexpr double kGray = 0.35;

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

// "2018-03-20" as 2018年3月20日 and 20 March 2018; as it is when it is not such a date.
std::pair<std::string, std::string> dates_of(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12) return {iso, iso};
  return {std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日",
          std::to_string(d) + " " + kMonths[m - 1] + " " + std::to_string(y)};
}

void frame(Block& b) {
  const double w = pdf::kPageWidth - 2 * kMargin, h = pdf::kPageHeight - 2 * kMargin;
  for (const double inset : {0.0, 5.0}) {
    const double t = inset ? 0.6 : 1.8, x = kMargin + inset, y = kMargin + inset, iw = w - 2 * inset,
                 ih = h - 2 * inset;
    b.fills.push_back({{x, y, iw, t}, 0.25});
    b.fills.push_back({{x, y + ih - t, iw, t}, 0.25});
    b.fills.push_back({{x, y, t, ih}, 0.25});
    b.fills.push_back({{x + iw - t, y, t, ih}, 0.25});
  }
}

Block compose(const pdf::Typesetter& ts, const Certificate& c, const std::string& verify_url) {
  Block b;
  frame(b);
  auto centred = [&](const std::string& text, Style s, double y) {
    s.align = Align::centre;
    return b.add(ts.text(text, s, kWidth), kLeft, y);
  };
  const int fy = static_cast<int>(c.fiscal_year);
  const auto [date_ja, date_en] = dates_of(c.issued_on);
  double y = b.add(ts.text("No. " + c.number, {.size = 9, .align = Align::right, .gray = kGray}, kWidth), kLeft, 64);
  y = centred("修了認定証", {.size = 32, .bold = true}, y + 40);
  y = centred("Certificate of Completion", {.size = 15, .gray = 0.2}, y + 4);
  y = centred(c.name + " 殿", {.size = 24, .bold = true}, y + 56);
  y = centred(c.name_en, {.size = 14}, y + 4);
  y = centred(std::string("あなたは") + kIssuer.ja + "の" + kProgram.ja + "（" + i18n::fiscal_year_era_label(fy) +
                  "）において所定の科目を修め、修了の要件を満たしたことをここに認定します。",
              {.size = 12}, y + 48);
  y = centred("This is to certify that " + c.name_en + " has completed the " + kProgram.en + " of the " + kIssuer.en +
                  " (" + i18n::fiscal_year_label(fy) + "), having met all its requirements.",
              {.size = 11, .gray = 0.15}, y + 18);
  y = centred(date_ja + " / " + date_en, {.size = 11}, y + 40);
  y = centred(kIssuer.ja, {.size = 14, .bold = true}, y + 44);
  y = centred(kIssuer.en, {.size = 10, .gray = kGray}, y + 2);
  y = centred(std::string("共同認定　") + kSociety.ja, {.size = 14, .bold = true}, y + 20);
  centred(std::string("Co-issued with the ") + kSociety.en, {.size = 10, .gray = kGray}, y + 2);

  // The verification address and its QR code, at the foot of the page.
  const double qr_top = pdf::kPageHeight - kMargin - 24 - kQrSize;
  if (const auto qr = qr::encode(verify_url)) {
    const double module = kQrSize / qr->width;
    for (const auto& run : qr->runs)
      b.dark.push_back({kLeft + run.col * module, qr_top + run.row * module, run.length * module, module});
  }
  const double text_x = kLeft + kQrSize + 14;
  double ty = b.add(ts.text("この認定証が有効であることは、次のアドレスで確認できます。", {.size = 8.5, .gray = kGray},
                            kWidth - kQrSize - 14),
                    text_x, qr_top + 8);
  ty = b.add(ts.text("Check that this certificate is valid at:", {.size = 8.5, .gray = kGray}, kWidth - kQrSize - 14),
             text_x, ty + 1);
  const double url_top = ty + 3;
  ty = b.add(ts.text(verify_url, {.size = 8.5, .max_lines = 3}, kWidth - kQrSize - 14), text_x, url_top);
  b.link_uri = verify_url;
  b.link_area = {kLeft, qr_top, kWidth, ty - qr_top};
  return b;
}

}  // namespace

std::string render_pdf(const Certificate& c, const std::string& verify_url) {
  pdf::Writer out("certificate PDF");
  out.metadata(CAIRO_PDF_METADATA_TITLE, "修了認定証 / Certificate of Completion " + c.number);
  out.metadata(CAIRO_PDF_METADATA_CREATOR, "mdsc");
  out.metadata(CAIRO_PDF_METADATA_AUTHOR, kIssuer.en);
  // The certificate's own date: the same certificate gives the same bytes whenever it is rendered.
  out.metadata(CAIRO_PDF_METADATA_CREATE_DATE, c.issued_on + "T00:00:00+09:00");
  {
    const pdf::Typesetter ts(out.cr());
    pdf::draw(out.cr(), compose(ts, c, verify_url), 0);
  }
  cairo_show_page(out.cr());
  return out.finish();
}

}  // namespace mdsc::certificates
