#pragma once
// The term form in both directions: the fields the page shows, and a Term from what was posted.
#include <vector>

#include "core/result.h"
#include "modules/timetable/terms/term.h"
#include "web/context.h"
#include "web/fields.h"

namespace mdsc::timetable {

std::vector<web::FieldSpec> term_fields(const Term& t);
// The posted form as a term; problems the form alone shows (a number that is not one, a period
// line that does not read) go into st.
Term term_from_form(const web::Context& ctx, Status& st);

// Periods as the form's text: one line per period, "daytime 09:00-10:30".
std::string periods_text(const std::vector<Period>& periods);
bool parse_periods(const std::string& text, std::vector<Period>& out);

}  // namespace mdsc::timetable
