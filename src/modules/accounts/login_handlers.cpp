#include "core/i18n.h"
#include "modules/accounts/forms.h"
#include "modules/accounts/handlers.h"
#include "platform/identity/auth.h"
#include "web/application.h"
#include "web/flash_redirect.h"
#include "web/render.h"
#include "web/text.h"

namespace mdsc::accounts::handlers {
namespace {

Response show_login(Context& ctx, const Status& st, int status) {
  auto form = web::form_state(ctx, st);
  std::string next = web::safe_local_path(ctx.form.has("next") ? ctx.form.get("next") : ctx.query.get("next"));
  return web::page(ctx, "accounts/login.html", "login.title",
                   {{"form", form}, {"fields", web::fields(ctx, login_fields(), form)}, {"next", next}},
                   status);
}

Response show_reset_request(Context& ctx, const Status& st, int status) {
  auto form = web::form_state(ctx, st);
  web::FieldSpec email{"email", "field.email", "email", true, "email"};
  return web::page(ctx, "accounts/reset_request.html", "reset.title",
                   {{"form", form},
                    {"fields", web::fields(ctx, {email}, form)},
                    {"action", "/password-reset"},
                    {"submit", ctx.t("reset.submit")}},
                   status);
}

Response show_reset_form(Context& ctx, const std::string& token, const Status& st, int status) {
  auto form = web::form_state(ctx, st);
  return web::page(ctx, "accounts/reset_form.html", "reset.set_title",
                   {{"form", form}, {"fields", web::fields(ctx, new_password_fields(), form)},
                    {"action", "/password-reset/" + token},
                    {"submit", ctx.t("reset.set_submit")}},
                   status);
}

}  // namespace

Response login_form(Context& ctx) {
  if (ctx.user) return web::redirect(ctx, "/");
  return show_login(ctx, Status::ok(), 200);
}

// Tx::none: login() opens its own units of work around the (slow) password check.
Response login_submit(Context& ctx) {
  identity::LoginAttempt a{ctx.form.get("email"), ctx.form.get("password"), ctx.client.address,
                           web::sanitize_text(ctx.req.header("user-agent")), ctx.req.request_id};
  auto r = identity::login(ctx.db(), a, ctx.now());
  if (!r) {
    Status st = r.status();
    if (st.code() == Code::too_many) {
      std::int64_t until = std::stoll(st.args().at("until"));
      st.arg("time", i18n::format_datetime(ctx.lang, until));
      st.arg("minutes", std::to_string((until - ctx.now() + 59) / 60));
    }
    return show_login(ctx, st, http_status(st.code()));
  }
  // A new session: the anonymous CSRF cookie is no longer needed.
  auto c = ctx.cookie(web::session_cookie_name(ctx.services.config), r->token);
  ctx.set_cookie(c);
  std::string next = web::safe_local_path(ctx.form.get("next"));
  if (next.empty() || next.rfind("/login", 0) == 0) next = "/";
  return web::redirect(ctx, next);
}

Response logout(Context& ctx) {
  if (ctx.user && ctx.user->session_id) identity::logout(ctx.work(), ctx.user->session_id);
  auto c = ctx.cookie(web::session_cookie_name(ctx.services.config), "");
  c.max_age = 0;
  ctx.set_cookie(c);
  return web::redirect_with_success(ctx, "logout.done", "/login");
}

Response reset_request_form(Context& ctx) { return show_reset_request(ctx, Status::ok(), 200); }

// Tx::none: a refused request is still counted, so its unit of work commits although the answer is 429.
Response reset_request_submit(Context& ctx) {
  Status st = write_unit(ctx.db(), who_of(ctx), [&](Work& w) {
                return identity::request_password_reset(w, ctx.form.get("email"), ctx.client.address);
              }).status;
  if (st.code() == Code::too_many) {
    st.arg("time", i18n::format_datetime(ctx.lang, std::stoll(st.args().at("until"))));
    return show_reset_request(ctx, st, 429);
  }
  // The same answer whether or not the address is registered.
  ctx.flash_next("info", "reset.sent");
  return web::redirect(ctx, "/login");
}

Response reset_form(Context& ctx) {
  std::string token = ctx.param("token");
  if (!identity::reset_link_user(ctx.work().conn, token, ctx.now()))
    return web::error(ctx, Status(Code::not_found, "reset.invalid_link"));
  return show_reset_form(ctx, token, Status::ok(), 200);
}

// Tx::none: reset_password() hashes the new password outside its unit of work.
Response reset_submit(Context& ctx) {
  std::string token = ctx.param("token");
  Status st = identity::reset_password(ctx.db(), token, ctx.form.get("password"), ctx.now());
  if (st.code() == Code::not_found) return web::error(ctx, st);
  if (!st) return show_reset_form(ctx, token, st, 422);
  return web::redirect_with_success(ctx, "reset.done", "/login");
}

}  // namespace mdsc::accounts::handlers
