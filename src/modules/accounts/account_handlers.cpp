#include "core/i18n.h"
#include "modules/accounts/forms.h"
#include "modules/accounts/handlers.h"
#include "platform/identity/auth.h"
#include "platform/identity/users.h"
#include "web/flash_redirect.h"
#include "web/render.h"

namespace mdsc::accounts::handlers {
namespace {

Response show_account(Context& ctx, const identity::User& u, const Status& st, int status) {
  auto form = web::form_state(ctx, st);
  auto roles = nlohmann::json::array();
  for (const auto& g : u.roles) {
    std::string label = ctx.t("role." + std::string(web::role_name(g.role)));
    if (!g.scope_type.empty()) label += " (" + g.scope_type + " #" + std::to_string(g.scope_id) + ")";
    roles.push_back(label);
  }
  return web::page(ctx, "accounts/account.html", "account.title",
                   {{"form", form}, {"fields", web::fields(ctx, profile_fields(u), form)},
                    {"action", "/account"}, {"email", u.email}, {"roles", roles}},
                   status);
}

Response show_password_form(Context& ctx, const Status& st, int status) {
  auto form = web::form_state(ctx, st);
  return web::page(ctx, "accounts/password.html", "password.title",
                   {{"form", form},
                    {"fields", web::fields(ctx, password_fields(), form)},
                    {"action", "/account/password"},
                    {"submit", ctx.t("password.submit")}},
                   status);
}

std::string short_agent(const std::string& ua) {
  if (ua.empty()) return "-";
  return ua.size() > 80 ? ua.substr(0, 80) + "…" : ua;
}

}  // namespace

Response account_page(Context& ctx) {
  auto u = identity::find_user(ctx.work().conn, ctx.user_id());
  if (!u) return web::not_found(ctx);
  return show_account(ctx, *u, Status::ok(), 200);
}

Response account_update(Context& ctx) {
  std::string lang;
  Status st = identity::update_profile(ctx.work(), ctx.user_id(), [&](identity::User& u) {
    Status read;
    entity::from_form(ctx.form, u, read);
    lang = u.preferred_lang;
    return read;
  });
  if (!st) {
    auto u = identity::find_user(ctx.work().conn, ctx.user_id());
    if (!u) return web::not_found(ctx);
    return show_account(ctx, *u, st, http_status(st.code()));
  }
  // The language chosen here applies from the next page on.
  auto c = ctx.cookie("mdsc_lang", lang);
  c.max_age = 365L * 24 * 3600;
  ctx.set_cookie(c);
  return web::redirect_with_success(ctx, "account.saved", "/account");
}

Response password_form(Context& ctx) { return show_password_form(ctx, Status::ok(), 200); }

// Tx::none: both passwords are checked and the new one hashed outside the write transaction.
Response password_submit(Context& ctx) {
  Status st = identity::change_password(ctx.db(), who_of(ctx), ctx.user_id(), ctx.form.get("password_current"),
                                        ctx.form.get("password_new"), ctx.me().session_id);
  if (!st) return show_password_form(ctx, st, 422);
  return web::redirect_with_success(ctx, "password.changed", "/account");
}

Response sessions_page(Context& ctx) {
  auto list = identity::list_sessions(ctx.work().conn, ctx.user_id(), ctx.me().session_id, ctx.now());
  auto rows = nlohmann::json::array();
  for (const auto& s : list) {
    rows.push_back({{"id", s.id},
                    {"created", i18n::format_datetime(ctx.lang, s.created_at)},
                    {"last_seen", i18n::format_datetime(ctx.lang, s.last_seen)},
                    {"agent", short_agent(s.user_agent)},
                    {"current", s.current}});
  }
  return web::page(ctx, "accounts/sessions.html", "sessions.title",
                   {{"sessions", rows}, {"has_others", list.size() > 1}});
}

Response session_end(Context& ctx) {
  Status st = identity::end_session(ctx.work(), ctx.user_id(), ctx.id_param("id"));
  if (!st) return web::error(ctx, st);
  return web::redirect_with_success(ctx, "sessions.ended", "/account/sessions");
}

Response sessions_end_others(Context& ctx) {
  // There may be no other session to end: that is done too.
  identity::end_other_sessions(ctx.work(), ctx.user_id(), ctx.me().session_id);
  return web::redirect_with_success(ctx, "sessions.others_ended", "/account/sessions");
}

namespace {
Response show_tokens(Context& ctx, const Status& st, const std::string& new_token, int status) {
  auto rows = nlohmann::json::array();
  for (const auto& t : identity::list_api_tokens(ctx.work().conn, ctx.user_id())) {
    rows.push_back({{"id", t.id},
                    {"name", t.name},
                    {"prefix", t.prefix},
                    {"created", i18n::format_datetime(ctx.lang, t.created_at)},
                    {"last_used", t.last_used_at ? i18n::format_datetime(ctx.lang, t.last_used_at) : "-"},
                    {"revoked", t.revoked_at != 0}});
  }
  auto form = web::form_state(ctx, st);
  nlohmann::json d{{"tokens", rows},
                   {"form", form},
                   {"fields", web::fields(ctx, {token_name_field()}, form)},
                   {"action", "/account/tokens"},
                   {"submit", ctx.t("tokens.create_submit")}};
  if (!new_token.empty()) d["new_token"] = new_token;
  return web::page(ctx, "accounts/tokens.html", "tokens.title", d, status);
}
}  // namespace

Response tokens_page(Context& ctx) { return show_tokens(ctx, Status::ok(), "", 200); }

Response token_create(Context& ctx) {
  auto r = identity::create_api_token(ctx.work(), ctx.user_id(), ctx.form.trimmed("name"));
  if (!r) return show_tokens(ctx, r.status(), "", 422);
  // Shown once, on this response only; it is stored hashed.
  return show_tokens(ctx, Status::ok(), *r, 200);
}

Response token_revoke(Context& ctx) {
  Status st = identity::revoke_api_token(ctx.work(), ctx.user_id(), ctx.id_param("id"));
  if (!st) return web::error(ctx, st);
  return web::redirect_with_success(ctx, "tokens.revoked", "/account/tokens");
}

}  // namespace mdsc::accounts::handlers
