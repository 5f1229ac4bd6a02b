#include "core/i18n.h"
#include "modules/accounts/handlers.h"
#include "platform/identity/auth.h"
#include "platform/identity/users.h"
#include "platform/web_actor.h"
#include "web/fields.h"
#include "web/render.h"

namespace mdsc::accounts::handlers {
namespace {

std::vector<web::FieldSpec> profile_fields(const User& u) {
  std::vector<web::FieldSpec> f;
  f.push_back({"family_name", "field.family_name", "text", true, "family-name"});
  f.back().value = u.family_name;
  f.push_back({"given_name", "field.given_name", "text", false, "given-name"});
  f.back().value = u.given_name;
  f.push_back({"family_name_kana", "field.family_name_kana", "text", false, "off"});
  f.back().value = u.family_name_kana;
  f.push_back({"given_name_kana", "field.given_name_kana", "text", false, "off"});
  f.back().value = u.given_name_kana;
  f.push_back({"romaji_name", "field.romaji_name", "text", false, "name"});
  f.back().value = u.romaji_name;
  f.back().lang_attr = "en";
  f.back().hint_id = "field.romaji_name.hint";
  web::FieldSpec lang{"preferred_lang", "field.preferred_lang", "select", true};
  lang.options = {{"ja", "lang.ja"}, {"en", "lang.en"}};
  lang.value = u.preferred_lang;
  f.push_back(lang);
  return f;
}

Response show_account(Context& ctx, const User& u, const Status& st, int status) {
  auto form = web::form_state(ctx, st);
  auto roles = nlohmann::json::array();
  for (const auto& g : u.roles) {
    std::string label = ctx.t("role." + std::string(web::role_name(g.role)));
    if (!g.scope_type.empty()) label += " (" + g.scope_type + " #" + std::to_string(g.scope_id) + ")";
    roles.push_back(label);
  }
  return web::page(ctx, "accounts/account.html", "account.title",
                   {{"form", form}, {"fields", web::fields(ctx, profile_fields(u), form)},
                    {"email", u.email}, {"roles", roles}},
                   status);
}

std::vector<web::FieldSpec> password_fields() {
  web::FieldSpec cur{"password_current", "field.current_password", "password", true, "current-password"};
  web::FieldSpec next{"password_new", "field.new_password", "password", true, "new-password"};
  next.hint_id = "password.rules";
  return {cur, next};
}

std::string short_agent(const std::string& ua) {
  if (ua.empty()) return "-";
  return ua.size() > 80 ? ua.substr(0, 80) + "…" : ua;
}

}  // namespace

Response account_page(Context& ctx) {
  auto u = find_user(ctx.db(), ctx.user_id());
  if (!u) return web::not_found(ctx);
  return show_account(ctx, *u, Status::ok(), 200);
}

Response account_update(Context& ctx) {
  UserInput in;
  in.family_name = ctx.form.trimmed("family_name");
  in.given_name = ctx.form.trimmed("given_name");
  in.family_name_kana = ctx.form.trimmed("family_name_kana");
  in.given_name_kana = ctx.form.trimmed("given_name_kana");
  in.romaji_name = ctx.form.trimmed("romaji_name");
  in.preferred_lang = ctx.form.get("preferred_lang");
  Status st = update_profile(ctx.db(), audit::actor_of(ctx), ctx.user_id(), in, ctx.now());
  if (!st) {
    auto u = find_user(ctx.db(), ctx.user_id());
    if (!u) return web::not_found(ctx);
    return show_account(ctx, *u, st, http_status(st.code()));
  }
  // The language chosen here applies from the next page on.
  auto c = ctx.cookie("mdsc_lang", in.preferred_lang);
  c.max_age = 365L * 24 * 3600;
  ctx.set_cookie(c);
  ctx.flash_next("success", "account.saved");
  return web::redirect(ctx, "/account");
}

Response password_form(Context& ctx) {
  auto form = web::form_state(ctx, Status::ok());
  return web::page(ctx, "accounts/password.html", "password.title",
                   {{"form", form}, {"fields", web::fields(ctx, password_fields(), form)}});
}

Response password_submit(Context& ctx) {
  Status st = change_password(ctx.db(), audit::actor_of(ctx), ctx.user_id(), ctx.form.get("password_current"),
                              ctx.form.get("password_new"), ctx.me().session_id, ctx.now());
  if (!st) {
    auto form = web::form_state(ctx, st);
    return web::page(ctx, "accounts/password.html", "password.title",
                     {{"form", form}, {"fields", web::fields(ctx, password_fields(), form)}}, 422);
  }
  ctx.flash_next("success", "password.changed");
  return web::redirect(ctx, "/account");
}

Response sessions_page(Context& ctx) {
  auto list = list_sessions(ctx.db(), ctx.user_id(), ctx.me().session_id, ctx.now());
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
  Status st = end_session(ctx.db(), audit::actor_of(ctx), ctx.user_id(), ctx.id_param("id"), ctx.now());
  if (!st) return web::error(ctx, st);
  ctx.flash_next("success", "sessions.ended");
  return web::redirect(ctx, "/account/sessions");
}

Response sessions_end_others(Context& ctx) {
  // Always ok: there may be no other session to end.
  (void)end_other_sessions(ctx.db(), audit::actor_of(ctx), ctx.user_id(), ctx.me().session_id, ctx.now());
  ctx.flash_next("success", "sessions.others_ended");
  return web::redirect(ctx, "/account/sessions");
}

namespace {
Response show_tokens(Context& ctx, const Status& st, const std::string& new_token, int status) {
  auto list = list_api_tokens(ctx.db(), ctx.user_id());
  auto rows = nlohmann::json::array();
  for (const auto& t : list) {
    rows.push_back({{"id", t.id},
                    {"name", t.name},
                    {"prefix", t.prefix},
                    {"created", i18n::format_datetime(ctx.lang, t.created_at)},
                    {"last_used", t.last_used_at ? i18n::format_datetime(ctx.lang, t.last_used_at) : "-"},
                    {"revoked", t.revoked_at != 0}});
  }
  auto form = web::form_state(ctx, st);
  web::FieldSpec name{"name", "field.token_name", "text", true, "off"};
  name.hint_id = "tokens.name_hint";
  nlohmann::json d{{"tokens", rows}, {"form", form}, {"fields", web::fields(ctx, {name}, form)}};
  if (!new_token.empty()) d["new_token"] = new_token;
  return web::page(ctx, "accounts/tokens.html", "tokens.title", d, status);
}
}  // namespace

Response tokens_page(Context& ctx) { return show_tokens(ctx, Status::ok(), "", 200); }

Response token_create(Context& ctx) {
  auto r = create_api_token(ctx.db(), audit::actor_of(ctx), ctx.user_id(), ctx.form.trimmed("name"), ctx.now());
  if (!r) return show_tokens(ctx, r.status(), "", 422);
  // Shown once, on this response only; it is stored hashed.
  return show_tokens(ctx, Status::ok(), *r, 200);
}

Response token_revoke(Context& ctx) {
  Status st = revoke_api_token(ctx.db(), audit::actor_of(ctx), ctx.user_id(), ctx.id_param("id"), ctx.now());
  if (!st) return web::error(ctx, st);
  ctx.flash_next("success", "tokens.revoked");
  return web::redirect(ctx, "/account/tokens");
}

}  // namespace mdsc::accounts::handlers
