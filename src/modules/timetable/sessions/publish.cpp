#include "modules/timetable/sessions/publish.h"

#include <map>
#include <set>
#include <vector>

#include "core/i18n.h"
#include "modules/timetable/planning/generation.h"
#include "modules/timetable/sessions/notify.h"
#include "modules/timetable/sessions/publish_repo.h"
#include "modules/timetable/terms/repo.h"
#include "nlohmann/json.hpp"

namespace mdsc::timetable {
namespace {

using repo::Slot;

nlohmann::json slot_json(const Slot& s) {
  return {{"day", s.day}, {"band", s.band}, {"position", s.position}, {"room_id", s.room_id}, {"pinned", s.pinned}};
}

// One publish, as named steps: decide (under the term's lock) whether the draft may be published,
// read the term and both sets of sessions, then for each course keep, move, add and cancel, and
// finally tell the people concerned.
class Publisher {
 public:
  Publisher(Work& w, std::int64_t run_id) : w_(w), c_(w.conn), run_id_(run_id) {}

  Result<PublishSummary> publish() {
    if (auto st = lock_and_check(); !st.is_ok()) return st;
    read_term();
    if (auto st = read_sessions(); !st.is_ok()) return st;
    std::set<std::int64_t> courses;
    for (const auto& [k, v] : draft_) courses.insert(k);
    for (const auto& [k, v] : current_) courses.insert(k);
    for (auto course : courses) publish_course(course);
    finish();
    return sum_;
  }

 private:
  // The term's lock first (a run's term never changes), then everything this publish decides on:
  // two publishes, or a publish and a move, happen one after the other.
  Status lock_and_check() {
    const auto term_id = repo::term_of_run(c_, run_id_);
    if (!term_id || !repo::lock_term(c_, term_id)) return Status::not_found();
    const auto r = run(c_, run_id_);
    if (r->status != RunStatus::done) return Status::conflict("timetable.draft_not_done");
    sum_.term_id = term_id;
    // A draft made before the published timetable last changed would undo that change.
    if (r->finished_at.value_or(0) < repo::last_session_change(c_, term_id))
      return Status::conflict("timetable.draft_outdated");
    return Status::ok();
  }

  // The term's period times, room names and which courses are confidential; and whether the term
  // is under way (sessions before today have then been held: they stay as they are).
  void read_term() {
    const auto term = repo::term(c_, sum_.term_id);
    for (const auto& p : term->periods) times_[{p.band, p.position}] = {p.starts_at, p.ends_at};
    for (const auto& r : repo::rooms(c_)) room_names_[r.id] = r.name;
    confidential_ = repo::confidential_courses(c_, sum_.term_id);
    today_ = i18n::tokyo_date_iso(w_.now);
    under_way_ = term->starts_on <= today_ && today_ <= term->ends_on;
  }
  bool held(const std::string& day) const { return under_way_ && day < today_; }

  // Published sessions first: those already held count towards their course's periods and stay;
  // the draft's own sessions before today then give way.
  Status read_sessions() {
    std::map<std::int64_t, std::size_t> held_count, draft_count;
    for (const auto& s : repo::scheduled_slots(c_, sum_.term_id)) {
      republishing_ = true;
      if (held(s.day)) {
        ++sum_.unchanged;
        ++held_count[s.course_id];
        continue;
      }
      current_[s.course_id].push_back(s);
    }
    for (const auto& s : repo::draft_slots(c_, run_id_)) {
      if (!times_.count({s.band, s.position})) return Status::conflict("timetable.period_missing");
      ++draft_count[s.course_id];
      if (republishing_ && held(s.day)) continue;
      draft_[s.course_id].push_back(s);
    }
    for (auto& [course, want] : draft_) {
      const std::size_t room_for =
          draft_count[course] > held_count[course] ? draft_count[course] - held_count[course] : 0;
      if (want.size() > room_for) want.resize(room_for);
    }
    return Status::ok();
  }

  // A session that stays at its time keeps it (its room may change); then the rest pair up in
  // order; what the draft has more is added, what it no longer has is cancelled.
  void publish_course(std::int64_t course) {
    auto& want = draft_[course];
    auto& have = current_[course];
    std::vector<bool> want_done(want.size()), have_done(have.size());
    for (std::size_t i = 0; i < want.size(); ++i)
      for (std::size_t j = 0; j < have.size(); ++j)
        if (!have_done[j] && want[i].same_time(have[j])) {
          update(have[j], want[i]);
          want_done[i] = have_done[j] = true;
          break;
        }
    std::size_t j = 0;
    for (std::size_t i = 0; i < want.size(); ++i) {
      if (want_done[i]) continue;
      while (j < have.size() && have_done[j]) ++j;
      if (j < have.size()) {
        update(have[j], want[i]);
        have_done[j] = true;
      } else {
        add(want[i]);
      }
    }
    for (std::size_t k = 0; k < have.size(); ++k)
      if (!have_done[k]) cancel(have[k]);
  }

  SessionState state(const Slot& s) {
    if (!s.starts_at.empty()) return SessionState{s.day, s.starts_at, s.ends_at, room_names_[s.room_id]};
    const auto& [from, to] = times_[{s.band, s.position}];
    return SessionState{s.day, from, to, room_names_[s.room_id]};
  }

  void update(const Slot& old, const Slot& now_at) {
    const auto& [from, to] = times_[{now_at.band, now_at.position}];
    // The term's grid may have new times for the same period: that is a move for the people in it.
    const bool moved =
        !old.same_time(now_at) || old.room_id != now_at.room_id || old.starts_at != from || old.ends_at != to;
    repo::republish_session(c_, old.id, now_at, from, to, moved, run_id_, w_.now);
    if (!moved) {
      ++sum_.unchanged;
      return;
    }
    ++sum_.moved;
    changes_.push_back({old.id, old.course_id, state(old), state(now_at)});
    w_.audit("update", "session", old.id, slot_json(old), slot_json(now_at));
  }

  void add(const Slot& s) {
    const auto& [from, to] = times_[{s.band, s.position}];
    const auto id = repo::insert_published_session(c_, sum_.term_id, s, from, to, confidential_.count(s.course_id) > 0,
                                                   run_id_, w_.now);
    ++sum_.added;
    if (republishing_) changes_.push_back({id, s.course_id, std::nullopt, state(s)});
    w_.audit("create", "session", id, nlohmann::json::object(), slot_json(s));
  }

  void cancel(const Slot& s) {
    repo::cancel_published_session(c_, s.id, w_.now);
    ++sum_.cancelled;
    changes_.push_back({s.id, s.course_id, state(s), std::nullopt});
    w_.audit("cancel", "session", s.id, slot_json(s), {{"status", "cancelled"}});
  }

  void finish() {
    repo::mark_run_published(c_, run_id_, w_.now);
    sum_.mails = notify_changes(w_, changes_);
    w_.audit("publish", "timetable_run", run_id_, nlohmann::json::object(),
             {{"term_id", sum_.term_id},
              {"added", sum_.added},
              {"moved", sum_.moved},
              {"cancelled", sum_.cancelled},
              {"unchanged", sum_.unchanged}});
  }

  Work& w_;
  db::Conn& c_;
  const std::int64_t run_id_;
  PublishSummary sum_;
  std::map<std::pair<std::string, int>, std::pair<std::string, std::string>> times_;
  std::map<std::int64_t, std::string> room_names_;
  std::set<std::int64_t> confidential_;
  std::string today_;
  bool under_way_ = false;
  bool republishing_ = false;
  std::map<std::int64_t, std::vector<Slot>> draft_, current_;
  std::vector<SessionChange> changes_;
};

}  // namespace

Result<PublishSummary> publish_run(Work& w, std::int64_t run_id) { return Publisher(w, run_id).publish(); }

}  // namespace mdsc::timetable
