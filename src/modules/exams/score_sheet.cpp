#include "modules/exams/score_sheet.h"

#include <algorithm>
#include <cctype>

#include "core/csv.h"
#include "core/i18n.h"
#include "web/form.h"

namespace mdsc::exams {
namespace {

// Column key and its header's message id; a header matches either language's text or the key.
const std::vector<std::pair<std::string, std::string>>& columns() {
  static const std::vector<std::pair<std::string, std::string>> c{
      {"name", "roster.name"}, {"email", "field.email"}, {"attempt", "exams.attempt"}, {"score", "exams.score"}};
  return c;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return s;
}

std::string column_for_header(const std::string& raw) {
  const std::string h = lower(web::trim(raw));
  for (const auto& [key, label] : columns())
    if (h == key || h == lower(i18n::t("ja", label)) || h == lower(i18n::t("en", label))) return key;
  return "";
}

}  // namespace

Result<ScoreSheet> read_score_sheet(std::string_view bytes, const std::vector<curriculum::RosterEntry>& roster) {
  auto table = csv::read(bytes);
  if (!table) return table.status();
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < table->header.cells.size(); ++i) {
    const std::string key = column_for_header(table->header.cells[i]);
    if (!key.empty() && !at.count(key)) at[key] = i;
  }
  if (!at.count("email")) return Status::invalid("exams.csv_missing_email");
  if (!at.count("score")) return Status::invalid("exams.csv_missing_score");
  std::map<std::string, const curriculum::RosterEntry*> by_email;
  for (const auto& r : roster) by_email[lower(r.email)] = &r;
  auto cell = [&](const csv::CsvRow& row, const char* key) {
    const auto it = at.find(key);
    return it == at.end() || it->second >= row.cells.size() ? std::string() : web::trim(row.cells[it->second]);
  };
  ScoreSheet sheet;
  for (const auto& row : table->rows) {
    const std::string email = lower(cell(row, "email")), score = cell(row, "score"), attempt = cell(row, "attempt");
    if (email.empty() && score.empty()) continue;  // a trainee left blank: nothing to enter
    const auto who = by_email.find(email);
    if (who == by_email.end()) {
      sheet.row_errors[row.line] = {"exams.unknown_trainee", {{"email", cell(row, "email")}}};
      continue;
    }
    if (score.empty()) continue;
    if (!attempt.empty() && attempt != "1" && attempt != "2") {
      sheet.row_errors[row.line] = {"exams.attempt_invalid", {}};
      continue;
    }
    sheet.entries.push_back({who->second->user_id, attempt == "2" ? 2 : 1, score, row.line});
    sheet.names.push_back(who->second->name);
  }
  return sheet;
}

std::string score_sheet_csv(const std::string& lang, const std::vector<curriculum::RosterEntry>& roster,
                            const std::vector<ExamResult>& results) {
  csv::CsvWriter w;
  std::vector<csv::Cell> header;
  for (const auto& [key, label] : columns()) header.push_back(csv::Cell::text(i18n::t(lang, label)));
  w.row(header);
  for (const auto& t : roster) {
    bool any = false;
    for (const auto& r : results)
      if (r.user_id == t.user_id) {
        w.row({csv::Cell::text(t.name), csv::Cell::text(t.email), csv::Cell::number(r.attempt),
               csv::Cell::number(r.score)});
        any = true;
      }
    if (!any) w.row({csv::Cell::text(t.name), csv::Cell::text(t.email), csv::Cell::number(1), csv::Cell::text("")});
  }
  return w.finish();
}

}  // namespace mdsc::exams
