#pragma once
// Reading the members module's forms (shared by pages and the CSV import).
#include <optional>
#include <string>

#include "core/result.h"
#include "web/context.h"
#include "web/fields.h"
#include "modules/members/model.h"

namespace mdsc::members {

// Parses a whole number; nullopt for "" ; sets a field error for anything else that is not one.
std::optional<std::int64_t> read_int(const std::string& text, const std::string& field, Status& st);
Organization read_organization(const web::Form& f, const std::string& kind, Status& st);
std::vector<web::FieldSpec> organization_fields(const Organization& o);

// "¥2,000,000" or "2000000" or "2,000,000" or "２０００００" → 2000000.
std::optional<std::int64_t> parse_amount(std::string text);

}  // namespace mdsc::members
