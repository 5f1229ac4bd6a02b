#include "core/i18n.h"
#include "modules/accounts/handlers.h"
#include "platform/identity/auth.h"
#include "platform/identity/repo.h"
#include "platform/identity/users.h"
#include "platform/web_actor.h"
#include "web/json_body.h"
#include "web/render.h"

namespace mdsc::accounts::handlers {
namespace {

using web::body_json;

using web::bad_json;

std::string str(const nlohmann::json& j, const char* key, const std::string& dflt = "") {
  if (!j.contains(key) || !j[key].is_string()) return dflt;
  return j[key].get<std::string>();
}

// Reads a user from JSON; fields missing from a PATCH keep the current values.
UserInput user_input(const nlohmann::json& j, const User& base, Status& st) {
  UserInput in;
  in.email = str(j, "email", base.email);
  in.family_name = str(j, "family_name", base.family_name);
  in.given_name = str(j, "given_name", base.given_name);
  in.family_name_kana = str(j, "family_name_kana", base.family_name_kana);
  in.given_name_kana = str(j, "given_name_kana", base.given_name_kana);
  in.romaji_name = str(j, "romaji_name", base.romaji_name);
  in.preferred_lang = str(j, "preferred_lang", base.preferred_lang);
  in.active = j.contains("active") && j["active"].is_boolean() ? j["active"].get<bool>() : base.active;
  in.roles = base.roles;
  in.keep_roles = !j.contains("roles");
  if (j.contains("roles")) {
    in.roles.clear();
    if (!j["roles"].is_array()) {
      st.field("roles", "validation.invalid_input");
      return in;
    }
    for (const auto& r : j["roles"]) {
      std::string spec;
      if (r.is_string()) {
        spec = r.get<std::string>();
      } else if (r.is_object()) {
        spec = str(r, "role");
        if (r.contains("scope_id") && r["scope_id"].is_number_integer())
          spec += ":" + std::to_string(r["scope_id"].get<std::int64_t>());
      }
      auto g = parse_role(spec);
      if (!g) st.field("roles", g.status().message_id(), g.status().args());
      else in.roles.push_back(*g);
    }
  }
  return in;
}

nlohmann::json session_json(const SessionInfo& s) {
  return {{"id", s.id}, {"created_at", to_iso_utc(s.created_at)}, {"last_seen", to_iso_utc(s.last_seen)},
          {"expires_at", to_iso_utc(s.expires_at)}, {"user_agent", s.user_agent}, {"current", s.current}};
}

nlohmann::json token_json(const ApiToken& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"prefix", t.prefix},
          {"created_at", to_iso_utc(t.created_at)},
          {"last_used_at", t.last_used_at ? nlohmann::json(to_iso_utc(t.last_used_at)) : nlohmann::json()},
          {"revoked", t.revoked_at != 0}};
}

}  // namespace

Response api_me(Context& ctx) {
  auto u = find_user(ctx.db(), ctx.user_id());
  if (!u) return web::not_found(ctx);
  return web::json(200, to_json(*u));
}

Response api_my_sessions(Context& ctx) {
  auto items = nlohmann::json::array();
  for (const auto& s : list_sessions(ctx.db(), ctx.user_id(), ctx.me().session_id, ctx.now()))
    items.push_back(session_json(s));
  return web::json(200, {{"items", items}});
}

Response api_end_my_session(Context& ctx) {
  Status st = end_session(ctx.db(), audit::actor_of(ctx), ctx.user_id(), ctx.id_param("id"), ctx.now());
  if (!st) return web::error(ctx, st);
  return web::json(200, {{"ended", true}});
}

Response api_my_tokens(Context& ctx) {
  auto items = nlohmann::json::array();
  for (const auto& t : list_api_tokens(ctx.db(), ctx.user_id())) items.push_back(token_json(t));
  return web::json(200, {{"items", items}});
}

Response api_create_token(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  auto r = create_api_token(ctx.db(), audit::actor_of(ctx), ctx.user_id(), web::trim(str(*j, "name")), ctx.now());
  if (!r) return web::error(ctx, r.status());
  return web::json(201, {{"token", *r}});
}

Response api_revoke_token(Context& ctx) {
  Status st = revoke_api_token(ctx.db(), audit::actor_of(ctx), ctx.user_id(), ctx.id_param("id"), ctx.now());
  if (!st) return web::error(ctx, st);
  return web::json(200, {{"revoked", true}});
}

Response api_users(Context& ctx) {
  auto p = web::page_request(ctx);
  repo::UserQuery q;
  q.search = ctx.query.get("q");
  q.role = ctx.query.get("role");
  q.limit = p.per_page;
  q.offset = p.offset();
  auto [users, total] = ctx.db().read([&](db::Conn& c) {
    return std::make_pair(repo::list_users(c, q), repo::count_users(c, q));
  });
  auto items = nlohmann::json::array();
  for (const auto& u : users) items.push_back(to_json(u));
  return web::json(200, web::paged(p, total, items));
}

Response api_user(Context& ctx) {
  auto u = find_user(ctx.db(), ctx.id_param("id"));
  if (!u) return web::not_found(ctx);
  return web::json(200, to_json(*u));
}

Response api_create_user(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st;
  User blank;
  blank.roles.clear();
  UserInput in = user_input(*j, blank, st);
  if (!st) return web::error(ctx, st);
  bool invite = j->contains("invite") && (*j)["invite"].is_boolean() && (*j)["invite"].get<bool>();
  auto r = create_user(ctx.db(), audit::actor_of(ctx), in, std::nullopt, ctx.now(),
                       invite ? ctx.services.config.base_url : "");
  if (!r) return web::error(ctx, r.status());
  if (invite && ctx.services.after_commit) ctx.services.after_commit();
  auto u = find_user(ctx.db(), *r);
  return web::json(201, to_json(*u));
}

Response api_update_user(Context& ctx) {
  auto u = find_user(ctx.db(), ctx.id_param("id"));
  if (!u) return web::not_found(ctx);
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st;
  UserInput in = user_input(*j, *u, st);
  if (u->id == ctx.user_id() && !in.active) st.field("active", "users.cannot_deactivate_self");
  if (st) st = update_user(ctx.db(), audit::actor_of(ctx), u->id, in, ctx.now());
  if (!st) return web::error(ctx, st);
  return web::json(200, to_json(*find_user(ctx.db(), u->id)));
}

}  // namespace mdsc::accounts::handlers
