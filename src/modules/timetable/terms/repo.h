#pragma once
// SQL of terms (with their periods and closed days) and rooms.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/database.h"
#include "modules/timetable/terms/model.h"

namespace mdsc::timetable::repo {

// The INSERTs, for the test that they name the entities' columns in their tables' order.
extern const std::string_view kInsertTerm, kInsertPeriod, kInsertClosedDay, kInsertRoom;

std::optional<Term> term(db::Conn& c, std::int64_t id);  // with its periods and closed days
// Takes the term's row lock until the transaction ends: generating, publishing and moving a
// term's sessions are decided one at a time. False if there is no such term.
bool lock_term(db::Conn& c, std::int64_t id);
std::vector<Term> terms(db::Conn& c);  // without periods and closed days, newest year first
std::optional<std::int64_t> term_id_by_name(db::Conn& c, int fiscal_year, const std::string& name);
std::int64_t insert_term(db::Conn& c, const Term& t);
void update_term(db::Conn& c, const Term& t);
void replace_periods(db::Conn& c, std::int64_t term_id, const std::vector<Period>& periods);
void add_closed_day(db::Conn& c, const ClosedDay& d);
bool remove_closed_day(db::Conn& c, std::int64_t term_id, const std::string& day);
// The (band, position) pairs of every term's grid.
std::vector<std::pair<std::string, int>> periods_in_use(db::Conn& c);

std::vector<Room> rooms(db::Conn& c);  // active ones first, by name
std::optional<Room> room(db::Conn& c, std::int64_t id);
std::optional<Room> room_by_name(db::Conn& c, const std::string& name);
std::int64_t count_active_rooms(db::Conn& c);
std::int64_t insert_room(db::Conn& c, const Room& r);
void update_room(db::Conn& c, const Room& r);

}  // namespace mdsc::timetable::repo
