#pragma once
#include "http/message.h"
#include "web/context.h"

namespace mdsc::admissions::handlers {

using web::Context;
using Response = http::Response;

// The public application form (apply_handlers.cpp).
Response apply_form(Context& ctx);
Response apply_submit(Context& ctx);

// The secretariat's review (review_handlers.cpp).
Response review_list(Context& ctx);
Response application_show(Context& ctx);
Response application_decide(Context& ctx);
Response late_form(Context& ctx);
Response late_submit(Context& ctx);
Response years_list(Context& ctx);
Response year_form(Context& ctx);
Response year_save(Context& ctx);

// The company's answer whether an applicant is its employee (company_handlers.cpp).
Response company_applications(Context& ctx);
Response company_answer(Context& ctx);
Response api_company_applications(Context& ctx);
Response api_company_answer(Context& ctx);
std::string company_panel(web::Context& ctx);

// JSON API (api.cpp).
Response api_years(Context& ctx);
Response api_year(Context& ctx);
Response api_year_put(Context& ctx);
Response api_applications(Context& ctx);
Response api_application(Context& ctx);
Response api_application_create(Context& ctx);
Response api_application_decide(Context& ctx);

}  // namespace mdsc::admissions::handlers
