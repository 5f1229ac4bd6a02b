#include "core/clock.h"
#include "modules/accounts/forms.h"
#include "modules/accounts/handlers.h"
#include "platform/identity/auth.h"
#include "platform/identity/repo.h"
#include "platform/identity/users.h"
#include "web/json_body.h"
#include "web/json_list.h"
#include "web/render.h"

namespace mdsc::accounts::handlers {
namespace {

using identity::User;
using web::bad_json;
using web::body_json;

std::string str(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_string()) return "";
  return j[key].get<std::string>();
}

// A user from a JSON body onto u: the table's writable fields it names and its roles; what it does
// not name stays as it is (a PATCH).
Status read_user_json(const nlohmann::json& j, User& u) {
  Status st;
  entity::from_json(j, u, st);
  read_roles_json(j, u, st);
  return st;
}

nlohmann::json session_json(const identity::SessionInfo& s) {
  return {{"id", s.id}, {"created_at", to_iso_utc(s.created_at)}, {"last_seen", to_iso_utc(s.last_seen)},
          {"expires_at", to_iso_utc(s.expires_at)}, {"user_agent", s.user_agent}, {"current", s.current}};
}

nlohmann::json token_json(const identity::ApiToken& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"prefix", t.prefix},
          {"created_at", to_iso_utc(t.created_at)},
          {"last_used_at", t.last_used_at ? nlohmann::json(to_iso_utc(t.last_used_at)) : nlohmann::json()},
          {"revoked", t.revoked_at != 0}};
}

Response user_json(Context& ctx, std::int64_t id, int status) {
  auto u = identity::find_user(ctx.work().conn, id);
  if (!u) return web::not_found(ctx);
  return web::json(status, identity::to_json(*u));
}

}  // namespace

Response api_me(Context& ctx) { return user_json(ctx, ctx.user_id(), 200); }

Response api_my_sessions(Context& ctx) {
  auto items = web::json_array(identity::list_sessions(ctx.work().conn, ctx.user_id(), ctx.me().session_id, ctx.now()),
                               session_json);
  return web::json(200, {{"items", items}});
}

Response api_end_my_session(Context& ctx) {
  Status st = identity::end_session(ctx.work(), ctx.user_id(), ctx.id_param("id"));
  if (!st) return web::error(ctx, st);
  return web::json(200, {{"ended", true}});
}

Response api_my_tokens(Context& ctx) {
  return web::json_items(identity::list_api_tokens(ctx.work().conn, ctx.user_id()), token_json);
}

Response api_create_token(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  auto r = identity::create_api_token(ctx.work(), ctx.user_id(), web::trim(str(*j, "name")));
  if (!r) return web::error(ctx, r.status());
  return web::json(201, {{"token", *r}});
}

Response api_revoke_token(Context& ctx) {
  Status st = identity::revoke_api_token(ctx.work(), ctx.user_id(), ctx.id_param("id"));
  if (!st) return web::error(ctx, st);
  return web::json(200, {{"revoked", true}});
}

Response api_users(Context& ctx) {
  auto p = web::page_request(ctx);
  identity::repo::UserQuery q;
  q.search = ctx.query.get("q");
  q.role = ctx.query.get("role");
  q.limit = p.per_page;
  q.offset = p.offset();
  auto& c = ctx.work().conn;
  const auto users = identity::repo::list_users(c, q);
  const auto total = identity::repo::count_users(c, q);
  auto items = web::json_array(users, [](const auto& u) { return identity::to_json(u); });
  return web::json(200, web::paged(p, total, items));
}

Response api_user(Context& ctx) { return user_json(ctx, ctx.id_param("id"), 200); }

Response api_create_user(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  User typed;
  if (Status st = read_user_json(*j, typed); !st) return web::error(ctx, st);
  bool invite = j->contains("invite") && (*j)["invite"].is_boolean() && (*j)["invite"].get<bool>();
  auto r = identity::create_user(ctx.work(), typed, invite);
  if (!r) return web::error(ctx, r.status());
  return user_json(ctx, *r, 201);
}

Response api_update_user(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (!identity::find_user(ctx.work().conn, id)) return web::not_found(ctx);
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st = identity::update_user(ctx.work(), id, [&](User& u) {
    Status read = read_user_json(*j, u);
    if (u.id == ctx.user_id() && !u.active) read.field("active", "users.cannot_deactivate_self");
    return read;
  });
  if (!st) return web::error(ctx, st);
  return user_json(ctx, id, 200);
}

}  // namespace mdsc::accounts::handlers
