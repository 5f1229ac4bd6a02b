#pragma once
// Pages and API endpoints of the accounts module (registered in routes.cpp): the face of the
// platform's identity service (users, roles, sessions, tokens).
#include "http/message.h"
#include "platform/web_actor.h"
#include "platform/work.h"
#include "web/context.h"

namespace mdsc::accounts::handlers {

using web::Context;
using web::Handler;
using Response = http::Response;

// Signing in and out, password reset (login_handlers.cpp).
Handler login_form, login_submit, logout, reset_request_form, reset_request_submit, reset_form, reset_submit;

// The signed-in user's own account (account_handlers.cpp).
Handler account_page, account_update, password_form, password_submit, sessions_page, session_end, sessions_end_others,
    tokens_page, token_create, token_revoke;

// Secretariat: users and roles (admin_handlers.cpp).
Handler users_list, user_new_form, user_create, user_edit_form, user_update;

// JSON API (api.cpp).
Handler api_me, api_my_sessions, api_end_my_session, api_my_tokens, api_create_token, api_revoke_token, api_users,
    api_user, api_create_user, api_update_user;

}  // namespace mdsc::accounts::handlers
