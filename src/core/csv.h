#pragma once
// CSV for exports that Japanese Excel opens correctly and for imports of what it saves.
//
// Writing: UTF-8 with a BOM (without it Excel reads the file as CP932 and garbles Japanese), CRLF,
// RFC 4180 quoting, and formula-injection neutralisation of text cells: a cell that Excel would
// evaluate (= + - @ TAB CR, and the full-width ＝ ＋ － ＠ that Japanese IMEs produce) gets a
// leading ' so that it shows as text. Numbers we write ourselves are never touched, so -1000
// stays a number while the user's "-abc" becomes "'-abc". A CP932 variant exists for older
// software that cannot read UTF-8.
//
// Reading: UTF-8 (BOM optional) or CP932 (Excel's "CSV (カンマ区切り)"), detected strictly; RFC
// 4180 with CRLF or LF line ends. Cells are returned exactly as written (nothing trimmed) in UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace mdsc::csv {

class Cell {
 public:
  // User-supplied or otherwise untrusted text: neutralised if Excel would read it as a formula.
  static Cell text(std::string s);
  // A number we produced: written as is, never neutralised.
  static Cell number(std::int64_t n);
  // A decimal we formatted ourselves ("-12.5"). Written as is only if it really is a plain
  // decimal number (-?digits[.digits]); anything else is treated as text, so a mistake here cannot
  // open a formula hole.
  static Cell decimal(std::string s);

  // The cell's text as it will appear in the file, before quoting (neutralisation applied).
  const std::string& value() const { return value_; }

 private:
  explicit Cell(std::string v) : value_(std::move(v)) {}
  std::string value_;
};

class CsvWriter {
 public:
  // A row of one empty cell (or none) is written as "" rather than as an empty line, which
  // readers skip.
  void row(const std::vector<Cell>& cells);
  // Number of rows written so far (header included).
  std::size_t rows() const { return record_starts_.size(); }

  // UTF-8 with BOM and CRLF line ends: what Excel opens without an import dialog.
  std::string finish() const;
  // CP932 without BOM, for software that only reads Shift_JIS. Characters whose JIS and Microsoft
  // mappings differ (〜 U+301C, − U+2212, ¥ U+00A5, ...) are first mapped to the Microsoft forms,
  // because ICU would otherwise reject or substitute them. A character CP932 cannot hold (emoji,
  // 𠮷) is an error "csv.unencodable" with args row (1-based, header included) and char.
  Result<std::string> finish_cp932() const;

 private:
  std::string text_;                        // UTF-8, no BOM
  std::vector<std::size_t> record_starts_;  // offset of each record in text_
};

enum class Encoding { utf8, cp932 };

struct CsvRow {
  std::size_t line = 0;  // physical line where the record starts, 1-based (for "row 3: ...")
  std::vector<std::string> cells;
};

struct CsvTable {
  Encoding encoding = Encoding::utf8;  // what the file was read as
  CsvRow header;
  std::vector<CsvRow> rows;  // data rows, header excluded
};

struct ReadLimits {
  std::size_t max_bytes = 10 * 1024 * 1024;
  std::size_t max_rows = 20000;  // data rows
  std::size_t max_columns = 500;
};

// Errors (message ids with their args):
//   csv.too_large {max_bytes}          the input is longer than limits.max_bytes (Code::too_large)
//   csv.bad_encoding                   neither valid UTF-8 nor valid CP932, or contains NUL
//                                      (a UTF-16 file looks like that)
//   csv.empty                          no header row
//   csv.unclosed_quote {line}          a quoted cell opened on {line} never closes
//   csv.text_after_quote {line}        "abc"def: text after a closing quote
//   csv.too_many_rows {max_rows}       (Code::too_large)
//   csv.too_many_columns {line, max_columns}
// Completely empty lines are skipped (a trailing newline, or blank lines left by an editor);
// a line holding only "" is a row with one empty cell.
Result<CsvTable> read(std::string_view bytes, const ReadLimits& limits = {});

// Whether s is well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool is_valid_utf8(std::string_view s);

}  // namespace mdsc::csv
