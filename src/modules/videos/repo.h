#pragma once
// The videos module's SQL.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "modules/videos/model.h"

namespace mdsc::videos::repo {

// The data folder the serving instances use (settings, written at start); "" before any ran.
std::string data_dir(db::Conn& c);

std::optional<Recording> by_id(db::Conn& c, std::int64_t id);
std::optional<Recording> current_of_session(db::Conn& c, std::int64_t session_id);
// The current recordings of these courses, by session (day, then start).
std::vector<Recording> current_of_courses(db::Conn& c, const std::vector<std::int64_t>& course_ids);
// Inserts unless the session has a current recording (the partial unique index decides); the id.
std::optional<std::int64_t> insert(db::Conn& c, const Recording& r);
// Withdraws a current recording (one conditional statement); whether it did.
bool withdraw(db::Conn& c, std::int64_t id, std::int64_t by, std::int64_t at, const std::string& reason);
// Withdrawn recordings whose file is still there, and marking one deleted.
std::vector<Recording> files_to_delete(db::Conn& c);
void mark_file_deleted(db::Conn& c, std::int64_t id, std::int64_t at);

// The view, made if absent, locked for this transaction.
View lock_view(db::Conn& c, std::int64_t recording_id, std::int64_t user_id, std::int64_t now);
std::optional<View> view(db::Conn& c, std::int64_t recording_id, std::int64_t user_id);
void save_view(db::Conn& c, const View& v);
void insert_play(db::Conn& c, std::int64_t recording_id, std::int64_t user_id, std::int64_t at);
std::int64_t plays(db::Conn& c, std::int64_t recording_id);

}  // namespace mdsc::videos::repo
