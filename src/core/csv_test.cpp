#include "core/csv.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "core/i18n.h"

namespace mdsc::csv {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// CP932 bytes made by ICU's converter directly, independent of the code under test.
std::string to_cp932(const std::string& utf8) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* c = ucnv_open("cp932", &err);
  EXPECT_TRUE(U_SUCCESS(err));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::string out(static_cast<std::size_t>(u.length()) * 2 + 1, '\0');
  int32_t n = ucnv_fromUChars(c, out.data(), static_cast<int32_t>(out.size()), u.getBuffer(),
                              u.length(), &err);
  ucnv_close(c);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

Rows all_rows(const CsvTable& t) {
  Rows out{t.header.cells};
  for (const auto& r : t.rows) out.push_back(r.cells);
  return out;
}

std::string written(std::vector<Cell> cells) {
  CsvWriter w;
  w.row(cells);
  std::string s = w.finish();
  return s.substr(3, s.size() - 5);  // without BOM and CRLF
}

TEST(CsvWriter, BomCrlfAndQuoting) {
  CsvWriter w;
  w.row({Cell::text("会社名"), Cell::number(-1000)});
  w.row({Cell::text("a,b"), Cell::text("say \"hi\""), Cell::text("two\nlines"), Cell::text("")});
  w.row({Cell::text("")});
  EXPECT_EQ(w.rows(), 3u);
  EXPECT_EQ(w.finish(),
            "\xEF\xBB\xBF"
            "会社名,-1000\r\n"
            "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n"
            "\"\"\r\n");
}

TEST(CsvWriter, NeutralisesFormulasInTextOnly) {
  for (const char* s :
       {"=1+1", "+81 3 1234", "-abc", "@SUM(A1)", "\tx", "＝１＋１", "＋", "－５", "＠x", "−5"})
    EXPECT_EQ(written({Cell::text(s)}), std::string("'") + s) << s;
  EXPECT_EQ(written({Cell::text("\r=1")}), "\"'\r=1\"");  // neutralised, then quoted for the CR
  EXPECT_EQ(Cell::text("").value(), "");
  EXPECT_EQ(written({Cell::text("=HYPERLINK(\"x\",\"y\")")}),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  for (const char* s : {"a=b", "1-2", "' already", "メール@example.jp", "〜"})
    EXPECT_EQ(written({Cell::text(s)}), s) << s;
  // Numbers we write ourselves keep their sign.
  EXPECT_EQ(written({Cell::number(-1000)}), "-1000");
  EXPECT_EQ(written({Cell::number(INT64_MIN)}), "-9223372036854775808");
  EXPECT_EQ(written({Cell::decimal("-12.5")}), "-12.5");
  EXPECT_EQ(written({Cell::decimal("0")}), "0");
  // A "decimal" that is not one is text, and neutralised as such.
  for (const char* s : {"-1+1", "=1", "-", "-.5", "1.", "1e5", "-1,000"})
    EXPECT_EQ(Cell::decimal(s).value(), Cell::text(s).value()) << s;
  EXPECT_EQ(Cell::decimal("-1+1").value(), "'-1+1");
}

TEST(CsvReader, RoundTrip) {
  Rows data = {
      {"氏名", "所属", "メモ"},
      {"山田 太郎", "株式会社サンプル, 東京支社", "彼は\"はい\"と言った"},
      {"  spaces kept  ", "multi\nline", "crlf\r\ninside"},
      {"", "", ""},
      {"①髙﨑", "\"", ","},
      {""},  // written as "" so that it is not an empty line
  };
  CsvWriter w;
  for (const auto& r : data) {
    std::vector<Cell> cells;
    for (const auto& c : r) cells.push_back(Cell::text(c));
    w.row(cells);
  }
  auto t = read(w.finish());
  ASSERT_TRUE(t.is_ok()) << t.status().message_id();
  EXPECT_EQ(t->encoding, Encoding::utf8);
  EXPECT_EQ(all_rows(*t), data);
  EXPECT_EQ(t->header.line, 1u);
  ASSERT_EQ(t->rows.size(), 5u);
  EXPECT_EQ(t->rows[0].line, 2u);
  EXPECT_EQ(t->rows[1].line, 3u);
  EXPECT_EQ(t->rows[2].line, 6u);  // the row before spans lines 3 to 5
  EXPECT_EQ(t->rows[3].line, 7u);
  EXPECT_EQ(t->rows[4].cells, std::vector<std::string>{""});
}

TEST(CsvReader, NeutralisedTextReadsBackWithItsQuote) {
  CsvWriter w;
  w.row({Cell::text("-abc"), Cell::number(-1000)});
  auto t = read(w.finish());
  ASSERT_TRUE(t.is_ok());
  EXPECT_EQ(t->header.cells, (std::vector<std::string>{"'-abc", "-1000"}));
}

TEST(CsvReader, LineEndsAndEmptyLines) {
  auto t = read("a,b\nc,d");
  ASSERT_TRUE(t.is_ok());
  EXPECT_EQ(all_rows(*t), (Rows{{"a", "b"}, {"c", "d"}}));
  t = read("a,b\r\n\r\nc,\n\n\"\"\n");
  ASSERT_TRUE(t.is_ok());
  EXPECT_EQ(all_rows(*t), (Rows{{"a", "b"}, {"c", ""}, {""}}));
  EXPECT_EQ(t->rows[0].line, 3u);
  EXPECT_EQ(t->rows[1].line, 5u);
  t = read("a\rb,c\n");  // a lone CR is data
  ASSERT_TRUE(t.is_ok());
  EXPECT_EQ(all_rows(*t), (Rows{{"a\rb", "c"}}));
  t = read("x,\"q\"\"\",\" y \"\r\n");
  ASSERT_TRUE(t.is_ok());
  EXPECT_EQ(all_rows(*t), (Rows{{"x", "q\"", " y "}}));
}

TEST(CsvReader, ExcelCp932WithTrailingCrlf) {
  std::string utf8 =
      "会員番号,氏名,会社名,金額\r\n"
      "1,山田 太郎,株式会社～テスト,\"1,000\"\r\n"
      "2,髙橋 ①,ｶﾌﾞｼｷｶﾞｲｼｬ－,-500\r\n";
  std::string bytes = to_cp932(utf8);
  ASSERT_FALSE(is_valid_utf8(bytes));
  auto t = read(bytes);
  ASSERT_TRUE(t.is_ok()) << t.status().message_id();
  EXPECT_EQ(t->encoding, Encoding::cp932);
  EXPECT_EQ(all_rows(*t), (Rows{{"会員番号", "氏名", "会社名", "金額"},
                                {"1", "山田 太郎", "株式会社～テスト", "1,000"},
                                {"2", "髙橋 ①", "ｶﾌﾞｼｷｶﾞｲｼｬ－", "-500"}}));
  EXPECT_EQ(t->rows.back().line, 3u);
}

TEST(CsvReader, BadEncoding) {
  for (std::string bad : {std::string("a,b\r\n\x81\x20,c\r\n"),  // CP932 lead byte, bad trail
                          std::string("abc\x82"),                // truncated double-byte character
                          std::string("\xFF\xFE"
                                      "a\0,\0b\0",
                                      8),               // UTF-16LE with BOM
                          std::string("a\0,\0b\0", 6),  // UTF-16 without BOM: NULs
                          std::string("\xFC\xFC")}) {
    auto t = read(bad);
    ASSERT_FALSE(t.is_ok());
    EXPECT_EQ(t.status().message_id(), "csv.bad_encoding");
    EXPECT_EQ(t.status().code(), Code::invalid);
  }
}

TEST(CsvReader, UnclosedQuoteNamesItsLine) {
  auto t = read("h1,h2\r\nx,\"abc\r\ndef\r\n");
  ASSERT_FALSE(t.is_ok());
  EXPECT_EQ(t.status().message_id(), "csv.unclosed_quote");
  EXPECT_EQ(t.status().args().at("line"), "2");
  t = read("h\n\"a\nb\"\nc\n\"open");
  ASSERT_FALSE(t.is_ok());
  EXPECT_EQ(t.status().args().at("line"), "5");
}

TEST(CsvReader, TextAfterClosingQuote) {
  auto t = read("h\n\"abc\"def\n");
  ASSERT_FALSE(t.is_ok());
  EXPECT_EQ(t.status().message_id(), "csv.text_after_quote");
  EXPECT_EQ(t.status().args().at("line"), "2");
}

TEST(CsvReader, EmptyInput) {
  for (const char* s : {"", "\xEF\xBB\xBF", "\r\n\r\n"}) {
    auto t = read(s);
    ASSERT_FALSE(t.is_ok());
    EXPECT_EQ(t.status().message_id(), "csv.empty");
  }
}

// The refusal of a text beyond one of the limits; reading it fails the test.
Status refusal(std::string_view text, const ReadLimits& limits) {
  auto t = read(text, limits);
  EXPECT_FALSE(t.is_ok()) << "read despite the limits: " << text;
  return t.is_ok() ? Status::ok() : t.status();
}

TEST(CsvReader, Limits) {
  ReadLimits bytes;
  bytes.max_bytes = 10;
  EXPECT_TRUE(read("0123456789", bytes).is_ok());
  const Status too_large = refusal("0123456789\n", bytes);
  EXPECT_EQ(too_large.message_id(), "csv.too_large");
  EXPECT_EQ(too_large.code(), Code::too_large);

  ReadLimits rows;
  rows.max_rows = 2;
  EXPECT_TRUE(read("h\n1\n2\n", rows).is_ok());
  EXPECT_EQ(refusal("h\n1\n2\n3\n", rows).message_id(), "csv.too_many_rows");

  ReadLimits columns;
  columns.max_columns = 3;
  EXPECT_TRUE(read("a,b,c\n", columns).is_ok());
  const Status too_wide = refusal("a,b,c\n1,2,3,4\n", columns);
  EXPECT_EQ(too_wide.message_id(), "csv.too_many_columns");
  EXPECT_EQ(too_wide.args().at("line"), "2");
}

TEST(CsvWriter, Cp932Export) {
  CsvWriter w;
  w.row({Cell::text("波ダッシュ〜"), Cell::text("−5"), Cell::text("¥1,000")});
  auto bytes = w.finish_cp932();
  ASSERT_TRUE(bytes.is_ok()) << bytes.status().message_id();
  // 〜 and − go out as Microsoft's ～ (81 60) and － (81 7C), never as ICU's 0xFCFC substitute;
  // − at the start is a formula trigger, so the cell is neutralised.
  EXPECT_EQ(*bytes, to_cp932("波ダッシュ～,'－5,\"￥1,000\"\r\n"));
  EXPECT_EQ(bytes->find("\xFC\xFC"), std::string::npos);
  CsvWriter other;
  other.row({Cell::text("‖—¢£¬¦")});  // the other JIS/Microsoft pairs
  EXPECT_EQ(*other.finish_cp932(), to_cp932("∥―￠￡￢￤\r\n"));
  auto t = read(*bytes);
  ASSERT_TRUE(t.is_ok());
  EXPECT_EQ(t->encoding, Encoding::cp932);
  EXPECT_EQ(t->header.cells, (std::vector<std::string>{"波ダッシュ～", "'－5", "￥1,000"}));
}

TEST(CsvWriter, Cp932RefusesWhatItCannotHold) {
  CsvWriter w;
  w.row({Cell::text("名前")});
  w.row({Cell::text("笑顔😀")});
  auto bytes = w.finish_cp932();
  ASSERT_FALSE(bytes.is_ok());
  EXPECT_EQ(bytes.status().message_id(), "csv.unencodable");
  EXPECT_EQ(bytes.status().args().at("row"), "2");
  EXPECT_EQ(bytes.status().args().at("char"), "😀");
}

TEST(Utf8, Validation) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("ascii, 日本語, 😀, \xC2\x80"));
  EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong /
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE6\x97"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation
}

TEST(CsvMessages, InCatalogues) {
  for (const char* id :
       {"csv.bad_encoding", "csv.empty", "csv.unclosed_quote", "csv.text_after_quote",
        "csv.too_large", "csv.too_many_rows", "csv.too_many_columns", "csv.unencodable"}) {
    for (const char* lang : {"ja", "en"})
      EXPECT_TRUE(i18n::Catalog::instance().has(lang, id)) << lang << " " << id;
  }
}

}  // namespace
}  // namespace mdsc::csv
