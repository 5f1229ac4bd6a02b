#pragma once
// Terms and rooms. Every change is one transaction with its audit entry.
#include <cstdint>

#include "core/result.h"
#include "db/database.h"
#include "modules/timetable/room.h"
#include "modules/timetable/term.h"
#include "platform/audit.h"

namespace mdsc::timetable {

// Creates (t.id == 0) or updates the term and its periods (default_periods() when empty).
Result<std::int64_t> save_term(db::Database& db, const audit::Actor& actor, Term t, std::int64_t now);
Status add_closed_day(db::Database& db, const audit::Actor& actor, std::int64_t term_id, const ClosedDay& d,
                      std::int64_t now);
Status remove_closed_day(db::Database& db, const audit::Actor& actor, std::int64_t term_id, const std::string& day,
                         std::int64_t now);
Result<std::int64_t> save_room(db::Database& db, const audit::Actor& actor, const Room& r, std::int64_t now);

// Field errors of a term as typed, before any database work (exposed for tests).
Status validate(const Term& t);

}  // namespace mdsc::timetable
