#pragma once
// An exam's score sheet as CSV: the file the exam page offers (every trainee of the course with
// their scores so far, to fill in in Excel) and the reading of what comes back (UTF-8 or CP932).
// Columns are found by their header, in Japanese or English: e-mail and score, attempt optional;
// the others (the name) are for the reader and ignored.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "modules/curriculum.h"
#include "modules/exams/model.h"
#include "modules/exams/operations.h"

namespace mdsc::exams {

struct ScoreSheet {
  std::vector<ScoreEntry> entries;  // the rows with a score, in file order
  std::vector<std::string> names;   // the trainee of each entry, as the roster names them
  // Rows that cannot become an entry (an e-mail not on the course's roster, an attempt that is
  // not 1 or 2), by line; with check_scores' findings they are the rows the preview lists.
  std::map<std::size_t, FieldError> row_errors;
};

// Refused as a whole (a message id with args): the file's encoding or shape (csv.*), or a header
// without the e-mail or the score column (exams.csv_missing_email, exams.csv_missing_score).
Result<ScoreSheet> read_score_sheet(std::string_view bytes, const std::vector<curriculum::RosterEntry>& roster);

// The sheet to fill in, in the reader's language (headers), UTF-8 with BOM and CRLF.
std::string score_sheet_csv(const std::string& lang, const std::vector<curriculum::RosterEntry>& roster,
                            const std::vector<ExamResult>& results);

}  // namespace mdsc::exams
