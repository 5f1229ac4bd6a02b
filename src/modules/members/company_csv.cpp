#include "modules/members/company_csv.h"

#include <map>
#include <set>

#include "core/i18n.h"
#include "core/jp_numbers.h"
#include "modules/members/operations.h"
#include "modules/members/repo.h"
#include "platform/identity/validation.h"
#include "web/form.h"

namespace mdsc::members {
namespace {

// Column key → catalogue id of its label.
const std::vector<std::pair<std::string, std::string>>& columns() {
  static const std::vector<std::pair<std::string, std::string>> c{
      {"name", "org.name"},
      {"name_kana", "org.name_kana"},
      {"name_en", "org.name_en"},
      {"company_type", "org.company_type"},
      {"corporate_number", "org.corporate_number"},
      {"employee_count", "org.employee_count"},
      {"founded_on", "org.founded_on"},
      {"postal_code", "org.postal_code"},
      {"address", "org.address"},
      {"phone", "org.phone"},
      {"email", "org.email"},
      {"contact_department", "org.contact_department"},
      {"contact_name", "org.contact_name"},
  };
  return c;
}

std::string column_for_header(const std::string& raw) {
  std::string h = web::trim(raw);
  for (const auto& [key, label] : columns()) {
    if (h == key || h == i18n::t("ja", label) || h == i18n::t("en", label)) return key;
  }
  return "";
}

std::string company_type_from(const std::string& raw) {
  std::string v = web::trim(raw);
  for (const auto& t : company_types())
    if (v == t || v == i18n::t("ja", "company_type." + t) || v == i18n::t("en", "company_type." + t)) return t;
  return v.empty() ? "" : "?" + v;
}

}  // namespace

const std::vector<std::string>& company_csv_columns() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const auto& [key, label] : columns()) k.push_back(key);
    return k;
  }();
  return keys;
}

bool ImportPreview::valid() const {
  if (!file_errors.empty() || rows.empty()) return false;
  for (const auto& r : rows)
    if (!r.errors.empty()) return false;
  return true;
}

std::string companies_to_csv(const std::vector<Organization>& companies, const std::string& lang) {
  csv::CsvWriter w;
  std::vector<csv::Cell> header;
  for (const auto& [key, label] : columns()) header.push_back(csv::Cell::text(i18n::t(lang, label)));
  w.row(header);
  for (const auto& o : companies) {
    w.row({csv::Cell::text(o.name), csv::Cell::text(o.name_kana), csv::Cell::text(o.name_en),
           csv::Cell::text(i18n::t(lang, "company_type." + o.company_type)), csv::Cell::text(o.corporate_number),
           o.employee_count ? csv::Cell::number(*o.employee_count) : csv::Cell::text(""), csv::Cell::text(o.founded_on),
           csv::Cell::text(o.postal_code), csv::Cell::text(o.address), csv::Cell::text(o.phone), csv::Cell::text(o.email),
           csv::Cell::text(o.contact_department), csv::Cell::text(o.contact_name)});
  }
  return w.finish();
}

ImportPreview preview_company_import(db::Conn& c, std::string_view bytes, const std::string& today) {
  ImportPreview p;
  auto table = csv::read(bytes);
  if (!table) {
    p.file_errors.push_back({table.status().message_id(), table.status().args()});
    return p;
  }
  std::map<std::size_t, std::string> col_of;  // cell index → column key
  std::set<std::string> seen;
  for (std::size_t i = 0; i < table->header.cells.size(); ++i) {
    std::string key = column_for_header(table->header.cells[i]);
    if (key.empty()) {
      if (!web::trim(table->header.cells[i]).empty())
        p.file_errors.push_back({"import.unknown_column", {{"column", table->header.cells[i]}}});
      continue;
    }
    if (!seen.insert(key).second) p.file_errors.push_back({"import.duplicate_column", {{"column", table->header.cells[i]}}});
    col_of[i] = key;
  }
  if (!seen.count("name")) p.file_errors.push_back({"import.missing_column", {{"column", i18n::t("ja", "org.name")}}});
  if (!p.file_errors.empty()) return p;

  std::map<std::string, std::size_t> numbers_in_file;
  for (const auto& row : table->rows) {
    ImportRow r;
    r.line = row.line;
    std::map<std::string, std::string> v;
    for (std::size_t i = 0; i < row.cells.size(); ++i)
      if (col_of.count(i)) v[col_of[i]] = web::trim(row.cells[i]);
    Organization& o = r.company;
    o.kind = "company";
    o.name = v["name"];
    o.name_kana = v["name_kana"];
    o.name_en = v["name_en"];
    o.company_type = company_type_from(v["company_type"]);
    if (o.company_type.empty()) o.company_type = "other";
    o.corporate_number = v["corporate_number"].empty() ? "" : normalize_corporate_number(v["corporate_number"]);
    Status st;
    if (!v["employee_count"].empty()) {
      try {
        std::size_t used = 0;
        o.employee_count = std::stoll(v["employee_count"], &used);
        if (used != v["employee_count"].size()) throw std::invalid_argument("trailing");
      } catch (const std::exception&) {
        st.field("employee_count", "validation.number");
      }
    }
    o.founded_on = v["founded_on"];
    o.postal_code = v["postal_code"];
    o.address = v["address"];
    o.phone = v["phone"];
    o.email = identity::normalize_email(v["email"]);
    o.contact_department = v["contact_department"];
    o.contact_name = v["contact_name"];
    Status checked = validate_organization(o, today);
    for (const auto& [field, fe] : checked.fields()) st.field(field, fe.message_id, fe.args);
    if (!o.corporate_number.empty() && !st.fields().count("corporate_number")) {
      if (auto first = numbers_in_file.find(o.corporate_number); first != numbers_in_file.end())
        st.field("corporate_number", "import.duplicate_in_file", {{"line", std::to_string(first->second)}});
      else if (repo::organization_by_corporate_number(c, o.corporate_number))
        st.field("corporate_number", "members.corporate_number_taken");
      numbers_in_file.emplace(o.corporate_number, row.line);
    }
    for (const auto& [field, fe] : st.fields()) r.errors.emplace_back(field, fe);
    p.rows.push_back(std::move(r));
  }
  if (p.rows.empty()) p.file_errors.push_back({"import.no_rows", {}});
  return p;
}

}  // namespace mdsc::members
