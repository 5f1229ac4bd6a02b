#include "modules/timetable/planning/edits.h"

#include <algorithm>
#include <map>
#include <set>

#include "modules/timetable/model.h"
#include "modules/timetable/planning/generation.h"
#include "modules/timetable/planning/planning.h"
#include "modules/timetable/sessions/notify.h"
#include "modules/timetable/terms/repo.h"
#include "nlohmann/json.hpp"

namespace mdsc::timetable {
namespace {

const curriculum::Course* find_course(const EditContext& ctx, std::int64_t id) {
  for (const auto& k : ctx.data.courses)
    if (k.id == id) return &k;
  return nullptr;
}

const Room* find_room(const EditContext& ctx, std::int64_t id) {
  for (const auto& r : ctx.data.rooms)
    if (r.id == id) return &r;
  return nullptr;
}

std::string group_of(const curriculum::Course& k) { return k.category == "common" ? "common" : k.track; }

Text group_label(const curriculum::Course& k) {
  return Text::message(k.category == "common" ? "timetable.group.common" : "track." + k.track);
}

Text course_title(const curriculum::Course& k) { return Text::name(k.title("ja"), k.title("en")); }
Text instructor_name(const curriculum::Instructor& i) { return Text::name(i.name("ja"), i.name("en")); }

nlohmann::json placed_json(const Placed& p) {
  return {{"course_id", p.course_id}, {"day", p.day}, {"band", p.band}, {"position", p.position},
          {"room_id", p.room_id}, {"pinned", p.pinned}};
}

std::optional<Period> period_of(const Term& term, const std::string& band, int position) {
  for (const auto& p : term.periods)
    if (p.band == band && p.position == position) return p;
  return std::nullopt;
}

}  // namespace

std::optional<EditContext> edit_context(db::Conn& c, std::int64_t term_id) {
  auto data = planning_data(c, term_id);
  if (!data) return std::nullopt;
  EditContext ctx;
  ctx.data = std::move(*data);
  return ctx;
}

namespace {

// The checks of one move, each a named step adding to `out` (hard clashes, soft warnings).
struct Checking {
  const EditContext& ctx;
  const std::vector<Placed>& placed;
  const Placed& moving;
  const Target& to;
  const curriculum::Course& course;
  MoveCheck& out;

  Text title() const { return course_title(course); }
  void clash(std::string id, ClashArgs args = {}) { out.clashes.push_back({std::move(id), std::move(args)}); }
  void warn(std::string id, ClashArgs args = {}) { out.warnings.push_back({std::move(id), std::move(args)}); }

  // While the term is under way, what has been held stays, and nothing moves into the past.
  void held_days() {
    const auto& term = ctx.data.term;
    if (ctx.today.empty() || term.starts_on > ctx.today || ctx.today > term.ends_on) return;
    if (!moving.day.empty() && moving.day < ctx.today)
      clash("timetable.clash.already_held", {{"day", Text::plain(moving.day)}});
    if (to.day < ctx.today)
      clash("timetable.clash.in_past", {{"day", Text::plain(to.day)}, {"today", Text::plain(ctx.today)}});
  }

  // The day: inside the term and a teaching day. Its ISO weekday; 0 when outside the term.
  unsigned teaching_day() {
    unsigned weekday = 0;
    for (const auto& d : term_days(ctx.data.term)) {
      if (d.iso != to.day) continue;
      weekday = d.weekday;
      const Text day = Text::plain(to.day);
      if (d.status == "holiday")
        clash("timetable.clash.holiday", {{"day", day}, {"holiday", Text::message(d.holiday_id)}});
      else if (d.status == "year_end")
        clash("timetable.clash.year_end", {{"day", day}});
      else if (d.status == "closed")
        clash("timetable.clash.closed", {{"day", day}, {"reason", Text::plain(d.reason)}});
      else if (d.status == "no_teaching")
        clash("timetable.clash.no_teaching", {{"day", day}, {"weekday", Text::message(weekday_message_id(d.weekday))}});
    }
    if (weekday == 0)
      clash("timetable.clash.outside_term", {{"day", Text::plain(to.day)},
                                             {"from", Text::plain(ctx.data.term.starts_on)},
                                             {"to", Text::plain(ctx.data.term.ends_on)}});
    return weekday;
  }

  // The course's band and the weekdays its rule allows.
  void course_rule(unsigned weekday) {
    if (course.time_band != to.band)
      clash("timetable.clash.band",
            {{"course", title()}, {"band", Text::message("timetable.band." + course.time_band)}});
    if (auto r = ctx.data.rules.find(course.id); r != ctx.data.rules.end() && !r->second.allows(weekday))
      clash("timetable.clash.weekday_rule",
            {{"course", title()}, {"weekday", Text::message(weekday_message_id(weekday))}});
  }

  // The instructors' own times: unavailable is a clash, avoid a warning.
  void instructors_times(unsigned weekday) {
    for (const auto& ci : course.instructors) {
      auto u = ctx.data.unavailability.find(ci.instructor_id);
      if (u == ctx.data.unavailability.end()) continue;
      for (const auto& rule : u->second) {
        if (!rule.covers(to.day, weekday, to.band, to.position)) continue;
        const Text when = rule.day.empty()
                              ? Text::message("timetable.clash.every",
                                              {{"weekday", weekday_message_id(static_cast<unsigned>(rule.weekday))}})
                              : Text::plain(rule.day);
        ClashArgs args{
            {"instructor", instructor_name(ci.instructor)}, {"when", when}, {"reason", Text::plain(rule.reason)}};
        if (rule.strength == "unavailable")
          clash(rule.reason.empty() ? "timetable.clash.unavailable" : "timetable.clash.unavailable_because", args);
        else
          warn(rule.reason.empty() ? "timetable.warn.avoid" : "timetable.warn.avoid_because", args);
      }
    }
  }

  // The other sessions of that period: the room, the same course, an instructor, a curriculum, trainees.
  void same_period(const Room* room) {
    std::map<std::int64_t, std::set<std::int64_t>> trainees;
    for (const auto& [c, u] : ctx.data.enrolled) trainees[c].insert(u);
    const Text slot = Text::message("timetable.band." + to.band).then(" " + std::to_string(to.position));
    for (const auto& p : placed) {
      if (p.id == moving.id || p.day != to.day || p.band != to.band || p.position != to.position) continue;
      const auto* other = find_course(ctx, p.course_id);
      const Text other_title = other ? course_title(*other) : Text::plain(std::to_string(p.course_id));
      if (room && p.room_id == to.room_id)
        clash("timetable.clash.room", {{"room", Text::plain(room->name)}, {"course", other_title}, {"slot", slot}});
      if (!other) continue;
      if (other->id == course.id) {
        clash("timetable.clash.same_course", {{"course", title()}});
        continue;
      }
      for (const auto& a : course.instructors)
        for (const auto& b : other->instructors)
          if (a.instructor_id == b.instructor_id)
            clash("timetable.clash.instructor_busy",
                  {{"instructor", instructor_name(a.instructor)}, {"course", other_title}});
      if (group_of(course) == group_of(*other))
        clash("timetable.clash.curriculum", {{"group", group_label(course)}, {"course", other_title}});
      int shared = 0;
      for (auto u : trainees[course.id]) shared += static_cast<int>(trainees[other->id].count(u));
      if (shared > 0)
        clash("timetable.clash.trainees", {{"count", Text::plain(std::to_string(shared))}, {"course", other_title}});
    }
  }

  // The course's spread (soft for the solver too): its weekly cap and two periods a day.
  void spread() {
    std::chrono::year_month_day target{};
    if (!parse_iso_date(to.day, target)) return;
    const std::chrono::sys_days t{target};
    const auto monday = t - std::chrono::days{std::chrono::weekday{t}.iso_encoding() - 1};
    int same_week = 1, same_day = 1;
    for (const auto& p : placed) {
      std::chrono::year_month_day d{};
      if (p.id == moving.id || p.course_id != course.id || !parse_iso_date(p.day, d)) continue;
      const std::chrono::sys_days pd{d};
      if (pd >= monday && pd < monday + std::chrono::days{7}) ++same_week;
      if (p.day == to.day) ++same_day;
    }
    if (auto r = ctx.data.rules.find(course.id);
        r != ctx.data.rules.end() && r->second.max_per_week && same_week > *r->second.max_per_week)
      warn("timetable.warn.weekly_cap", {{"course", title()},
                                         {"count", Text::plain(std::to_string(same_week))},
                                         {"max", Text::plain(std::to_string(*r->second.max_per_week))}});
    if (same_day > 2)
      warn("timetable.warn.per_day", {{"course", title()}, {"count", Text::plain(std::to_string(same_day))}});
  }

  void capacity(const Room* room) {
    if (room && course.enrolled > room->capacity)
      warn("timetable.warn.capacity", {{"room", Text::plain(room->name)},
                                       {"capacity", Text::plain(std::to_string(room->capacity))},
                                       {"enrolled", Text::plain(std::to_string(course.enrolled))}});
  }
};

}  // namespace

MoveCheck check_move(const EditContext& ctx, const std::vector<Placed>& placed, const Placed& moving,
                     const Target& to) {
  MoveCheck out;
  const auto* course = find_course(ctx, moving.course_id);
  if (!course) {
    out.clashes.push_back({"timetable.clash.no_course", {}});
    return out;
  }
  Checking check{ctx, placed, moving, to, *course, out};
  check.held_days();
  const unsigned weekday = check.teaching_day();
  if (weekday == 0) return out;
  if (!period_of(ctx.data.term, to.band, to.position)) {
    check.clash("timetable.clash.no_period");
    return out;
  }
  check.course_rule(weekday);
  check.instructors_times(weekday);
  const auto* room = find_room(ctx, to.room_id);
  if (!room) check.clash("timetable.clash.no_room");
  check.same_period(room);
  check.spread();
  check.capacity(room);
  return out;
}

std::vector<Placed> placed_sessions(db::Conn& c, const Sheet& sheet) {
  const bool draft = sheet.kind == Sheet::Kind::draft;
  const auto rows = draft ? c.query("SELECT * FROM timetable_sessions WHERE run_id = ? ORDER BY day, band, position, id", {sheet.id})
                          : c.query("SELECT * FROM course_sessions WHERE term_id = ? AND status = 'scheduled' "
                                    "ORDER BY day, band, position, id", {sheet.id});
  return entity::from_rows<Placed>(rows);
}

std::optional<Placed> placed_session(db::Conn& c, const Sheet& sheet, std::int64_t id) {
  for (const auto& p : placed_sessions(c, sheet))
    if (p.id == id) return p;
  return std::nullopt;
}

std::int64_t term_of(db::Conn& c, const Sheet& sheet) {
  auto row = sheet.kind == Sheet::Kind::draft ? c.query_one("SELECT term_id FROM timetable_runs WHERE id = ?", {sheet.id})
                                              : c.query_one("SELECT id AS term_id FROM terms WHERE id = ?", {sheet.id});
  return row ? row->i64("term_id") : 0;
}

namespace {

// The draft a move is in may still be edited: finished, and not published (once published,
// changes belong to the published sessions, which people see and are told of).
Status draft_editable(db::Conn& c, std::int64_t run_id) {
  const auto r = run(c, run_id);
  if (!r) return Status::not_found();
  if (r->status != RunStatus::done) return Status::conflict("timetable.draft_not_done");
  if (r->published_at) return Status::conflict("timetable.draft_published");
  return Status::ok();
}

Placed moved_to(const Placed& before, const MoveRequest& request) {
  Placed after = before;
  after.day = request.to.day;
  after.band = request.to.band;
  after.position = request.to.position;
  after.room_id = request.to.room_id;
  if (request.pinned) after.pinned = *request.pinned;
  return after;
}

// A published session's move: its times from the term's grid, its SEQUENCE raised when it moved,
// and (moved) the people concerned told.
Status apply_published(Work& w, const EditContext& ctx, const Placed& before, const Placed& after, bool moved) {
  const auto period = period_of(ctx.data.term, after.band, after.position);
  if (!period) return Status::conflict("timetable.clash.no_period");
  w.conn.exec(
      "UPDATE course_sessions SET day = ?, band = ?, position = ?, starts_at = ?, ends_at = ?, room_id = ?, "
      "pinned = ?, sequence = sequence + ?, updated_at = ? WHERE id = ?",
      {after.day, after.band, after.position, period->starts_at, period->ends_at, after.room_id, after.pinned ? 1 : 0,
       moved ? 1 : 0, w.now, after.id});
  w.audit("update", "session", after.id, placed_json(before), placed_json(after));
  if (!moved) return Status::ok();
  auto state = [&](const Placed& p) {
    SessionState s;
    s.day = p.day;
    if (auto q = period_of(ctx.data.term, p.band, p.position)) s.starts_at = q->starts_at, s.ends_at = q->ends_at;
    if (const auto* r = find_room(ctx, p.room_id)) s.room = r->name;
    return s;
  };
  notify_changes(w, {{after.id, after.course_id, state(before), state(after)}});
  return Status::ok();
}

}  // namespace

Status move_session(Work& w, const MoveRequest& request, MoveCheck* refused) {
  auto& c = w.conn;
  // Under the term's lock: two moves into one room, or a move and a publish, are checked one
  // after the other, each against what the other left.
  const auto term_id = term_of(c, request.sheet);
  if (!term_id || !repo::lock_term(c, term_id)) return Status::not_found();
  const bool draft = request.sheet.kind == Sheet::Kind::draft;
  if (draft)
    if (Status st = draft_editable(c, request.sheet.id); !st) return st;
  auto placed = placed_sessions(c, request.sheet);
  auto it = std::find_if(placed.begin(), placed.end(), [&](const Placed& p) { return p.id == request.session_id; });
  if (it == placed.end()) return Status::not_found();
  const Placed before = *it;
  const Placed after = moved_to(before, request);
  const bool moved = after.day != before.day || after.band != before.band || after.position != before.position ||
                     after.room_id != before.room_id;
  if (!moved && after.pinned == before.pinned) return Status::ok();

  auto ctx = edit_context(c, term_id);
  if (!ctx) return Status::not_found();
  ctx->today = i18n::tokyo_date_iso(w.now);
  if (moved) {
    MoveCheck check = check_move(*ctx, placed, before, request.to);
    if (refused) *refused = check;  // the warnings of an accepted move too
    if (!check.ok()) return Status::conflict("timetable.move_refused");
  }
  if (!draft) return apply_published(w, *ctx, before, after, moved);
  c.exec("UPDATE timetable_sessions SET day = ?, band = ?, position = ?, room_id = ?, pinned = ? WHERE id = ?",
         {after.day, after.band, after.position, after.room_id, after.pinned ? 1 : 0, after.id});
  w.audit("update", "timetable_session", after.id, placed_json(before), placed_json(after));
  return Status::ok();
}

}  // namespace mdsc::timetable
