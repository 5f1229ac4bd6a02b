#include "platform/identity/model.h"

#include "platform/identity/validation.h"

namespace mdsc::identity {

std::string User::display_name(std::string_view lang) const {
  if (lang == "en" && !romaji_name.empty()) return romaji_name;
  std::string n = family_name;
  if (!given_name.empty()) n += (n.empty() ? "" : " ") + given_name;
  if (n.empty()) n = romaji_name;
  return n.empty() ? email : n;
}

nlohmann::json roles_json(const std::vector<web::RoleGrant>& roles) {
  auto out = nlohmann::json::array();
  for (const auto& g : roles) {
    nlohmann::json r{{"role", std::string(web::role_name(g.role))}};
    if (!g.scope_type.empty()) {
      r["scope_type"] = g.scope_type;
      r["scope_id"] = g.scope_id;
    }
    out.push_back(r);
  }
  return out;
}

nlohmann::json to_json(const User& u) {
  auto j = entity::to_json(u);
  j["roles"] = roles_json(u.roles);
  return j;
}

nlohmann::json snapshot(const User& u) {
  auto j = entity::snapshot(u);
  j["id"] = u.id;  // recorded since the first audit entries: a new user's entry names its id
  j["roles"] = roles_json(u.roles);
  return j;
}

namespace {
const std::vector<std::string>& languages() {
  static const std::vector<std::string> v{"ja", "en"};
  return v;
}
std::string check_family_name(std::string_view s) { return check_name(s, true); }
std::string check_given_name(std::string_view s) { return check_name(s, false); }
}  // namespace

using entity::Table, entity::field, entity::columns;

// The form labels are the account and user pages'; the checks are validation.h's (their message ids).
const entity::Table<User>& User::table() {
  static const Table<User> t{
      "user",
      {field<&User::id>().key(), field<&User::email>().label("field.email", "email").required().check(check_email),
       field<&User::family_name>().label("field.family_name").required().check(check_family_name),
       field<&User::given_name>().label("field.given_name").check(check_given_name),
       field<&User::family_name_kana>().label("field.family_name_kana").check(check_kana),
       field<&User::given_name_kana>().label("field.given_name_kana").check(check_kana),
       field<&User::romaji_name>().label("field.romaji_name").check(check_romaji),
       field<&User::preferred_lang>().label("field.preferred_lang", "select").required().one_of(languages()),
       field<&User::active>().label("field.active", "checkbox"),
       // Bookkeeping: stored, but neither in the API nor in the audit log.
       field<&User::created_at>().secret(), field<&User::updated_at>().secret(),
       field<&User::has_password>().joined().secret()}};
  return t;
}

const entity::Table<SessionInfo>& SessionInfo::table() {
  static const Table<SessionInfo> t{"session",
                                    {field<&SessionInfo::id>().key(),
                                     columns<&SessionInfo::user_id, &SessionInfo::created_at, &SessionInfo::last_seen,
                                             &SessionInfo::expires_at, &SessionInfo::user_agent>()}};
  return t;
}

// The audit log records a new token's owner, name and prefix.
const entity::Table<ApiToken>& ApiToken::table() {
  static const Table<ApiToken> t{
      "api_token",
      {field<&ApiToken::id>().key(), columns<&ApiToken::user_id, &ApiToken::name, &ApiToken::prefix>(),
       field<&ApiToken::created_at>().not_audited(), field<&ApiToken::last_used_at>().nullable().not_audited(),
       field<&ApiToken::revoked_at>().nullable().not_audited()}};
  return t;
}

const entity::Table<PasswordReset>& PasswordReset::table() {
  static const Table<PasswordReset> t{
      "password_reset",
      {field<&PasswordReset::id>().key(),
       columns<&PasswordReset::user_id, &PasswordReset::created_at, &PasswordReset::expires_at>(),
       field<&PasswordReset::used_at>().nullable()}};
  return t;
}

}  // namespace mdsc::identity
