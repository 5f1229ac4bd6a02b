#pragma once
// The rule forms: an instructor's new rule, a course's rule in its row; and the API's bodies.
#include <cstdint>
#include <vector>

#include "core/result.h"
#include "modules/timetable/availability/model.h"
#include "nlohmann/json.hpp"
#include "web/fields.h"
#include "web/form.h"

namespace mdsc::timetable::forms {

std::vector<web::FieldSpec> rule_fields();
Unavailability rule_from_form(const web::Form& form, std::int64_t instructor_id, Status& st);
Unavailability rule_from_json(const nlohmann::json& j, std::int64_t instructor_id, Status& st);

// The rule as typed in the course's row (weekday checkboxes wd1..wd7, numbers or empty).
CourseRule course_rule_from_form(const web::Form& form, std::int64_t course_id, Status& st);
// {"weekdays": "1010100", "max_per_week": 2, "min_days": null}: a field left out keeps its default.
CourseRule course_rule_from_json(const nlohmann::json& j, std::int64_t course_id, Status& st);

}  // namespace mdsc::timetable::forms
