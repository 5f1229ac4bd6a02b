#pragma once
// Reading the curriculum module's forms, and their fields for templates/layout/field.html.
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/curriculum/model.h"
#include "web/context.h"
#include "web/fields.h"

namespace mdsc::curriculum {

// A whole number (full-width digits accepted); nullopt for ""; a field error for anything else.
std::optional<std::int64_t> read_number(const std::string& text, const std::string& field, Status& st);

Instructor read_instructor(const web::Form& f, Status& st);
// organizations: (id, label) of the universities and research institutes to choose from.
std::vector<web::FieldSpec> instructor_fields(const web::Context& ctx, const Instructor& i,
                                              const std::vector<std::pair<std::int64_t, std::string>>& organizations);

Course read_course(const web::Form& f, int fiscal_year, Status& st);
std::vector<web::FieldSpec> course_fields(const Course& c, bool is_new);

CurriculumYear read_year(const web::Form& f, int fiscal_year);
std::vector<web::FieldSpec> year_fields(const CurriculumYear& y);

// Adds the field errors of `more` that `into` does not have yet (form parsing, then validation, so
// that every problem shows at once).
void merge(Status& into, const Status& more);

// A field error of an operation moved onto the field of the form that was sent.
Status move_fields(const Status& st, const std::vector<std::pair<std::string, std::string>>& prefix_to_field);

}  // namespace mdsc::curriculum
