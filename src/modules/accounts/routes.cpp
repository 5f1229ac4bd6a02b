#include "modules/accounts/handlers.h"
#include "modules/accounts/module.h"
#include "platform/identity/auth.h"
#include "platform/work.h"
#include "web/access.h"

namespace mdsc::accounts {

void register_module(web::Registry& reg) {
  using web::Access;
  using web::Tx;
  namespace h = handlers;
  const Access anyone = Access::anyone();
  const Access signed_in = Access::signed_in();
  const Access secretariat = web::access::secretariat();

  reg.html("GET", "/login", anyone, h::login_form);
  // Tx::none: these check or hash a password, slow work kept out of the write transaction.
  reg.html("POST", "/login", anyone, h::login_submit, Tx::none);
  reg.html("POST", "/logout", anyone, h::logout);
  reg.html("GET", "/password-reset", anyone, h::reset_request_form);
  reg.html("POST", "/password-reset", anyone, h::reset_request_submit, Tx::none);  // a refusal still counts
  reg.html("GET", "/password-reset/{token}", anyone, h::reset_form);
  reg.html("POST", "/password-reset/{token}", anyone, h::reset_submit, Tx::none);

  reg.html("GET", "/account", signed_in, h::account_page);
  reg.html("POST", "/account", signed_in, h::account_update);
  reg.html("GET", "/account/password", signed_in, h::password_form);
  reg.html("POST", "/account/password", signed_in, h::password_submit, Tx::none);
  reg.html("GET", "/account/sessions", signed_in, h::sessions_page);
  reg.html("POST", "/account/sessions/{id}/end", signed_in, h::session_end);
  reg.html("POST", "/account/sessions/end-others", signed_in, h::sessions_end_others);
  reg.html("GET", "/account/tokens", signed_in, h::tokens_page);
  reg.html("POST", "/account/tokens", signed_in, h::token_create);
  reg.html("POST", "/account/tokens/{id}/revoke", signed_in, h::token_revoke);

  reg.html("GET", "/admin/users", secretariat, h::users_list);
  reg.html("GET", "/admin/users/new", secretariat, h::user_new_form);
  reg.html("POST", "/admin/users", secretariat, h::user_create);
  reg.html("GET", "/admin/users/{id}", secretariat, h::user_edit_form);
  reg.html("POST", "/admin/users/{id}", secretariat, h::user_update);

  reg.api("GET", "/api/v1/me", signed_in, h::api_me);
  reg.api("GET", "/api/v1/me/sessions", signed_in, h::api_my_sessions);
  reg.api("DELETE", "/api/v1/me/sessions/{id}", signed_in, h::api_end_my_session);
  reg.api("GET", "/api/v1/me/tokens", signed_in, h::api_my_tokens);
  reg.api("POST", "/api/v1/me/tokens", signed_in, h::api_create_token);
  reg.api("DELETE", "/api/v1/me/tokens/{id}", signed_in, h::api_revoke_token);
  reg.api("GET", "/api/v1/users", secretariat, h::api_users);
  reg.api("POST", "/api/v1/users", secretariat, h::api_create_user);
  reg.api("GET", "/api/v1/users/{id}", secretariat, h::api_user);
  reg.api("PATCH", "/api/v1/users/{id}", secretariat, h::api_update_user);

  reg.nav({"nav.users", "/admin/users", secretariat, 900});
  reg.nav({"nav.account", "/account", signed_in, 990});
  reg.daily({"delete-expired-sessions",
             [](db::Database& db, std::int64_t now) {
               write_unit(db, Who{audit::Actor::system("sessions"), now},
                          [](Work& w) { identity::delete_expired_sessions(w); });
             }});
}

}  // namespace mdsc::accounts
