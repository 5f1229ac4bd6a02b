#pragma once
// The application form, shared by the public page and the secretariat's late entry.
#include "modules/admissions/model.h"
#include "modules/admissions/operations.h"
#include "nlohmann/json.hpp"
#include "web/context.h"

namespace mdsc::admissions {

Application read_application(const web::Context& ctx, int fiscal_year, SubmitOptions& opt);
// The form's data: fields, the member companies of the year (type B), tracks, the privacy notice.
nlohmann::json application_form_data(web::Context& ctx, const ProgramYear& year, const Status& st);
// "2017年10月30日 0:00" in the request's language.
std::string tokyo_time(const web::Context& ctx, std::int64_t unix);

}  // namespace mdsc::admissions
