#pragma once
// Reading the members module's forms (shared by pages and the CSV import).
#include <optional>
#include <string>

#include "core/result.h"
#include "modules/members/model.h"
#include "web/context.h"
#include "web/fields.h"

namespace mdsc::members {

Organization read_organization(const web::Form& f, const std::string& kind, Status& st);
std::vector<web::FieldSpec> organization_fields(const Organization& o);

}  // namespace mdsc::members
