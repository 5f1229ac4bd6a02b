#include "modules/members/forms.h"

#include <charconv>

namespace mdsc::members {

std::optional<std::int64_t> parse_amount(std::string s) {
  // Full-width digits (U+FF10–FF19) and the yen and comma marks people paste from documents.
  std::string ascii;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
        static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99) {
      ascii += static_cast<char>('0' + static_cast<unsigned char>(s[i + 2]) - 0x90);
      i += 2;
    } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
               static_cast<unsigned char>(s[i + 2]) == 0x8C) {
      i += 2;  // full-width comma
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA5) {
      ++i;  // ¥
    } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
               static_cast<unsigned char>(s[i + 2]) == 0xA5) {
      i += 2;  // full-width ￥
    } else if (c == ',' || c == ' ' || c == '\\') {
      continue;
    } else {
      ascii += static_cast<char>(c);
    }
  }
  if (ascii.empty()) return std::nullopt;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(ascii.data(), ascii.data() + ascii.size(), v);
  if (ec != std::errc() || p != ascii.data() + ascii.size()) return std::nullopt;
  return v;
}

std::optional<std::int64_t> read_int(const std::string& text, const std::string& field, Status& st) {
  std::string t = web::trim(text);
  if (t.empty()) return std::nullopt;
  auto v = parse_amount(t);
  if (!v) st.field(field, "validation.number");
  return v;
}

Organization read_organization(const web::Form& f, const std::string& kind, Status& st) {
  Organization o;
  o.kind = kind;
  o.company_type = kind == "company" ? f.get("company_type") : "";
  o.name = f.trimmed("name");
  o.name_kana = f.trimmed("name_kana");
  o.name_en = f.trimmed("name_en");
  o.corporate_number = f.trimmed("corporate_number");
  o.employee_count = read_int(f.get("employee_count"), "employee_count", st);
  o.founded_on = f.trimmed("founded_on");
  o.postal_code = f.trimmed("postal_code");
  o.address = f.trimmed("address");
  o.phone = f.trimmed("phone");
  o.email = f.trimmed("email");
  o.contact_name = f.trimmed("contact_name");
  o.contact_department = f.trimmed("contact_department");
  o.active = !f.has("active_present") || f.get("active") == "1";
  return o;
}

std::vector<web::FieldSpec> organization_fields(const Organization& o) {
  std::vector<web::FieldSpec> f;
  auto add = [&](std::string name, std::string label, std::string type, bool required, std::string value,
                 std::string hint = "") {
    web::FieldSpec s{std::move(name), std::move(label), std::move(type), required, "off"};
    s.value = std::move(value);
    s.hint_id = std::move(hint);
    f.push_back(std::move(s));
  };
  add("name", "org.name", "text", true, o.name);
  add("name_kana", "org.name_kana", "text", false, o.name_kana);
  add("name_en", "org.name_en", "text", false, o.name_en);
  if (o.kind == "company") {
    web::FieldSpec t{"company_type", "org.company_type", "select", true};
    t.options = {{"pharma", "company_type.pharma"}, {"medical_it", "company_type.medical_it"},
                 {"medical_devices", "company_type.medical_devices"}, {"cro", "company_type.cro"},
                 {"other", "company_type.other"}};
    t.value = o.company_type;
    f.push_back(t);
    add("corporate_number", "org.corporate_number", "text", false, o.corporate_number, "org.corporate_number.hint");
    f.back().input_mode = "numeric";
    add("employee_count", "org.employee_count", "text", false,
        o.employee_count ? std::to_string(*o.employee_count) : "", "org.employee_count.hint");
    f.back().input_mode = "numeric";
    add("founded_on", "org.founded_on", "date", false, o.founded_on, "org.founded_on.hint");
  }
  add("postal_code", "org.postal_code", "text", false, o.postal_code, "org.postal_code.hint");
  f.back().autocomplete = "postal-code";
  add("address", "org.address", "text", false, o.address);
  add("phone", "org.phone", "text", false, o.phone);
  f.back().autocomplete = "tel";
  add("email", "org.email", "email", false, o.email, o.kind == "company" ? "org.email.hint" : "");
  add("contact_department", "org.contact_department", "text", false, o.contact_department);
  add("contact_name", "org.contact_name", "text", false, o.contact_name);
  web::FieldSpec active{"active", "field.active", "checkbox"};
  active.value = o.active ? "1" : "";
  f.push_back(active);
  return f;
}

}  // namespace mdsc::members
