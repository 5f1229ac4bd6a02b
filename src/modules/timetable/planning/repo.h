#pragma once
// SQL of generation runs, their drafts and pins, and the planning data of a term.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/database.h"
#include "modules/timetable/planning/model.h"

namespace mdsc::timetable::repo {

// The INSERTs, for the test that they name the entities' columns in their tables' order.
extern const std::string_view kInsertRun, kInsertDraftSession;

std::optional<Run> run(db::Conn& c, std::int64_t id);
std::vector<Run> runs_of_term(db::Conn& c, std::int64_t term_id);  // the latest 20, newest first
std::int64_t insert_run(db::Conn& c, const Run& r);
// Whether the term has a run that is still alive (a heartbeat since `since`).
bool live_run(db::Conn& c, std::int64_t term_id, std::int64_t since);
// One conditional statement: false when the run is not running (any more).
bool request_cancel(db::Conn& c, std::int64_t run_id);
// The solving thread's heartbeat; returns whether a cancel was requested.
bool record_progress(db::Conn& c, std::int64_t run_id, int permille, int best_hard, int best_soft, std::int64_t now);
// The run's end: its status and message, and its final costs when it has them.
void finish_run(db::Conn& c, const Run& r);
// Whether run_id is a finished draft of the term.
bool done_run_of_term(db::Conn& c, std::int64_t run_id, std::int64_t term_id);
void mark_published(db::Conn& c, std::int64_t run_id, std::int64_t now);

std::vector<DraftSession> draft_sessions(db::Conn& c, std::int64_t run_id);  // by day and period
void insert_draft_session(db::Conn& c, const DraftSession& s);

// The pins a new run keeps: the published timetable's once there is one (with, while the term is
// under way, every session held before `today`), else those of the term's latest finished draft.
std::vector<Pin> pins_of_term(db::Conn& c, std::int64_t term_id, const std::string& today);

// The term's planning data; nullopt when there is no such term.
std::optional<PlanningData> planning_data(db::Conn& c, std::int64_t term_id);

}  // namespace mdsc::timetable::repo
