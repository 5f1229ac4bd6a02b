#include "modules/accounts/forms.h"

#include <algorithm>

#include "platform/identity/users.h"

namespace mdsc::accounts {
namespace {

using identity::User;

// What the table's fields get on these pages. On one's own account the browser may fill in the
// names; on the secretariat's form, which is about someone else, it may not.
void decorate(std::vector<web::FieldSpec>& fields, bool own_account) {
  for (auto& f : fields) {
    if (f.type != "select" && f.type != "checkbox") f.autocomplete = "off";
    if (own_account && f.name == "family_name") f.autocomplete = "family-name";
    if (own_account && f.name == "given_name") f.autocomplete = "given-name";
    if (own_account && f.name == "romaji_name") f.autocomplete = "name";
    if (f.name == "romaji_name") {
      f.lang_attr = "en";
      f.hint_id = "field.romaji_name.hint";
    }
    if (f.name == "preferred_lang") f.options = {{"ja", "lang.ja"}, {"en", "lang.en"}};
  }
}

web::FieldSpec scoped_roles_field(const User& u) {
  web::FieldSpec f{"scoped_roles", "field.scoped_roles", "text", false, "off"};
  f.hint_id = "field.scoped_roles.hint";
  for (const auto& g : u.roles)
    if (!g.scope_type.empty())
      f.value += (f.value.empty() ? "" : ", ") + std::string(web::role_name(g.role)) + ":" + std::to_string(g.scope_id);
  return f;
}

void add_role(std::string_view spec, const char* field, User& u, Status& st) {
  auto g = identity::parse_role(spec);
  if (!g) st.field(field, g.status().message_id(), g.status().args());
  else u.roles.push_back(*g);
}

}  // namespace

std::vector<web::FieldSpec> user_fields(const User& u) {
  auto f = entity::form_fields(u);
  decorate(f, false);
  auto active = std::find_if(f.begin(), f.end(), [](const web::FieldSpec& s) { return s.name == "active"; });
  f.insert(active, scoped_roles_field(u));
  return f;
}

std::vector<web::FieldSpec> profile_fields(const User& u) {
  auto f = entity::form_fields(u);
  decorate(f, true);
  std::erase_if(f, [](const web::FieldSpec& s) { return s.name == "email" || s.name == "active"; });
  return f;
}

Status read_user_form(const web::Form& form, User& u) {
  Status st;
  entity::from_form(form, u, st);
  u.roles.clear();
  for (const auto& name : form.all("roles")) add_role(name, "roles", u, st);
  const std::string scoped = form.get("scoped_roles");
  for (std::size_t pos = 0; pos <= scoped.size();) {
    const std::size_t comma = std::min(scoped.find(',', pos), scoped.size());
    const std::string spec = web::trim(std::string_view(scoped).substr(pos, comma - pos));
    if (!spec.empty()) add_role(spec, "scoped_roles", u, st);
    pos = comma + 1;
  }
  return st;
}

void read_roles_json(const nlohmann::json& j, User& u, Status& st) {
  if (!j.is_object() || !j.contains("roles")) return;
  u.roles.clear();
  const auto& roles = j["roles"];
  if (!roles.is_array()) {
    st.field("roles", "validation.invalid_input");
    return;
  }
  for (const auto& r : roles) {
    std::string spec;
    if (r.is_string()) {
      spec = r.get<std::string>();
    } else if (r.is_object()) {
      if (r.contains("role") && r["role"].is_string()) spec = r["role"].get<std::string>();
      if (r.contains("scope_id") && r["scope_id"].is_number_integer())
        spec += ":" + std::to_string(r["scope_id"].get<std::int64_t>());
    }
    add_role(spec, "roles", u, st);
  }
}

std::vector<web::FieldSpec> login_fields() {
  return {{"email", "field.email", "email", true, "username"},
          {"password", "field.password", "password", true, "current-password"}};
}

std::vector<web::FieldSpec> password_fields() {
  web::FieldSpec current{"password_current", "field.current_password", "password", true, "current-password"};
  auto next = new_password_fields().front();
  next.name = "password_new";
  return {current, next};
}

std::vector<web::FieldSpec> new_password_fields() {
  web::FieldSpec p{"password", "field.new_password", "password", true, "new-password"};
  p.hint_id = "password.rules";
  return {p};
}

web::FieldSpec token_name_field() {
  web::FieldSpec name{"name", "field.token_name", "text", true, "off"};
  name.hint_id = "tokens.name_hint";
  return name;
}

}  // namespace mdsc::accounts
