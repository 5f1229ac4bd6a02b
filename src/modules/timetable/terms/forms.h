#pragma once
// The term and room forms: the fields a page shows, and what was posted (or sent as JSON).
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/timetable/terms/model.h"
#include "nlohmann/json.hpp"
#include "web/context.h"
#include "web/fields.h"

namespace mdsc::timetable::forms {

std::vector<web::FieldSpec> term_fields(const Term& t);
// The posted form as a term; problems the form alone shows (a number that is not one, a period
// line that does not read) go into st.
Term term_from_form(const web::Form& form, Status& st);
// A term from the API's JSON; the fields' types are checked here, their values by save_term.
Term term_from_json(const nlohmann::json& j, Status& st);

// Periods as the form's text: one line per period, "daytime 09:00-10:30".
std::string periods_text(const std::vector<Period>& periods);
bool parse_periods(const std::string& text, std::vector<Period>& out);

// A room's row on the rooms page (its "active" box counts only where the row shows it).
Room room_from_form(const web::Form& form, Status& st);

}  // namespace mdsc::timetable::forms
