#pragma once
#include "http/message.h"
#include "web/context.h"

namespace mdsc::members::handlers {

using web::Context;
using web::Handler;
using Response = http::Response;

// Companies and institutions (company_handlers.cpp).
Handler organizations_list, organization_new, organization_create, organization_show, organization_edit,
    organization_update, representatives_update;

// Fee schedules and the issuer profile (schedule_handlers.cpp).
Handler schedules_list, schedule_new, schedule_create, schedule_edit, schedule_update, issuer_form, issuer_update;

// Members per year, memberships and seats (membership_handlers.cpp).
Handler members_overview, members_csv, membership_new, membership_create, membership_show, membership_status,
    membership_renew, seat_request_create, seat_decide, seat_withdraw;

// CSV import of companies (import_handlers.cpp).
Handler import_form, import_upload, import_confirm, companies_csv;

// JSON API (api.cpp).
Handler api_companies, api_company, api_company_create, api_company_update, api_schedules, api_schedule,
    api_schedule_create, api_schedule_update, api_memberships, api_membership, api_membership_create,
    api_membership_update;

}  // namespace mdsc::members::handlers
