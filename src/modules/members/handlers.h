#pragma once
#include "http/message.h"
#include "web/context.h"

namespace mdsc::members::handlers {

using web::Context;
using Response = http::Response;

// Companies and institutions (company_handlers.cpp).
Response organizations_list(Context& ctx);
Response organization_new(Context& ctx);
Response organization_create(Context& ctx);
Response organization_show(Context& ctx);
Response organization_edit(Context& ctx);
Response organization_update(Context& ctx);
Response representatives_update(Context& ctx);

// Fee schedules and the issuer profile (schedule_handlers.cpp).
Response schedules_list(Context& ctx);
Response schedule_new(Context& ctx);
Response schedule_create(Context& ctx);
Response schedule_edit(Context& ctx);
Response schedule_update(Context& ctx);
Response issuer_form(Context& ctx);
Response issuer_update(Context& ctx);

// Members per year, memberships and seats (membership_handlers.cpp).
Response members_overview(Context& ctx);
Response members_csv(Context& ctx);
Response membership_new(Context& ctx);
Response membership_create(Context& ctx);
Response membership_show(Context& ctx);
Response membership_status(Context& ctx);
Response membership_renew(Context& ctx);
Response seat_request_create(Context& ctx);
Response seat_decide(Context& ctx);
Response seat_withdraw(Context& ctx);

// CSV import of companies (import_handlers.cpp).
Response import_form(Context& ctx);
Response import_upload(Context& ctx);
Response import_confirm(Context& ctx);
Response companies_csv(Context& ctx);

// JSON API (api.cpp).
Response api_companies(Context& ctx);
Response api_company(Context& ctx);
Response api_company_create(Context& ctx);
Response api_company_update(Context& ctx);
Response api_schedules(Context& ctx);
Response api_schedule(Context& ctx);
Response api_schedule_create(Context& ctx);
Response api_schedule_update(Context& ctx);
Response api_memberships(Context& ctx);
Response api_membership(Context& ctx);
Response api_membership_create(Context& ctx);
Response api_membership_update(Context& ctx);

}  // namespace mdsc::members::handlers
