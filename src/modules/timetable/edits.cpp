#include "modules/timetable/edits.h"

#include <algorithm>
#include <map>
#include <set>

#include "modules/timetable/notify.h"
#include "modules/timetable/planning.h"
#include "modules/timetable/repo.h"
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

std::string group_label(const curriculum::Course& k, const std::string& lang) {
  return k.category == "common" ? i18n::t(lang, "timetable.group.common") : i18n::t(lang, "track." + k.track);
}

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

MoveCheck check_move(const EditContext& ctx, const std::vector<Placed>& placed, const Placed& moving,
                     const Target& to, const std::string& lang) {
  MoveCheck out;
  auto clash = [&](std::string id, i18n::Args args = {}) { out.clashes.push_back({std::move(id), std::move(args)}); };
  const auto* course = find_course(ctx, moving.course_id);
  if (!course) {
    clash("timetable.clash.no_course");
    return out;
  }
  const std::string title = course->title(lang);
  const auto& term = ctx.data.term;
  if (!ctx.today.empty() && term.starts_on <= ctx.today && ctx.today <= term.ends_on) {
    if (!moving.day.empty() && moving.day < ctx.today) clash("timetable.clash.already_held", {{"day", moving.day}});
    if (to.day < ctx.today) clash("timetable.clash.in_past", {{"day", to.day}, {"today", ctx.today}});
  }

  // The day: inside the term and a teaching day.
  unsigned weekday = 0;
  bool in_term = false;
  for (const auto& d : term_days(ctx.data.term)) {
    if (d.iso != to.day) continue;
    in_term = true;
    weekday = d.weekday;
    if (d.status == "holiday") clash("timetable.clash.holiday", {{"day", to.day}, {"holiday", i18n::t(lang, d.holiday_id)}});
    else if (d.status == "year_end") clash("timetable.clash.year_end", {{"day", to.day}});
    else if (d.status == "closed") clash("timetable.clash.closed", {{"day", to.day}, {"reason", d.reason}});
    else if (d.status == "no_teaching")
      clash("timetable.clash.no_teaching", {{"day", to.day}, {"weekday", i18n::t(lang, weekday_message_id(d.weekday))}});
  }
  if (!in_term) {
    clash("timetable.clash.outside_term", {{"day", to.day}, {"from", ctx.data.term.starts_on}, {"to", ctx.data.term.ends_on}});
    return out;
  }
  const auto period = period_of(ctx.data.term, to.band, to.position);
  if (!period) {
    clash("timetable.clash.no_period");
    return out;
  }
  const std::string slot = i18n::t(lang, "timetable.band." + to.band) + " " + std::to_string(to.position);
  if (course->time_band != to.band)
    clash("timetable.clash.band", {{"course", title}, {"band", i18n::t(lang, "timetable.band." + course->time_band)}});
  if (auto r = ctx.data.rules.find(course->id); r != ctx.data.rules.end() && !r->second.allows(weekday))
    clash("timetable.clash.weekday_rule", {{"course", title}, {"weekday", i18n::t(lang, weekday_message_id(weekday))}});

  // The instructors' own times.
  for (const auto& ci : course->instructors) {
    auto u = ctx.data.unavailability.find(ci.instructor_id);
    if (u == ctx.data.unavailability.end()) continue;
    for (const auto& rule : u->second) {
      if (!rule.covers(to.day, weekday, to.band, to.position)) continue;
      const std::string when = rule.day.empty() ? i18n::t(lang, "timetable.clash.every", {{"weekday", i18n::t(lang, weekday_message_id(static_cast<unsigned>(rule.weekday)))}}) : rule.day;
      i18n::Args args{{"instructor", ci.instructor.name(lang)}, {"when", when}, {"reason", rule.reason}};
      if (rule.strength == "unavailable")
        clash(rule.reason.empty() ? "timetable.clash.unavailable" : "timetable.clash.unavailable_because", args);
      else
        out.warnings.push_back({rule.reason.empty() ? "timetable.warn.avoid" : "timetable.warn.avoid_because", args});
    }
  }

  // The room.
  const auto* room = find_room(ctx, to.room_id);
  if (!room) clash("timetable.clash.no_room");

  // The other sessions of that period.
  std::map<std::int64_t, std::set<std::int64_t>> trainees;
  for (const auto& [c, u] : ctx.data.enrolled) trainees[c].insert(u);
  for (const auto& p : placed) {
    if (p.id == moving.id || p.day != to.day || p.band != to.band || p.position != to.position) continue;
    const auto* other = find_course(ctx, p.course_id);
    const std::string other_title = other ? other->title(lang) : std::to_string(p.course_id);
    if (room && p.room_id == to.room_id) clash("timetable.clash.room", {{"room", room->name}, {"course", other_title}, {"slot", slot}});
    if (!other) continue;
    if (other->id == course->id) {
      clash("timetable.clash.same_course", {{"course", title}});
      continue;
    }
    for (const auto& a : course->instructors)
      for (const auto& b : other->instructors)
        if (a.instructor_id == b.instructor_id)
          clash("timetable.clash.instructor_busy", {{"instructor", a.instructor.name(lang)}, {"course", other_title}});
    if (group_of(*course) == group_of(*other))
      clash("timetable.clash.curriculum", {{"group", group_label(*course, lang)}, {"course", other_title}});
    int shared = 0;
    for (auto u : trainees[course->id]) shared += static_cast<int>(trainees[other->id].count(u));
    if (shared > 0)
      clash("timetable.clash.trainees", {{"count", std::to_string(shared)}, {"course", other_title}});
  }
  // The course's spread (soft for the solver too): its weekly cap and two periods a day.
  std::chrono::year_month_day target{};
  if (parse_iso_date(to.day, target)) {
    const std::chrono::sys_days t{target};
    const auto monday = t - std::chrono::days{std::chrono::weekday{t}.iso_encoding() - 1};
    int same_week = 1, same_day = 1;
    for (const auto& p : placed) {
      std::chrono::year_month_day d{};
      if (p.id == moving.id || p.course_id != course->id || !parse_iso_date(p.day, d)) continue;
      const std::chrono::sys_days pd{d};
      if (pd >= monday && pd < monday + std::chrono::days{7}) ++same_week;
      if (p.day == to.day) ++same_day;
    }
    if (auto r = ctx.data.rules.find(course->id); r != ctx.data.rules.end() && r->second.max_per_week &&
                                                   same_week > *r->second.max_per_week)
      out.warnings.push_back({"timetable.warn.weekly_cap", {{"course", title}, {"count", std::to_string(same_week)},
                                                            {"max", std::to_string(*r->second.max_per_week)}}});
    if (same_day > 2)
      out.warnings.push_back({"timetable.warn.per_day", {{"course", title}, {"count", std::to_string(same_day)}}});
  }
  if (room && course->enrolled > room->capacity)
    out.warnings.push_back({"timetable.warn.capacity", {{"room", room->name}, {"capacity", std::to_string(room->capacity)},
                                                         {"enrolled", std::to_string(course->enrolled)}}});
  return out;
}

std::vector<Placed> placed_sessions(db::Conn& c, const Sheet& sheet) {
  std::vector<Placed> out;
  const bool draft = sheet.kind == Sheet::Kind::draft;
  const auto rows = draft ? c.query("SELECT * FROM timetable_sessions WHERE run_id = ? ORDER BY day, band, position, id", {sheet.id})
                          : c.query("SELECT * FROM course_sessions WHERE term_id = ? AND status = 'scheduled' "
                                    "ORDER BY day, band, position, id", {sheet.id});
  for (const auto& r : rows)
    out.push_back({r.i64("id"), r.i64("course_id"), r.str("day"), r.str("band"), static_cast<int>(r.i64("position")),
                   r.i64("room_id"), r.boolean("pinned")});
  return out;
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

Status move_session(db::Database& db, const audit::Actor& actor, const MoveRequest& request, std::int64_t now,
                    const std::string& base_url, const std::string& lang, MoveCheck* refused) {
  return db.write([&](db::Conn& c) -> Status {
    // Under the term's lock: two moves into one room, or a move and a publish, are checked one
    // after the other, each against what the other left.
    const auto locked_term = term_of(c, request.sheet);
    if (!locked_term || !repo::lock_term(c, locked_term)) return Status::not_found();
    const bool draft = request.sheet.kind == Sheet::Kind::draft;
    if (draft) {
      auto run = c.query_one("SELECT status, published_at FROM timetable_runs WHERE id = ?", {request.sheet.id});
      if (!run) return Status::not_found();
      if (run->str("status") != "done") return Status::conflict("timetable.draft_not_done");
      // Once published, changes belong to the published sessions (which people see and are told of).
      if (!run->is_null("published_at")) return Status::conflict("timetable.draft_published");
    }
    const auto term_id = locked_term;
    auto placed = placed_sessions(c, request.sheet);
    auto it = std::find_if(placed.begin(), placed.end(), [&](const Placed& p) { return p.id == request.session_id; });
    if (it == placed.end()) return Status::not_found();
    const Placed before = *it;
    Placed after = before;
    after.day = request.to.day;
    after.band = request.to.band;
    after.position = request.to.position;
    after.room_id = request.to.room_id;
    if (request.pinned) after.pinned = *request.pinned;
    const bool moved = after.day != before.day || after.band != before.band || after.position != before.position ||
                       after.room_id != before.room_id;
    if (!moved && after.pinned == before.pinned) return Status::ok();

    auto ctx = edit_context(c, term_id);
    if (!ctx) return Status::not_found();
    ctx->today = i18n::tokyo_date_iso(now);
    const auto period = period_of(ctx->data.term, after.band, after.position);
    if (moved) {
      MoveCheck check = check_move(*ctx, placed, before, request.to, lang);
      if (refused) *refused = check;  // the warnings of an accepted move too
      if (!check.ok()) return Status::conflict("timetable.move_refused");
    }
    if (draft) {
      c.exec("UPDATE timetable_sessions SET day = ?, band = ?, position = ?, room_id = ?, pinned = ? WHERE id = ?",
             {after.day, after.band, after.position, after.room_id, after.pinned ? 1 : 0, after.id});
      audit::record(c, actor, "update", "timetable_session", std::to_string(after.id), placed_json(before),
                    placed_json(after), now);
      return Status::ok();
    }
    if (!period) return Status::conflict("timetable.clash.no_period");
    c.exec("UPDATE course_sessions SET day = ?, band = ?, position = ?, starts_at = ?, ends_at = ?, room_id = ?, pinned = ?, "
           "sequence = sequence + ?, updated_at = ? WHERE id = ?",
           {after.day, after.band, after.position, period->starts_at, period->ends_at, after.room_id,
            after.pinned ? 1 : 0, moved ? 1 : 0, now, after.id});
    audit::record(c, actor, "update", "session", std::to_string(after.id), placed_json(before), placed_json(after), now);
    if (moved) {
      auto state = [&](const Placed& p) {
        SessionState s;
        s.day = p.day;
        if (auto q = period_of(ctx->data.term, p.band, p.position)) s.starts_at = q->starts_at, s.ends_at = q->ends_at;
        if (const auto* r = find_room(*ctx, p.room_id)) s.room = r->name;
        return s;
      };
      notify_changes(c, {{after.id, after.course_id, state(before), state(after)}}, now, base_url);
    }
    return Status::ok();
  });
}

}  // namespace mdsc::timetable
