#pragma once
// Terms and rooms: every change validated, written and audited in the caller's unit of work.
#include <cstdint>
#include <string>

#include "core/result.h"
#include "modules/timetable/terms/model.h"
#include "platform/work.h"

namespace mdsc::timetable {

// Creates (t.id == 0) or updates the term and its periods (default_periods() when empty); an
// update keeps the term's closed days.
Result<std::int64_t> save_term(Work& w, Term t);
Status add_closed_day(Work& w, std::int64_t term_id, const ClosedDay& d);
Status remove_closed_day(Work& w, std::int64_t term_id, const std::string& day);
// Creates (r.id == 0) or updates a room.
Result<std::int64_t> save_room(Work& w, Room r);

// Field errors of a term as typed, before any database work.
Status validate(const Term& t);

}  // namespace mdsc::timetable
