// CSV writing and reading (see csv.h).
#include "core/csv.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <climits>
#include <memory>
#include <stdexcept>

#include "core/i18n.h"

namespace mdsc::csv {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// "windows-31j" is the IANA name of Microsoft's CP932 and opens the same ICU table as "cp932"
// (ibm-943_P15A-2003) without U_AMBIGUOUS_ALIAS_WARNING: the alias "cp932" may name other tables
// in other ICU builds, this one may not. Both callbacks STOP so that nothing is substituted
// silently (ICU's default would write 0xFCFC for 〜 or decode garbage as U+FFFD).
using Converter = std::unique_ptr<UConverter, decltype(&ucnv_close)>;
Converter open_cp932() {
  UErrorCode err = U_ZERO_ERROR;
  Converter c(ucnv_open("windows-31j", &err), &ucnv_close);
  if (U_FAILURE(err)) throw std::runtime_error("ICU cannot open windows-31j");
  ucnv_setToUCallBack(c.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  ucnv_setFromUCallBack(c.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  if (U_FAILURE(err)) throw std::runtime_error("ICU cannot set converter callbacks");
  return c;
}

// Strict CP932 → UTF-8; false on any byte sequence CP932 does not define (or a truncated one).
bool cp932_to_utf8(std::string_view in, std::string& out) {
  auto conv = open_cp932();
  std::u16string buf(in.size() + 1, u'\0');  // CP932 yields at most one UTF-16 unit per byte
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv.get(), buf.data(), static_cast<int32_t>(buf.size()), in.data(),
                            static_cast<int32_t>(in.size()), &err);
  if (U_FAILURE(err)) return false;
  out.clear();
  icu::UnicodeString(buf.data(), n).toUTF8String(out);
  return true;
}

// JIS-based mappings (macOS, Linux, web forms) produce the first character of each pair where
// Windows uses the second; only the second exists in CP932.
constexpr std::pair<char16_t, char16_t> kToMicrosoft[] = {
    {u'\u301C', u'\uFF5E'},  // 〜 → ～
    {u'\u2212', u'\uFF0D'},  // − → －
    {u'\u2016', u'\u2225'},  // ‖ → ∥
    {u'\u2014', u'\u2015'},  // — → ―
    {u'\u00A2', u'\uFFE0'},  // ¢ → ￠
    {u'\u00A3', u'\uFFE1'},  // £ → ￡
    {u'\u00AC', u'\uFFE2'},  // ¬ → ￢
    {u'\u00A5', u'\uFFE5'},  // ¥ → ￥ (i18n::yen writes U+00A5)
    {u'\u00A6', u'\uFFE4'},  // ¦ → ￤
};

char16_t to_microsoft_form(char16_t c) {
  for (auto [from, to] : kToMicrosoft)
    if (c == from) return to;
  return c;
}

// UTF-8 → CP932; on failure sets bad_char to the first character CP932 cannot hold.
bool utf8_to_cp932(UConverter* conv, std::string_view in, std::string& out, std::string& bad_char) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), in.size()));
  for (int32_t i = 0; i < u.length(); ++i) u.setCharAt(i, to_microsoft_form(u.charAt(i)));
  out.assign(static_cast<std::size_t>(u.length()) * 2 + 1, '\0');  // ≤ 2 bytes per UTF-16 unit
  UErrorCode err = U_ZERO_ERROR;
  ucnv_resetFromUnicode(conv);
  int32_t n = ucnv_fromUChars(conv, out.data(), static_cast<int32_t>(out.size()), u.getBuffer(),
                              u.length(), &err);
  if (U_SUCCESS(err)) {
    out.resize(static_cast<std::size_t>(n));
    return true;
  }
  // Find the culprit one code point at a time (error path only).
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    icu::UnicodeString one = u.tempSubString(i, u.moveIndex32(i, 1) - i);
    char tmp[8];
    UErrorCode e = U_ZERO_ERROR;
    ucnv_resetFromUnicode(conv);
    ucnv_fromUChars(conv, tmp, sizeof tmp, one.getBuffer(), one.length(), &e);
    if (U_FAILURE(e)) {
      bad_char.clear();
      one.toUTF8String(bad_char);
      break;
    }
  }
  return false;
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  for (auto p : prefixes)
    if (s.starts_with(p)) return true;
  return false;
}

// OWASP's list of formula triggers plus the full-width forms: Japanese Excel evaluates ＝1+1
// typed through the IME as a formula, and users paste such text into our forms. − (U+2212) is
// included because the CP932 export turns it into －.
bool looks_like_formula(std::string_view s) {
  return starts_with_any(s, {"=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "−"});
}

bool is_plain_decimal(std::string_view s) {
  std::size_t i = s.starts_with('-') ? 1 : 0;
  std::size_t int_digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++int_digits;
  if (int_digits == 0) return false;
  if (i == s.size()) return true;
  if (s[i] != '.') return false;
  std::size_t frac_start = ++i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i == s.size() && i > frac_start;
}

void append_quoted(std::string& out, std::string_view v) {
  bool needs = v.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!needs) {
    out += v;
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

Status error(std::string id, std::map<std::string, std::string> args = {}) {
  return {Code::invalid, std::move(id), std::move(args)};
}

// A line ends at LF or CRLF; a lone CR is data (it never ends a line in files Excel writes).
bool at_line_end(std::string_view t, std::size_t i) {
  return t[i] == '\n' || (t[i] == '\r' && i + 1 < t.size() && t[i + 1] == '\n');
}
std::size_t line_end_length(std::string_view t, std::size_t i) { return t[i] == '\r' ? 2 : 1; }

Result<CsvTable> parse(std::string_view t, const ReadLimits& limits, Encoding enc) {
  CsvTable table;
  table.encoding = enc;
  bool have_header = false;
  std::size_t i = 0;
  std::size_t line = 1;
  while (i < t.size()) {
    if (at_line_end(t, i)) {  // an empty line: no record
      i += line_end_length(t, i);
      ++line;
      continue;
    }
    CsvRow row;
    row.line = line;
    for (;;) {
      std::string cell;
      if (i < t.size() && t[i] == '"') {
        const std::size_t open_line = line;
        ++i;
        for (;;) {
          if (i >= t.size())
            return error("csv.unclosed_quote", {{"line", std::to_string(open_line)}});
          if (t[i] == '"') {
            if (i + 1 < t.size() && t[i + 1] == '"') {
              cell += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (t[i] == '\n') ++line;
          cell += t[i++];
        }
        if (i < t.size() && t[i] != ',' && !at_line_end(t, i))
          return error("csv.text_after_quote", {{"line", std::to_string(line)}});
      } else {
        while (i < t.size() && t[i] != ',' && !at_line_end(t, i)) cell += t[i++];
      }
      row.cells.push_back(std::move(cell));
      if (row.cells.size() > limits.max_columns)
        return error("csv.too_many_columns", {{"line", std::to_string(row.line)},
                                              {"max_columns", std::to_string(limits.max_columns)}});
      if (i < t.size() && t[i] == ',') {
        ++i;
        continue;
      }
      if (i < t.size()) {
        i += line_end_length(t, i);
        ++line;
      }
      break;
    }
    if (!have_header) {
      table.header = std::move(row);
      have_header = true;
    } else {
      if (table.rows.size() == limits.max_rows)
        return Status(Code::too_large, "csv.too_many_rows",
                      {{"max_rows", i18n::grouped(static_cast<std::int64_t>(limits.max_rows))}});
      table.rows.push_back(std::move(row));
    }
  }
  if (!have_header) return error("csv.empty");
  return table;
}

}  // namespace

Cell Cell::text(std::string s) {
  if (!looks_like_formula(s)) return Cell(std::move(s));
  // Built anew rather than s.insert(0, "'"), which trips GCC 12's false -Wrestrict at -O2.
  std::string quoted;
  quoted.reserve(s.size() + 1);
  quoted += '\'';
  quoted += s;
  return Cell(std::move(quoted));
}

Cell Cell::number(std::int64_t n) { return Cell(std::to_string(n)); }

Cell Cell::decimal(std::string s) {
  if (is_plain_decimal(s)) return Cell(std::move(s));
  return text(std::move(s));
}

void CsvWriter::row(const std::vector<Cell>& cells) {
  record_starts_.push_back(text_.size());
  // A lone empty cell would be an empty line, which readers (ours included) skip.
  if (cells.empty() || (cells.size() == 1 && cells[0].value().empty())) {
    text_ += "\"\"\r\n";
    return;
  }
  for (std::size_t k = 0; k < cells.size(); ++k) {
    if (k > 0) text_ += ',';
    append_quoted(text_, cells[k].value());
  }
  text_ += "\r\n";
}

std::string CsvWriter::finish() const {
  std::string out(kBom);
  out += text_;
  return out;
}

// Record by record, so that an error can name the row.
Result<std::string> CsvWriter::finish_cp932() const {
  auto conv = open_cp932();
  std::string out, chunk, bad;
  for (std::size_t r = 0; r < record_starts_.size(); ++r) {
    std::size_t end = r + 1 < record_starts_.size() ? record_starts_[r + 1] : text_.size();
    std::string_view rec =
        std::string_view(text_).substr(record_starts_[r], end - record_starts_[r]);
    if (!utf8_to_cp932(conv.get(), rec, chunk, bad))
      return error("csv.unencodable", {{"row", std::to_string(r + 1)}, {"char", bad}});
    out += chunk;
  }
  return out;
}

Result<CsvTable> read(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.size() > limits.max_bytes || bytes.size() > static_cast<std::size_t>(INT32_MAX - 1))
    return Status(Code::too_large, "csv.too_large",
                  {{"max_bytes", i18n::grouped(static_cast<std::int64_t>(limits.max_bytes))}});
  std::string converted;
  std::string_view text;
  Encoding enc = Encoding::utf8;
  // UTF-8 first: Japanese text in CP932 is practically never valid UTF-8, while the reverse test
  // would accept many UTF-8 files as (wrong) CP932.
  if (is_valid_utf8(bytes)) {
    text = bytes.starts_with(kBom) ? bytes.substr(kBom.size()) : bytes;
  } else if (cp932_to_utf8(bytes, converted)) {
    text = converted;
    enc = Encoding::cp932;
  } else {
    return error("csv.bad_encoding");
  }
  // NUL is valid in both encodings but never in a spreadsheet's text, and PostgreSQL refuses it.
  if (text.find('\0') != std::string_view::npos) return error("csv.bad_encoding");
  return parse(text, limits, enc);
}

// Table 3-7 of the Unicode Standard (well-formed UTF-8 byte sequences).
bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  auto in = [&](std::size_t k, unsigned lo, unsigned hi) {
    return k < n && byte(k) >= lo && byte(k) <= hi;
  };
  while (i < n) {
    unsigned b = byte(i);
    if (b < 0x80) {
      ++i;
    } else if (b >= 0xC2 && b <= 0xDF) {
      if (!in(i + 1, 0x80, 0xBF)) return false;
      i += 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      unsigned lo = b == 0xE0 ? 0xA0 : 0x80;  // no overlongs
      unsigned hi = b == 0xED ? 0x9F : 0xBF;  // no surrogates
      if (!in(i + 1, lo, hi) || !in(i + 2, 0x80, 0xBF)) return false;
      i += 3;
    } else if (b >= 0xF0 && b <= 0xF4) {
      unsigned lo = b == 0xF0 ? 0x90 : 0x80;  // no overlongs
      unsigned hi = b == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
      if (!in(i + 1, lo, hi) || !in(i + 2, 0x80, 0xBF) || !in(i + 3, 0x80, 0xBF)) return false;
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace mdsc::csv
