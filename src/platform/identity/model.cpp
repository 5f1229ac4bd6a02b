#include "platform/identity/model.h"

namespace mdsc::identity {

std::string User::display_name(std::string_view lang) const {
  if (lang == "en" && !romaji_name.empty()) return romaji_name;
  std::string n = family_name;
  if (!given_name.empty()) n += (n.empty() ? "" : " ") + given_name;
  if (n.empty()) n = romaji_name;
  return n.empty() ? email : n;
}

nlohmann::json to_json(const User& u) {
  auto roles = nlohmann::json::array();
  for (const auto& g : u.roles) {
    nlohmann::json r{{"role", std::string(web::role_name(g.role))}};
    if (!g.scope_type.empty()) {
      r["scope_type"] = g.scope_type;
      r["scope_id"] = g.scope_id;
    }
    roles.push_back(r);
  }
  return {{"id", u.id},
          {"email", u.email},
          {"family_name", u.family_name},
          {"given_name", u.given_name},
          {"family_name_kana", u.family_name_kana},
          {"given_name_kana", u.given_name_kana},
          {"romaji_name", u.romaji_name},
          {"preferred_lang", u.preferred_lang},
          {"active", u.active},
          {"roles", roles}};
}

}  // namespace mdsc::identity
