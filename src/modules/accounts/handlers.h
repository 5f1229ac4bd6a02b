#pragma once
// Pages and API endpoints of the accounts module (registered in routes.cpp): the face of the
// platform's identity service (users, roles, sessions, tokens).
#include "http/message.h"
#include "platform/web_actor.h"
#include "platform/work.h"
#include "web/context.h"

namespace mdsc::accounts::handlers {

using web::Context;
using Response = http::Response;

// Signing in and out, password reset (login_handlers.cpp).
Response login_form(Context& ctx);
Response login_submit(Context& ctx);
Response logout(Context& ctx);
Response reset_request_form(Context& ctx);
Response reset_request_submit(Context& ctx);
Response reset_form(Context& ctx);
Response reset_submit(Context& ctx);

// The signed-in user's own account (account_handlers.cpp).
Response account_page(Context& ctx);
Response account_update(Context& ctx);
Response password_form(Context& ctx);
Response password_submit(Context& ctx);
Response sessions_page(Context& ctx);
Response session_end(Context& ctx);
Response sessions_end_others(Context& ctx);
Response tokens_page(Context& ctx);
Response token_create(Context& ctx);
Response token_revoke(Context& ctx);

// Secretariat: users and roles (admin_handlers.cpp).
Response users_list(Context& ctx);
Response user_new_form(Context& ctx);
Response user_create(Context& ctx);
Response user_edit_form(Context& ctx);
Response user_update(Context& ctx);

// JSON API (api.cpp).
Response api_me(Context& ctx);
Response api_my_sessions(Context& ctx);
Response api_end_my_session(Context& ctx);
Response api_my_tokens(Context& ctx);
Response api_create_token(Context& ctx);
Response api_revoke_token(Context& ctx);
Response api_users(Context& ctx);
Response api_user(Context& ctx);
Response api_create_user(Context& ctx);
Response api_update_user(Context& ctx);

}  // namespace mdsc::accounts::handlers
