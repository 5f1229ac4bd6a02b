#pragma once
#include "http/message.h"
#include "web/context.h"

namespace mdsc::admissions::handlers {

using web::Context;
using web::Handler;
using Response = http::Response;

// The public application form (apply_handlers.cpp).
Handler apply_form, apply_submit;

// The secretariat's review (review_handlers.cpp).
Handler review_list, application_show, application_decide, late_form, late_submit, years_list, year_form, year_save;

// The company's answer whether an applicant is its employee (company_handlers.cpp).
Handler company_applications, company_answer, api_company_applications, api_company_answer;
std::string company_panel(web::Context& ctx);

// JSON API (api.cpp).
Handler api_years, api_year, api_year_put, api_applications, api_application, api_application_create,
    api_application_decide;

}  // namespace mdsc::admissions::handlers
