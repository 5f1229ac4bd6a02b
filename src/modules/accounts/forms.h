#pragma once
// The accounts pages' forms: fields from the user's table (identity/model.cpp) with what each page
// adds (autocomplete, hints, options), and reading them back onto a user.
#include <vector>

#include "core/result.h"
#include "nlohmann/json.hpp"
#include "platform/identity/model.h"
#include "web/fields.h"
#include "web/form.h"

namespace mdsc::accounts {

// The secretariat's user form: every field, the scoped roles as text ("instructor:12, ...").
std::vector<web::FieldSpec> user_fields(const identity::User& u);
// The account page's profile: names and language.
std::vector<web::FieldSpec> profile_fields(const identity::User& u);
// Reads the user form onto u (a new user, or the stored one under its lock): the table's fields,
// the role checkboxes and the scoped roles; bad roles are reported on "roles" or "scoped_roles".
Status read_user_form(const web::Form& form, identity::User& u);
// The roles a JSON body names ("roles": ["trainee", {"role": "instructor", "scope_id": 3}]) onto u;
// a body without "roles" leaves them.
void read_roles_json(const nlohmann::json& j, identity::User& u, Status& st);

std::vector<web::FieldSpec> login_fields();
std::vector<web::FieldSpec> password_fields();      // the current one and the new one
std::vector<web::FieldSpec> new_password_fields();  // a reset link's
web::FieldSpec token_name_field();

}  // namespace mdsc::accounts
