#include <algorithm>

#include "core/i18n.h"
#include "modules/accounts/handlers.h"
#include "platform/identity/repo.h"
#include "platform/identity/users.h"
#include "platform/web_actor.h"
#include "web/fields.h"
#include "web/render.h"

namespace mdsc::accounts::handlers {
namespace {

std::string role_label(const Context& ctx, const web::RoleGrant& g) {
  std::string label = ctx.t("role." + std::string(web::role_name(g.role)));
  if (!g.scope_type.empty()) label += " #" + std::to_string(g.scope_id);
  return label;
}

std::vector<web::FieldSpec> user_fields(const User& u) {
  std::vector<web::FieldSpec> f;
  f.push_back({"email", "field.email", "email", true, "off"});
  f.back().value = u.email;
  f.push_back({"family_name", "field.family_name", "text", true, "off"});
  f.back().value = u.family_name;
  f.push_back({"given_name", "field.given_name", "text", false, "off"});
  f.back().value = u.given_name;
  f.push_back({"family_name_kana", "field.family_name_kana", "text", false, "off"});
  f.back().value = u.family_name_kana;
  f.push_back({"given_name_kana", "field.given_name_kana", "text", false, "off"});
  f.back().value = u.given_name_kana;
  f.push_back({"romaji_name", "field.romaji_name", "text", false, "off"});
  f.back().value = u.romaji_name;
  f.back().lang_attr = "en";
  f.back().hint_id = "field.romaji_name.hint";
  web::FieldSpec lang{"preferred_lang", "field.preferred_lang", "select", true};
  lang.options = {{"ja", "lang.ja"}, {"en", "lang.en"}};
  lang.value = u.preferred_lang;
  f.push_back(lang);
  web::FieldSpec scoped{"scoped_roles", "field.scoped_roles", "text", false, "off"};
  scoped.hint_id = "field.scoped_roles.hint";
  std::string s;
  for (const auto& g : u.roles)
    if (!g.scope_type.empty())
      s += (s.empty() ? "" : ", ") + std::string(web::role_name(g.role)) + ":" + std::to_string(g.scope_id);
  scoped.value = s;
  f.push_back(scoped);
  web::FieldSpec active{"active", "field.active", "checkbox"};
  active.value = u.active ? "1" : "";
  f.push_back(active);
  return f;
}

nlohmann::json role_options(const Context& ctx, const User& u, bool submitted) {
  auto out = nlohmann::json::array();
  auto chosen = ctx.form.all("roles");
  for (auto r : web::all_roles()) {
    if (!web::role_scope_type(r).empty()) continue;
    std::string name(web::role_name(r));
    bool checked = submitted ? std::find(chosen.begin(), chosen.end(), name) != chosen.end()
                             : std::any_of(u.roles.begin(), u.roles.end(),
                                           [&](const web::RoleGrant& g) { return g.role == r; });
    out.push_back({{"value", name}, {"label", ctx.t("role." + name)}, {"checked", checked}, {"id", "role-" + name}});
  }
  return out;
}

// Reads the user form; role errors are reported on the "roles" field.
UserInput read_user_form(const Context& ctx, Status& st) {
  UserInput in;
  in.email = ctx.form.trimmed("email");
  in.family_name = ctx.form.trimmed("family_name");
  in.given_name = ctx.form.trimmed("given_name");
  in.family_name_kana = ctx.form.trimmed("family_name_kana");
  in.given_name_kana = ctx.form.trimmed("given_name_kana");
  in.romaji_name = ctx.form.trimmed("romaji_name");
  in.preferred_lang = ctx.form.get("preferred_lang");
  in.active = ctx.form.get("active") == "1";
  for (const auto& name : ctx.form.all("roles")) {
    auto g = parse_role(name);
    if (!g) st.field("roles", g.status().message_id(), g.status().args());
    else in.roles.push_back(*g);
  }
  std::string scoped = ctx.form.get("scoped_roles");
  std::size_t pos = 0;
  while (pos <= scoped.size()) {
    std::size_t comma = scoped.find(',', pos);
    if (comma == std::string::npos) comma = scoped.size();
    std::string spec = web::trim(std::string_view(scoped).substr(pos, comma - pos));
    if (!spec.empty()) {
      auto g = parse_role(spec);
      if (!g) st.field("scoped_roles", g.status().message_id(), g.status().args());
      else in.roles.push_back(*g);
    }
    pos = comma + 1;
  }
  return in;
}

Response show_user_form(Context& ctx, const User& u, const Status& st, int status, bool is_new) {
  auto form = web::form_state(ctx, st);
  bool submitted = ctx.req.method == "POST";
  nlohmann::json d{{"form", form},
                   {"fields", web::fields(ctx, user_fields(u), form)},
                   {"role_options", role_options(ctx, u, submitted)},
                   {"is_new", is_new},
                   {"action", is_new ? std::string("/admin/users") : "/admin/users/" + std::to_string(u.id)}};
  if (form["errors"].contains("roles")) d["roles_error"] = form["errors"]["roles"];
  if (is_new) {
    bool invite = submitted ? ctx.form.get("invite") == "1" : true;
    d["invite_checked"] = invite;
  }
  return web::page(ctx, "accounts/user_form.html", is_new ? "users.new_title" : "users.edit_title", d, status);
}

}  // namespace

Response users_list(Context& ctx) {
  auto p = web::page_request(ctx);
  repo::UserQuery q;
  q.search = web::trim(ctx.query.get("q"));
  q.role = ctx.query.get("role");
  if (!q.role.empty() && !web::role_from_name(q.role)) q.role.clear();
  q.limit = p.per_page;
  q.offset = p.offset();
  auto [users, total] = ctx.db().read([&](db::Conn& c) {
    return std::make_pair(repo::list_users(c, q), repo::count_users(c, q));
  });
  auto rows = nlohmann::json::array();
  for (const auto& u : users) {
    auto roles = nlohmann::json::array();
    for (const auto& g : u.roles) roles.push_back(role_label(ctx, g));
    rows.push_back({{"id", u.id}, {"name", u.display_name(ctx.lang)}, {"email", u.email},
                    {"roles", roles}, {"active", u.active}});
  }
  auto role_filter = nlohmann::json::array();
  for (auto r : web::all_roles()) {
    std::string name(web::role_name(r));
    role_filter.push_back({{"value", name}, {"label", ctx.t("role." + name)}, {"selected", name == q.role}});
  }
  long pages = (total + p.per_page - 1) / p.per_page;
  nlohmann::json d{{"users", rows}, {"q", q.search}, {"roles", role_filter}, {"total", total},
                   {"page", p.page}, {"pages", std::max(1L, pages)}};
  std::string base = "/admin/users?q=" + web::url_encode(q.search) + "&role=" + web::url_encode(q.role);
  if (p.page > 1) d["prev_href"] = base + "&page=" + std::to_string(p.page - 1);
  if (p.page < pages) d["next_href"] = base + "&page=" + std::to_string(p.page + 1);
  return web::page(ctx, "accounts/users.html", "users.title", d);
}

Response user_new_form(Context& ctx) {
  User blank;
  return show_user_form(ctx, blank, Status::ok(), 200, true);
}

Response user_create(Context& ctx) {
  Status st;
  UserInput in = read_user_form(ctx, st);
  User typed;
  if (st) {
    std::string invite = ctx.form.get("invite") == "1" ? ctx.services.config.base_url : "";
    auto r = create_user(ctx.db(), audit::actor_of(ctx), in, std::nullopt, ctx.now(), invite);
    if (r) {
      if (ctx.services.after_commit) ctx.services.after_commit();
      ctx.flash_next("success", "users.created");
      return web::redirect(ctx, "/admin/users/" + std::to_string(*r));
    }
    st = r.status();
  }
  return show_user_form(ctx, typed, st, http_status(st.code()), true);
}

Response user_edit_form(Context& ctx) {
  auto u = find_user(ctx.db(), ctx.id_param("id"));
  if (!u) return web::not_found(ctx);
  return show_user_form(ctx, *u, Status::ok(), 200, false);
}

Response user_update(Context& ctx) {
  auto u = find_user(ctx.db(), ctx.id_param("id"));
  if (!u) return web::not_found(ctx);
  Status st;
  UserInput in = read_user_form(ctx, st);
  if (u->id == ctx.user_id()) {
    // Nobody locks themselves out of administration by accident.
    bool keeps_admin = std::any_of(in.roles.begin(), in.roles.end(),
                                   [](const web::RoleGrant& g) { return g.role == web::Role::secretariat; });
    if (!keeps_admin) st.field("roles", "users.cannot_drop_own_admin");
    if (!in.active) st.field("active", "users.cannot_deactivate_self");
  }
  if (st) st = update_user(ctx.db(), audit::actor_of(ctx), u->id, in, ctx.now());
  if (!st) return show_user_form(ctx, *u, st, http_status(st.code()), false);
  ctx.flash_next("success", "users.saved");
  return web::redirect(ctx, "/admin/users/" + std::to_string(u->id));
}

}  // namespace mdsc::accounts::handlers
