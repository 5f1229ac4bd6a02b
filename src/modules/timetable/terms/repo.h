#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "modules/timetable/terms/room.h"
#include "modules/timetable/terms/term.h"

namespace mdsc::timetable::repo {

std::optional<Term> term(db::Conn& c, std::int64_t id);  // with its periods and closed days
// Takes the term's row lock until the transaction ends: generating, publishing and moving a
// term's sessions are decided one at a time. False if there is no such term.
bool lock_term(db::Conn& c, std::int64_t id);
std::vector<Term> terms(db::Conn& c);
int fiscal_year_of_term(db::Conn& c, std::int64_t id);  // of an existing term                    // without them, newest year first
std::optional<std::int64_t> term_id_by_name(db::Conn& c, int fiscal_year, const std::string& name);
std::int64_t insert_term(db::Conn& c, const Term& t, const std::string& now_iso);
void update_term(db::Conn& c, const Term& t, const std::string& now_iso);
void replace_periods(db::Conn& c, std::int64_t term_id, const std::vector<Period>& periods);
void add_closed_day(db::Conn& c, std::int64_t term_id, const ClosedDay& d);
bool remove_closed_day(db::Conn& c, std::int64_t term_id, const std::string& day);

// Whether the run is a finished one of this term (a draft that can be shown).
bool is_done_run_of_term(db::Conn& c, std::int64_t run_id, std::int64_t term_id);
// Among the terms with published sessions: the one under way on the day (ISO date), else the next
// to come, else the last one; 0 if none.
std::int64_t published_term_for(db::Conn& c, const std::string& day);

// Whether a run of the term is running with a heartbeat at or after `since` (unix seconds).
bool has_live_run(db::Conn& c, std::int64_t term_id, std::int64_t since);

std::vector<Room> rooms(db::Conn& c);
long active_room_count(db::Conn& c);
std::optional<Room> room(db::Conn& c, std::int64_t id);
std::optional<Room> room_by_name(db::Conn& c, const std::string& name);
std::int64_t insert_room(db::Conn& c, const Room& r, const std::string& now_iso);
void update_room(db::Conn& c, const Room& r, const std::string& now_iso);

}  // namespace mdsc::timetable::repo
