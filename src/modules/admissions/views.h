#pragma once
// Data for the admissions module's templates, in the request's language.
#include <cstdint>
#include <string>

#include "modules/admissions/model.h"
#include "nlohmann/json.hpp"
#include "web/context.h"

namespace mdsc::admissions {

// "2017年10月30日 0:00" in the request's language.
std::string tokyo_time(const web::Context& ctx, std::int64_t unix);
std::string status_label(const web::Context& ctx, ApplicationStatus s);
// "" for a type A application.
std::string confirmation_label(const web::Context& ctx, const Application& a);
// An application as the review list, its page and the company's page show it.
nlohmann::json application_view(const web::Context& ctx, const Application& a);

}  // namespace mdsc::admissions
