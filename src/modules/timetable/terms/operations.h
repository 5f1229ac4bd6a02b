#pragma once
// Terms and rooms. Every change is audited, in the caller's unit of work.
#include <cstdint>

#include "core/result.h"
#include "modules/timetable/terms/room.h"
#include "modules/timetable/terms/term.h"
#include "platform/work.h"

namespace mdsc::timetable {

// Creates (t.id == 0) or updates the term and its periods (default_periods() when empty).
Result<std::int64_t> save_term(Work& w, Term t);
Status add_closed_day(Work& w, std::int64_t term_id, const ClosedDay& d);
Status remove_closed_day(Work& w, std::int64_t term_id, const std::string& day);
Result<std::int64_t> save_room(Work& w, const Room& r);

// Field errors of a term as typed, before any database work (exposed for tests).
Status validate(const Term& t);

}  // namespace mdsc::timetable
