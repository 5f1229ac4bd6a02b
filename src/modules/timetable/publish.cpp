#include "modules/timetable/publish.h"

#include <map>
#include <vector>

#include "core/i18n.h"
#include "modules/timetable/notify.h"
#include "modules/timetable/repo.h"
#include "nlohmann/json.hpp"

namespace mdsc::timetable {
namespace {

struct Slot {
  std::int64_t id = 0;
  std::string day, band;
  int position = 0;
  std::int64_t room_id = 0;
  bool pinned = false;
  std::string starts_at, ends_at;  // of a published session: its times when it was last published
  bool same_time(const Slot& o) const { return day == o.day && band == o.band && position == o.position; }
};

nlohmann::json slot_json(const Slot& s) {
  return {{"day", s.day}, {"band", s.band}, {"position", s.position}, {"room_id", s.room_id}, {"pinned", s.pinned}};
}

}  // namespace

Result<PublishSummary> publish_run(Work& w, std::int64_t run_id) {
  auto& c = w.conn;
  // The term's lock first (a run's term never changes), then everything this publish decides on:
  // two publishes, or a publish and a move, happen one after the other.
  auto term_of_run = c.query_one("SELECT term_id FROM timetable_runs WHERE id = ?", {run_id});
  if (!term_of_run || !repo::lock_term(c, term_of_run->i64("term_id"))) return Status::not_found();
  auto run = c.query_one("SELECT term_id, status, finished_at FROM timetable_runs WHERE id = ?", {run_id});
  if (run->str("status") != "done") return Status::conflict("timetable.draft_not_done");
  PublishSummary sum;
  sum.term_id = run->i64("term_id");
  // A draft made before the published timetable last changed would undo that change.
  if (run->i64("finished_at") < c.scalar_i64("SELECT COALESCE(MAX(updated_at), 0) FROM course_sessions WHERE term_id = ?",
                                            {sum.term_id}))
    return Status::conflict("timetable.draft_outdated");
  // While the term is under way, sessions before today have been held: they stay as they are.
  auto term = c.query_one("SELECT starts_on, ends_on FROM terms WHERE id = ?", {sum.term_id});
  const std::string today = i18n::tokyo_date_iso(w.now);
  const bool under_way = term && term->str("starts_on") <= today && today <= term->str("ends_on");
  auto held = [&](const std::string& day) { return under_way && day < today; };

  std::map<std::pair<std::string, int>, std::pair<std::string, std::string>> times;
  for (const auto& r : c.query("SELECT band, position, starts_at, ends_at FROM term_periods WHERE term_id = ?", {sum.term_id}))
    times[{r.str("band"), static_cast<int>(r.i64("position"))}] = {r.str("starts_at"), r.str("ends_at")};
  std::map<std::int64_t, std::string> room_names;
  for (const auto& r : c.query("SELECT id, name FROM rooms")) room_names[r.i64("id")] = r.str("name");
  std::map<std::int64_t, bool> confidential;
  for (const auto& r : c.query("SELECT k.id, k.confidential_by_default FROM courses k JOIN terms t ON t.fiscal_year = k.fiscal_year "
                               "WHERE t.id = ?", {sum.term_id}))
    confidential[r.i64("id")] = r.boolean("confidential_by_default");

  // Published sessions first: those already held (term under way, before today) stay as they are
  // and count towards their course's periods; the draft's own sessions before today then give way.
  std::map<std::int64_t, std::vector<Slot>> draft, current;
  std::map<std::int64_t, std::size_t> held_count, draft_count;
  bool republishing = false;
  for (const auto& r : c.query("SELECT * FROM course_sessions WHERE term_id = ? AND status = 'scheduled' "
                               "ORDER BY course_id, day, band, position, id", {sum.term_id})) {
    republishing = true;
    if (held(r.str("day"))) {
      ++sum.unchanged;
      ++held_count[r.i64("course_id")];
      continue;
    }
    current[r.i64("course_id")].push_back({r.i64("id"), r.str("day"), r.str("band"), static_cast<int>(r.i64("position")),
                                           r.i64("room_id"), r.boolean("pinned"), r.str("starts_at"), r.str("ends_at")});
  }
  for (const auto& r : c.query("SELECT * FROM timetable_sessions WHERE run_id = ? ORDER BY course_id, day, band, position, id", {run_id})) {
    if (!times.count({r.str("band"), static_cast<int>(r.i64("position"))})) return Status::conflict("timetable.period_missing");
    ++draft_count[r.i64("course_id")];
    if (republishing && held(r.str("day"))) continue;
    draft[r.i64("course_id")].push_back({0, r.str("day"), r.str("band"), static_cast<int>(r.i64("position")),
                                         r.i64("room_id"), r.boolean("pinned"), "", ""});
  }
  for (auto& [course, want] : draft) {
    const std::size_t room_for = draft_count[course] > held_count[course] ? draft_count[course] - held_count[course] : 0;
    if (want.size() > room_for) want.resize(room_for);
  }

  auto state = [&](const Slot& s) {
    if (!s.starts_at.empty()) return SessionState{s.day, s.starts_at, s.ends_at, room_names[s.room_id]};
    const auto& [from, to] = times[{s.band, s.position}];
    return SessionState{s.day, from, to, room_names[s.room_id]};
  };
  std::vector<SessionChange> changes;
  auto update = [&](const Slot& old, const Slot& now_at, std::int64_t course) {
    const auto& [from, to] = times[{now_at.band, now_at.position}];
    // The term's grid may have new times for the same period: that is a move for the people in it.
    const bool moved = !old.same_time(now_at) || old.room_id != now_at.room_id || old.starts_at != from || old.ends_at != to;
    c.exec("UPDATE course_sessions SET day = ?, band = ?, position = ?, starts_at = ?, ends_at = ?, room_id = ?, pinned = ?, "
           "sequence = sequence + ?, run_id = ?, updated_at = ? WHERE id = ?",
           {now_at.day, now_at.band, now_at.position, from, to, now_at.room_id, now_at.pinned ? 1 : 0, moved ? 1 : 0,
            run_id, w.now, old.id});
    if (moved) {
      ++sum.moved;
      changes.push_back({old.id, course, state(old), state(now_at)});
      w.audit("update", "session", old.id, slot_json(old), slot_json(now_at));
    } else {
      ++sum.unchanged;
    }
  };

  std::map<std::int64_t, bool> courses;
  for (const auto& [k, v] : draft) courses[k] = true;
  for (const auto& [k, v] : current) courses[k] = true;
  for (const auto& [course, _] : courses) {
    auto& want = draft[course];
    auto& have = current[course];
    std::vector<bool> want_done(want.size()), have_done(have.size());
    // A session that stays at its time keeps it (and its room may change); then the rest pair up in order.
    for (std::size_t i = 0; i < want.size(); ++i)
      for (std::size_t j = 0; j < have.size(); ++j)
        if (!have_done[j] && want[i].same_time(have[j])) {
          update(have[j], want[i], course);
          want_done[i] = have_done[j] = true;
          break;
        }
    std::size_t j = 0;
    for (std::size_t i = 0; i < want.size(); ++i) {
      if (want_done[i]) continue;
      while (j < have.size() && have_done[j]) ++j;
      if (j < have.size()) {
        update(have[j], want[i], course);
        have_done[j] = true;
        continue;
      }
      const auto& [from, to] = times[{want[i].band, want[i].position}];
      const auto id = c.insert(
          "INSERT INTO course_sessions (term_id, course_id, day, band, position, starts_at, ends_at, room_id, pinned, "
          "confidential, status, sequence, run_id, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', 0, ?, ?, ?)",
          {sum.term_id, course, want[i].day, want[i].band, want[i].position, from, to, want[i].room_id,
           want[i].pinned ? 1 : 0, confidential[course] ? 1 : 0, run_id, w.now, w.now});
      ++sum.added;
      if (republishing) changes.push_back({id, course, std::nullopt, state(want[i])});
      w.audit("create", "session", id, nlohmann::json::object(), slot_json(want[i]));
    }
    for (std::size_t k = 0; k < have.size(); ++k) {
      if (have_done[k]) continue;
      c.exec("UPDATE course_sessions SET status = 'cancelled', sequence = sequence + 1, updated_at = ? WHERE id = ?",
             {w.now, have[k].id});
      ++sum.cancelled;
      changes.push_back({have[k].id, course, state(have[k]), std::nullopt});
      w.audit("cancel", "session", have[k].id, slot_json(have[k]),
                    {{"status", "cancelled"}});
    }
  }
  c.exec("UPDATE timetable_runs SET published_at = ? WHERE id = ?", {w.now, run_id});
  sum.mails = notify_changes(w, changes);
  w.audit("publish", "timetable_run", run_id, nlohmann::json::object(),
                {{"term_id", sum.term_id}, {"added", sum.added}, {"moved", sum.moved}, {"cancelled", sum.cancelled},
                 {"unchanged", sum.unchanged}});
  return sum;
}

}  // namespace mdsc::timetable
