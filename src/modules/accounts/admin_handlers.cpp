#include <algorithm>

#include "core/i18n.h"
#include "modules/accounts/forms.h"
#include "modules/accounts/handlers.h"
#include "platform/identity/repo.h"
#include "platform/identity/users.h"
#include "web/flash_redirect.h"
#include "web/render.h"

namespace mdsc::accounts::handlers {
namespace {

using identity::User;

std::string role_label(const Context& ctx, const web::RoleGrant& g) {
  std::string label = ctx.t("role." + std::string(web::role_name(g.role)));
  if (!g.scope_type.empty()) label += " #" + std::to_string(g.scope_id);
  return label;
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
  identity::repo::UserQuery q;
  q.search = web::trim(ctx.query.get("q"));
  q.role = ctx.query.get("role");
  if (!q.role.empty() && !web::role_from_name(q.role)) q.role.clear();
  q.limit = p.per_page;
  q.offset = p.offset();
  auto& c = ctx.work().conn;
  const auto users = identity::repo::list_users(c, q);
  const auto total = identity::repo::count_users(c, q);
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
  nlohmann::json d{{"users", rows}, {"q", q.search}, {"roles", role_filter}, {"total", total}};
  web::pager(d, p, total, "/admin/users?q=" + web::url_encode(q.search) + "&role=" + web::url_encode(q.role));
  return web::page(ctx, "accounts/users.html", "users.title", d);
}

Response user_new_form(Context& ctx) {
  User blank;
  return show_user_form(ctx, blank, Status::ok(), 200, true);
}

Response user_create(Context& ctx) {
  User typed;
  Status st = read_user_form(ctx.form, typed);
  if (st) {
    auto r = identity::create_user(ctx.work(), typed, ctx.form.get("invite") == "1");
    if (r) {
      return web::redirect_with_success(ctx, "users.created", "/admin/users/" + std::to_string(*r));
    }
    st = r.status();
  }
  return show_user_form(ctx, User{}, st, http_status(st.code()), true);
}

Response user_edit_form(Context& ctx) {
  auto u = identity::find_user(ctx.work().conn, ctx.id_param("id"));
  if (!u) return web::not_found(ctx);
  return show_user_form(ctx, *u, Status::ok(), 200, false);
}

Response user_update(Context& ctx) {
  auto u = identity::find_user(ctx.work().conn, ctx.id_param("id"));
  if (!u) return web::not_found(ctx);
  Status st = identity::update_user(ctx.work(), u->id, [&](User& row) {
    Status read = read_user_form(ctx.form, row);
    if (row.id == ctx.user_id()) {
      // Nobody locks themselves out of administration by accident.
      bool keeps_admin = std::any_of(row.roles.begin(), row.roles.end(),
                                     [](const web::RoleGrant& g) { return g.role == web::Role::secretariat; });
      if (!keeps_admin) read.field("roles", "users.cannot_drop_own_admin");
      if (!row.active) read.field("active", "users.cannot_deactivate_self");
    }
    return read;
  });
  if (!st) return show_user_form(ctx, *u, st, http_status(st.code()), false);
  return web::redirect_with_success(ctx, "users.saved", "/admin/users/" + std::to_string(u->id));
}

}  // namespace mdsc::accounts::handlers
