#pragma once
// The curriculum module's forms: read through the entity tables, shown with their fields
// (templates/layout/field.html) plus what a page adds to them (choices, hints).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "modules/curriculum/model.h"
#include "web/context.h"
#include "web/fields.h"

namespace mdsc::curriculum {

using Choices = std::vector<std::pair<std::int64_t, std::string>>;  // (id, label shown as is)

Instructor read_instructor(const web::Form& f, Status& st);
// organizations: the universities and research institutes to choose from.
std::vector<web::FieldSpec> instructor_fields(const web::Context& ctx, const Instructor& i, const Choices& organizations);

// fiscal_year: the course's (an edit), or 0 to read it from the form (a new course).
Course read_course(const web::Form& f, int fiscal_year, Status& st);
std::vector<web::FieldSpec> course_fields(const Course& c, bool is_new);

// An instructor added on the course page: who, and their share of the periods.
CourseInstructor read_course_instructor(const web::Form& f, Status& st);
std::vector<web::FieldSpec> course_instructor_fields(const web::Context& ctx, const Choices& instructors);

CurriculumYear read_year(const web::Form& f, int fiscal_year, Status& st);
std::vector<web::FieldSpec> year_fields(const CurriculumYear& y);

// A whole number (full-width digits accepted); nullopt for ""; a field error for anything else.
std::optional<std::int64_t> read_number(const std::string& text, const std::string& field, Status& st);

// Adds the field errors of `more` that `into` does not have yet (form parsing, then validation, so
// that every problem shows at once).
void merge(Status& into, const Status& more);

// An operation's field errors moved onto the fields of the form that was sent: the first part that
// an error's field name contains ("" is in every name) names the form's field.
Status move_fields(const Status& st, const std::vector<std::pair<std::string, std::string>>& part_to_field);

}  // namespace mdsc::curriculum
