#include "modules/members/forms.h"
#include "web/form_values.h"

#include <charconv>

namespace mdsc::members {

Organization read_organization(const web::Form& f, const std::string& kind, Status& st) {
  Organization o;
  o.kind = kind;
  o.company_type = kind == "company" ? f.get("company_type") : "";
  o.name = f.trimmed("name");
  o.name_kana = f.trimmed("name_kana");
  o.name_en = f.trimmed("name_en");
  o.corporate_number = f.trimmed("corporate_number");
  o.employee_count = web::read_number(f.get("employee_count"), "employee_count", st);
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
