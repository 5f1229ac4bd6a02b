#pragma once
// The application form, shared by the public page and the secretariat's late entry.
#include "core/result.h"
#include "modules/admissions/model.h"
#include "modules/admissions/operations.h"
#include "nlohmann/json.hpp"
#include "web/context.h"

namespace mdsc::admissions {

// What the form sent: the application's fields (its table's), the language of the page, consent.
Application read_application(const web::Context& ctx, int fiscal_year, SubmitOptions& opt);
// The form's data: fields, the member companies of the year (type B), tracks, the privacy notice.
nlohmann::json application_form_data(web::Context& ctx, const ProgramYear& year, const Status& st);

}  // namespace mdsc::admissions
