#include "modules/accounts/auth.h"
#include "modules/accounts/handlers.h"
#include "modules/accounts/module.h"

namespace mdsc::accounts {

void register_module(web::Registry& reg) {
  using web::Access;
  using web::Role;
  using web::RouteKind;
  namespace h = handlers;
  auto html = [&](const char* method, const char* pattern, Access access, web::HandlerFn fn) {
    reg.route({method, pattern, RouteKind::html, std::move(access), std::move(fn)});
  };
  auto api = [&](const char* method, const char* pattern, Access access, web::HandlerFn fn) {
    reg.route({method, pattern, RouteKind::json, std::move(access), std::move(fn)});
  };
  const Access anyone = Access::anyone();
  const Access signed_in = Access::signed_in();
  const Access secretariat = Access::roles({Role::secretariat});

  html("GET", "/login", anyone, h::login_form);
  html("POST", "/login", anyone, h::login_submit);
  html("POST", "/logout", anyone, h::logout);
  html("GET", "/password-reset", anyone, h::reset_request_form);
  html("POST", "/password-reset", anyone, h::reset_request_submit);
  html("GET", "/password-reset/{token}", anyone, h::reset_form);
  html("POST", "/password-reset/{token}", anyone, h::reset_submit);

  html("GET", "/account", signed_in, h::account_page);
  html("POST", "/account", signed_in, h::account_update);
  html("GET", "/account/password", signed_in, h::password_form);
  html("POST", "/account/password", signed_in, h::password_submit);
  html("GET", "/account/sessions", signed_in, h::sessions_page);
  html("POST", "/account/sessions/{id}/end", signed_in, h::session_end);
  html("POST", "/account/sessions/end-others", signed_in, h::sessions_end_others);
  html("GET", "/account/tokens", signed_in, h::tokens_page);
  html("POST", "/account/tokens", signed_in, h::token_create);
  html("POST", "/account/tokens/{id}/revoke", signed_in, h::token_revoke);

  html("GET", "/admin/users", secretariat, h::users_list);
  html("GET", "/admin/users/new", secretariat, h::user_new_form);
  html("POST", "/admin/users", secretariat, h::user_create);
  html("GET", "/admin/users/{id}", secretariat, h::user_edit_form);
  html("POST", "/admin/users/{id}", secretariat, h::user_update);

  api("GET", "/api/v1/me", signed_in, h::api_me);
  api("GET", "/api/v1/me/sessions", signed_in, h::api_my_sessions);
  api("DELETE", "/api/v1/me/sessions/{id}", signed_in, h::api_end_my_session);
  api("GET", "/api/v1/me/tokens", signed_in, h::api_my_tokens);
  api("POST", "/api/v1/me/tokens", signed_in, h::api_create_token);
  api("DELETE", "/api/v1/me/tokens/{id}", signed_in, h::api_revoke_token);
  api("GET", "/api/v1/users", secretariat, h::api_users);
  api("POST", "/api/v1/users", secretariat, h::api_create_user);
  api("GET", "/api/v1/users/{id}", secretariat, h::api_user);
  api("PATCH", "/api/v1/users/{id}", secretariat, h::api_update_user);

  reg.nav({"nav.users", "/admin/users", secretariat, 900});
  reg.nav({"nav.account", "/account", signed_in, 990});
  reg.daily({"delete-expired-sessions",
             [](db::Database& db, std::int64_t now) { delete_expired_sessions(db, now); }});
}

}  // namespace mdsc::accounts
