// The invoice PDF read back as a reader would: text with poppler's pdftotext, embedded fonts with
// pdffonts, metadata with pdfinfo.
#include "modules/invoicing/pdf.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/poppler.h"

// LeakSanitizer (make test-asan): cairo 1.16 loses about 768 bytes per embedded CFF font subset
// in cairo_surface_finish, and fontconfig keeps its configuration for the life of the process.
// Neither is ours; every cairo object we create is owned by pdf::Writer or a smart pointer.
extern "C" const char* __lsan_default_suppressions() { return "leak:libcairo.so\nleak:libfontconfig.so\n"; }

namespace mdsc::invoicing {
namespace {

namespace fs = std::filesystem;

InvoiceDocument sample_invoice() {
  InvoiceDocument d;
  d.number = "MDSC-FY2018-0001";
  d.issue_date = "2018-04-02";
  d.due_date = "2018-05-31";
  d.fiscal_year_label = "2018年度 (FY2018)";
  d.issuer = {"一般社団法人 材料開発コンソーシアム",
              "980-8575",
              "宮城県仙台市青葉区片平2-1-1",
              "事務局",
              "佐藤 花子",
              "022-000-0000",
              "office@mdsc.example.org"};
  d.registration_number = "T1234567890123";
  d.recipient = {"株式会社東北マテリアル", "980-0021", "宮城県仙台市青葉区中央1-1-1", "経理部", "鈴木 一郎", "", ""};
  d.lines = {
      {"2018年度 A会員 年会費", 1, 2000000, 2000000, TaxCategory::standard10},
      {"成果報告会 参加費", 3, 5000, 15000, TaxCategory::standard10},
      {"2018年度 会費 (不課税分)", 1, 300000, 300000, TaxCategory::not_taxable},
  };
  d.summaries = {{TaxCategory::standard10, 2015000, 201500}, {TaxCategory::not_taxable, 300000, 0}};
  d.subtotal = 2315000;
  d.tax_total = 201500;
  d.total = 2516500;
  d.payment_terms = "七十七銀行 本店営業部 普通 1234567\n口座名義 シヤ)ザイリヨウカイハツコンソーシアム";
  d.notes = "お振込手数料は貴社にてご負担ください。";
  d.verify_url = "https://mdsc.example.org/invoices/verify/MDSC-FY2018-0001?k=3f9a";
  return d;
}

InvoiceDocument sample_credit_note() {
  InvoiceDocument d = sample_invoice();
  d.credit_note = true;
  d.number = "MDSC-FY2018-0001-R1";
  d.references_number = "MDSC-FY2018-0001";
  d.issue_date = "2018-06-15";
  d.due_date = "";
  d.lines = {{"成果報告会 参加費 (1名キャンセル)", 1, -5000, -5000, TaxCategory::standard10}};
  d.summaries = {{TaxCategory::standard10, -5000, -500}};
  d.subtotal = -5000;
  d.tax_total = -500;
  d.total = -5500;
  d.notes = "";
  d.verify_url = "";
  return d;
}

// The sample invoice in Japanese, rendered once for the tests that only read it.
const std::string& sample_pdf() {
  static const std::string pdf = render_pdf(sample_invoice(), "ja");
  return pdf;
}

std::string text_of(const std::string& pdf) { return testing::pdf_text(pdf); }
using testing::poppler;

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + needle.size())) ++n;
  return n;
}

std::string line_containing(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.find(needle) != std::string::npos) return line;
  }
  return "";
}

TEST(InvoicePdf, ShowsWhatAQualifiedInvoiceMustShow) {
  const std::string& pdf = sample_pdf();
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  const std::string text = text_of(pdf);
  for (const char* expected : {"請求書",
                               "適格請求書",  // title
                               "一般社団法人 材料開発コンソーシアム",
                               "登録番号: T1234567890123",     // issuer
                               "株式会社東北マテリアル 御中",  // recipient
                               "請求書番号",
                               "MDSC-FY2018-0001",
                               "発行日",
                               "2018年4月2日",  // number, date
                               "2018年度 A会員 年会費",
                               "成果報告会 参加費",
                               "2018年度 会費 (不課税分)",
                               "¥2,000,000",
                               "¥5,000",
                               "¥15,000",
                               "不課税",  // lines
                               "お支払期限",
                               "2018年5月31日",  // due date
                               "振込先",
                               "七十七銀行 本店営業部 普通 1234567",
                               "備考",
                               "お振込手数料は貴社にてご負担ください。",
                               "https://mdsc.example.org/invoices/verify/MDSC-FY2018-0001?k=3f9a",
                               "1 / 1"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  // The total and the tax per rate, on one line each.
  const std::string ten = line_containing(text, "10%対象");
  EXPECT_NE(ten.find("¥2,015,000"), std::string::npos) << ten;
  EXPECT_NE(ten.find("消費税"), std::string::npos) << ten;
  EXPECT_NE(ten.find("¥201,500"), std::string::npos) << ten;
  EXPECT_NE(line_containing(text, "不課税  ").find("¥300,000"), std::string::npos) << text;
  EXPECT_NE(line_containing(text, "小計 (税抜)").find("¥2,315,000"), std::string::npos) << text;
  EXPECT_NE(line_containing(text, "合計 (税込)").find("¥2,516,500"), std::string::npos) << text;
  EXPECT_NE(line_containing(text, "ご請求金額 (税込)").find("¥2,516,500"), std::string::npos) << text;
  // No reduced-rate line: no reduced-rate legend.
  EXPECT_EQ(text.find("軽減税率"), std::string::npos);
}

TEST(InvoicePdf, EmbedsASubsetOfNotoSansCjk) {
  const std::string fonts = poppler("pdffonts", sample_pdf());
  int noto = 0;
  std::istringstream in(fonts);
  for (std::string line; std::getline(in, line);) {
    if (line.find("NotoSansCJK") == std::string::npos) {
      continue;
    }
    ++noto;
    // name type... encoding emb sub uni object-id generation
    std::istringstream words(line);
    std::vector<std::string> w{std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
    ASSERT_GE(w.size(), 6u) << line;
    EXPECT_EQ(w[w.size() - 5], "yes") << "embedded: " << line;
    EXPECT_EQ(w[w.size() - 4], "yes") << "subset: " << line;
    EXPECT_NE(w[0].find('+'), std::string::npos) << "subset tag: " << line;
  }
  EXPECT_GE(noto, 1) << fonts;
  EXPECT_EQ(fonts.find("DejaVu"), std::string::npos) << "a fallback font was used:\n" << fonts;
}

TEST(InvoicePdf, MetadataNamesTheDocumentAndIsIndependentOfTheClock) {
  const std::string& pdf = sample_pdf();
  const std::string info = poppler("pdfinfo", pdf);
  EXPECT_NE(line_containing(info, "Title:").find("MDSC-FY2018-0001"), std::string::npos) << info;
  EXPECT_NE(line_containing(info, "Creator:").find("mdsc"), std::string::npos) << info;
  EXPECT_NE(line_containing(info, "Page size:").find("(A4)"), std::string::npos) << info;
  EXPECT_NE(line_containing(info, "CreationDate:").find("2018"), std::string::npos) << info;
  EXPECT_EQ(render_pdf(sample_invoice(), "ja"), pdf) << "the same document gives the same bytes";
}

TEST(InvoicePdf, CreditNoteNamesTheInvoiceItCorrectsWithNegativeAmounts) {
  const std::string text = text_of(render_pdf(sample_credit_note(), "ja"));
  for (const char* expected : {"適格返還請求書", "返還インボイス", "対象請求書番号", "返還金額 (税込)",
                               "成果報告会 参加費 (1名キャンセル)", "-¥5,000", "-¥500", "-¥5,500"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  EXPECT_NE(line_containing(text, "対象請求書番号").find("MDSC-FY2018-0001"), std::string::npos) << text;
  EXPECT_NE(line_containing(text, "返還請求書番号").find("MDSC-FY2018-0001-R1"), std::string::npos) << text;
  EXPECT_EQ(text.find("お支払期限"), std::string::npos) << "a credit note has no due date";
}

TEST(InvoicePdf, EnglishLabelsKeepTheJapaneseNames) {
  const std::string text = text_of(render_pdf(sample_invoice(), "en"));
  for (const char* expected : {"Invoice", "Bill to", "Registration No.: T1234567890123", "Due date", "31 May 2018",
                               "Subtotal", "Consumption tax", "Total", "Not taxable", "株式会社東北マテリアル",
                               "一般社団法人 材料開発コンソーシアム", "¥2,000,000"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  EXPECT_EQ(text.find("御中"), std::string::npos);
  EXPECT_EQ(text.find("お支払期限"), std::string::npos);
  const std::string credit = text_of(render_pdf(sample_credit_note(), "en"));
  EXPECT_NE(credit.find("Credit note"), std::string::npos) << credit;
  EXPECT_NE(line_containing(credit, "Corrects invoice No.").find("MDSC-FY2018-0001"), std::string::npos) << credit;
}

TEST(InvoicePdf, MarksReducedRateLines) {
  InvoiceDocument d = sample_invoice();
  d.lines.push_back({"会議用弁当", 10, 1000, 10000, TaxCategory::reduced8});
  d.summaries.insert(d.summaries.begin() + 1, {TaxCategory::reduced8, 10000, 800});
  const std::string text = text_of(render_pdf(d, "ja"));
  EXPECT_NE(text.find("会議用弁当 ※"), std::string::npos) << text;
  EXPECT_NE(text.find("※ 軽減税率対象"), std::string::npos) << text;
  const std::string eight = line_containing(text, "8%対象");
  EXPECT_NE(eight.find("¥10,000"), std::string::npos) << eight;
  EXPECT_NE(eight.find("¥800"), std::string::npos) << eight;
}

TEST(InvoicePdf, TextIsPrintedAsGivenNotInterpretedAsMarkup) {
  InvoiceDocument d = sample_invoice();
  d.lines[0].description = "<b>R&D</b> &amp; 会費";
  d.recipient.name = "株式会社<i>テスト</i>";
  d.notes = std::string("不正な\xff\xfeバイト");
  const std::string text = text_of(render_pdf(d, "ja"));
  EXPECT_NE(text.find("<b>R&D</b> &amp; 会費"), std::string::npos) << text;
  EXPECT_NE(text.find("株式会社<i>テスト</i> 御中"), std::string::npos) << text;
  EXPECT_NE(text.find("不正な"), std::string::npos) << text;
  EXPECT_NE(text.find("バイト"), std::string::npos) << text;
}

TEST(InvoicePdf, LongDescriptionsWrapWithinTheirColumn) {
  InvoiceDocument d = sample_invoice();
  d.lines[0].description =
      "2018年度 A会員 年会費 (研究会、成果報告会、技術相談、施設利用の優先枠を含む。期間は2018年4月1日から"
      "2019年3月31日まで) WRAPEND";
  const std::string text = text_of(render_pdf(d, "ja"));
  const std::string first = line_containing(text, "2018年度 A会員 年会費");
  EXPECT_NE(first.find("¥2,000,000"), std::string::npos) << "amount on the row's first line:\n" << text;
  const std::string last = line_containing(text, "WRAPEND");
  ASSERT_FALSE(last.empty()) << text;
  EXPECT_NE(last, first) << text;
  EXPECT_EQ(last.find("¥"), std::string::npos) << "a continuation line of the description only: " << last;
}

TEST(InvoicePdf, AbsurdlyLongTextIsCutRatherThanRunOffThePage) {
  InvoiceDocument d = sample_invoice();
  std::string huge;
  for (int i = 0; i < 400; ++i) huge += "年会費の内訳 ";
  d.lines[0].description = huge;
  d.recipient.name = huge;
  const std::string text = text_of(render_pdf(d, "ja"));
  // The name keeps 3 lines and the description 30 (the row then starts a page of its own). The
  // text cut is still in the text layer, behind the "…" (cairo maps the glyph to what it replaces).
  std::size_t lines = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines += line.find("年会費の内訳") != std::string::npos;
  EXPECT_LE(lines, 3u + 30u) << text;
  EXPECT_LE(count(text, "\f"), 2u) << text;
  EXPECT_NE(line_containing(text, "合計 (税込)").find("¥2,516,500"), std::string::npos) << text;
}

TEST(InvoicePdf, ManyLinesContinueOnFurtherPagesWithTheTableHeader) {
  InvoiceDocument d = sample_invoice();
  d.lines.clear();
  for (int i = 1; i <= 60; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "ITEM-%02d 会費", i);
    d.lines.push_back({name, 1, 1000, 1000, TaxCategory::standard10});
  }
  d.summaries = {{TaxCategory::standard10, 60000, 6000}};
  d.subtotal = 60000;
  d.tax_total = 6000;
  d.total = 66000;
  const std::string text = text_of(render_pdf(d, "ja"));
  const std::size_t pages = count(text, "\f");
  ASSERT_GE(pages, 2u) << text;
  for (std::size_t p = 1; p <= pages; ++p) {
    const std::string number = std::to_string(p) + " / " + std::to_string(pages);
    EXPECT_EQ(count(text, number), 1u) << number << "\n" << text;
  }
  for (int i = 1; i <= 60; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "ITEM-%02d", i);
    EXPECT_EQ(count(text, name), 1u) << name;
  }
  EXPECT_GE(count(text, "内容 / 品名"), 2u) << "the table header is repeated";
  EXPECT_EQ(count(text, "請求書 MDSC-FY2018-0001 (続き)"), pages - 1) << "the title on every further page";
  // The table header and the first rows of a page come together: never a header alone at a foot.
  std::istringstream in(text);
  bool after_header = false;
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \f") == std::string::npos) continue;
    if (after_header) {
      EXPECT_NE(line.find("ITEM-"), std::string::npos) << "after the table header: " << line;
    }
    after_header = line.find("内容 / 品名") != std::string::npos;
  }
  EXPECT_NE(line_containing(text, "合計 (税込)").find("¥66,000"), std::string::npos);
}

TEST(InvoicePdf, RendersFromSeveralThreadsAtOnce) {
  const InvoiceDocument invoice = sample_invoice();
  const InvoiceDocument credit = sample_credit_note();
  const std::string& expected_invoice = sample_pdf();
  const std::string expected_credit = render_pdf(credit, "en");
  // Fresh threads: each makes its own font map while the others render.
  std::array<std::string, 4> out;
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < out.size(); ++t) {
    threads.emplace_back([&, t] { out[t] = t % 2 ? render_pdf(credit, "en") : render_pdf(invoice, "ja"); });
  }
  for (auto& th : threads) th.join();
  for (std::size_t t = 0; t < out.size(); ++t) {
    EXPECT_TRUE(out[t] == (t % 2 ? expected_credit : expected_invoice)) << "thread " << t << " differs";
  }
}

TEST(InvoicePdf, VerificationAddressIsALink) {
  const std::string& pdf = sample_pdf();
  EXPECT_NE(pdf.find("/URI (https://mdsc.example.org/invoices/verify/MDSC-FY2018-0001?k=3f9a)"), std::string::npos);
  InvoiceDocument without = sample_invoice();
  without.verify_url.clear();
  const std::string plain = render_pdf(without, "ja");
  EXPECT_EQ(plain.find("/URI"), std::string::npos);
  EXPECT_EQ(text_of(plain).find("https://"), std::string::npos);
}

TEST(InvoiceDocument, TaxCategories) {
  EXPECT_EQ(rate_percent(TaxCategory::standard10), 10);
  EXPECT_EQ(rate_percent(TaxCategory::reduced8), 8);
  EXPECT_EQ(rate_percent(TaxCategory::not_taxable), 0);
  EXPECT_EQ(category_code(TaxCategory::standard10), "10");
  EXPECT_EQ(category_code(TaxCategory::reduced8), "8");
  EXPECT_EQ(category_code(TaxCategory::not_taxable), "none");
}

}  // namespace
}  // namespace mdsc::invoicing
