#pragma once
// Companies as CSV: the export and the import share one column layout, so an exported file can be
// edited in Excel and imported again. Headers may be the column keys or their Japanese or English
// labels; company types may be codes or labels.
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/result.h"
#include "db/database.h"
#include "modules/members/model.h"

namespace mdsc::members {

const std::vector<std::string>& company_csv_columns();

// UTF-8 with BOM, CRLF; header labels in `lang`.
std::string companies_to_csv(const std::vector<Organization>& companies, const std::string& lang);

struct ImportRow {
  std::size_t line = 0;
  Organization company;
  std::vector<std::pair<std::string, FieldError>> errors;  // column, problem
};

struct ImportPreview {
  std::vector<ImportRow> rows;
  std::vector<FieldError> file_errors;  // header problems, encoding, size
  bool valid() const;
};

// Checks every row against the rules of create_organization, duplicates within the file, and
// corporate numbers already registered. Writes nothing.
ImportPreview preview_company_import(db::Conn& c, std::string_view bytes, const std::string& today);

}  // namespace mdsc::members
