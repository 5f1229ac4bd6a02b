// The timetable as a weekly grid (periods × teaching weekdays) of a draft or of the published
// sessions, for everyone or by track, room, instructor or trainee. A trainee sees their own.
#include <charconv>
#include <map>
#include <set>

#include "core/i18n.h"
#include "modules/curriculum.h"
#include "modules/timetable/planning/edits.h"
#include "modules/timetable/handlers.h"
#include "modules/timetable/terms/repo.h"
#include "nlohmann/json.hpp"
#include "platform/identity/users.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

std::int64_t to_id(std::string_view s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() ? v : 0;
}

year_month_day monday_of(year_month_day d) {
  const sys_days s{d};
  return year_month_day{s - days{std::chrono::weekday{s}.iso_encoding() - 1}};
}

// Which of the placed sessions the page shows: a filter "" (all), "common", "track:x", "room:id",
// "instructor:id" or "trainee:id".
class WeekFilter {
 public:
  WeekFilter(std::string filter, const PlanningData& data) : filter_(std::move(filter)) {
    for (const auto& k : data.courses) course_by_id_[k.id] = &k;
    // The filter is read once: "kind:value", the value as text and as an id.
    if (const auto colon = filter_.find(':'); colon != std::string::npos) {
      kind_ = filter_.substr(0, colon);
      value_ = filter_.substr(colon + 1);
      id_ = to_id(value_);
    }
    if (kind_ == "trainee")
      for (const auto& [course, user] : data.enrolled)
        if (user == id_) trainee_courses_.insert(course);
  }
  const std::string& value() const { return filter_; }
  const curriculum::Course* course(std::int64_t id) const {
    auto it = course_by_id_.find(id);
    return it == course_by_id_.end() ? nullptr : it->second;
  }
  bool shown(const Placed& p) const {
    if (filter_.empty()) return true;
    const auto* k = course(p.course_id);
    if (!k) return false;
    if (filter_ == "common") return k->category == "common";
    if (kind_ == "track") return k->track == value_;
    if (kind_ == "room") return p.room_id == id_;
    if (kind_ == "trainee") return trainee_courses_.count(k->id) > 0;
    if (kind_ == "instructor") {
      for (const auto& ci : k->instructors)
        if (ci.instructor_id == id_) return true;
    }
    return false;
  }

 private:
  std::string filter_, kind_, value_;
  std::int64_t id_ = 0;
  std::map<std::int64_t, const curriculum::Course*> course_by_id_;
  std::set<std::int64_t> trainee_courses_;  // with a trainee filter: that trainee's courses
};

// The filter choices a planner has: tracks, rooms, instructors and (for those who see the
// rosters) trainees.
nlohmann::json filter_choices(Context& ctx, const PlanningData& data, const std::string& filter, bool rosters) {
  auto filters = nlohmann::json::array();
  auto option = [&](std::string value, std::string label, std::string group) {
    filters.push_back({{"value", value}, {"label", label}, {"group", group}, {"selected", value == filter}});
  };
  option("", ctx.t("timetable.filter.all"), "");
  option("common", ctx.t("timetable.group.common"), ctx.t("timetable.filter.track"));
  std::set<std::string> tracks;
  std::map<std::int64_t, std::string> instructors;
  for (const auto& k : data.courses) {
    if (!k.track.empty()) tracks.insert(k.track);
    for (const auto& ci : k.instructors) instructors[ci.instructor_id] = ci.instructor.name(ctx.lang);
  }
  for (const auto& t : tracks) option("track:" + t, ctx.t("track." + t), ctx.t("timetable.filter.track"));
  for (const auto& r : data.rooms) option("room:" + std::to_string(r.id), r.name, ctx.t("timetable.room"));
  for (const auto& [id, name] : instructors)
    option("instructor:" + std::to_string(id), name, ctx.t("timetable.instructors"));
  if (!rosters) return filters;
  std::set<std::int64_t> trainee_ids;
  for (const auto& [course, user] : data.enrolled) trainee_ids.insert(user);
  for (auto id : trainee_ids) {
    if (auto u = identity::find_user(ctx.work().conn, id)) {
      std::string name = u->family_name + " " + u->given_name;
      option("trainee:" + std::to_string(id), name == " " ? u->email : name, ctx.t("timetable.filter.trainee"));
    }
  }
  return filters;
}

// The Monday of the week shown: the one asked for, else this week while the term is under way,
// else the first week with a session shown, else the term's first.
year_month_day monday_shown(Context& ctx, const Term& term, const std::vector<Placed>& placed,
                            const WeekFilter& filter) {
  year_month_day asked{};
  if (parse_iso_date(ctx.query.trimmed("week"), asked)) return monday_of(asked);
  const std::string today = i18n::tokyo_date_iso(ctx.now());
  if (today >= term.starts_on && today <= term.ends_on && parse_iso_date(today, asked)) return monday_of(asked);
  std::string first_shown;
  for (const auto& p : placed)
    if (filter.shown(p) && (first_shown.empty() || p.day < first_shown)) first_shown = p.day;
  if (!first_shown.empty() && parse_iso_date(first_shown, asked)) return monday_of(asked);
  year_month_day start{};
  parse_iso_date(term.starts_on, start);
  return monday_of(start);
}

// The weeks of the term, for the week chooser.
nlohmann::json week_choices(const Term& term, year_month_day monday) {
  year_month_day start{}, end{};
  parse_iso_date(term.starts_on, start);
  parse_iso_date(term.ends_on, end);
  auto weeks = nlohmann::json::array();
  for (sys_days w{monday_of(start)}; w <= sys_days{end}; w += days{7})
    weeks.push_back({{"value", iso_date(year_month_day{w})},
                     {"label", iso_date(year_month_day{w}) + " –"},
                     {"selected", year_month_day{w} == monday}});
  return weeks;
}

// The week's teaching weekdays, each with what keeps it from teaching (a holiday, a break, outside
// the term).
nlohmann::json day_columns(Context& ctx, const Term& term, year_month_day monday, std::vector<std::string>& days_out) {
  std::map<std::string, TermDay> day_info;
  for (const auto& d : term_days(term)) day_info[d.iso] = d;
  auto columns = nlohmann::json::array();
  for (unsigned i = 0; i < 7; ++i) {
    if (term.teaching_weekdays.size() == 7 && term.teaching_weekdays[i] != '1') continue;
    const std::string iso = iso_date(year_month_day{sys_days{monday} + days{i}});
    days_out.push_back(iso);
    nlohmann::json col{{"day", iso}, {"weekday", ctx.t(weekday_message_id(i + 1))}};
    if (auto it = day_info.find(iso); it == day_info.end())
      col["note"] = ctx.t("timetable.day.outside");
    else if (it->second.status != "teaching")
      col["note"] =
          it->second.status == "holiday" ? ctx.t(it->second.holiday_id) : ctx.t("timetable.day." + it->second.status);
    columns.push_back(col);
  }
  return columns;
}

// One row per period, one cell per day, the sessions shown in it; `count` adds up the sessions.
nlohmann::json grid_rows(Context& ctx, const PlanningData& data, const std::vector<Placed>& placed,
                         const WeekFilter& filter, const Sheet& sheet, const std::vector<std::string>& column_days,
                         int& count) {
  std::map<std::int64_t, std::string> room_name;
  for (const auto& r : data.rooms) room_name[r.id] = r.name;
  auto session_href = [&](const Placed& p) {
    return sheet.kind == Sheet::Kind::draft
               ? "/timetable/runs/" + std::to_string(sheet.id) + "/sessions/" + std::to_string(p.id)
               : "/sessions/" + std::to_string(p.id);
  };
  auto rows = nlohmann::json::array();
  for (const auto& period : grid_order(data.term.periods)) {
    auto cells = nlohmann::json::array();
    for (const auto& day : column_days) {
      auto list = nlohmann::json::array();
      for (const auto& p : placed) {
        if (p.day != day || p.band != period.band || p.position != period.position || !filter.shown(p)) continue;
        const auto* k = filter.course(p.course_id);
        list.push_back({{"course", k ? k->title(ctx.lang) : std::to_string(p.course_id)},
                        {"code", k ? k->code : ""},
                        {"room", room_name[p.room_id]},
                        {"href", session_href(p)},
                        {"pinned", p.pinned}});
        ++count;
      }
      cells.push_back({{"sessions", list}});
    }
    rows.push_back({{"label", ctx.t("timetable.band." + period.band) + " " + std::to_string(period.position)},
                    {"time", period.starts_at + "–" + period.ends_at},
                    {"cells", cells}});
  }
  return rows;
}

}  // namespace

Response week(Context& ctx) {
  const auto term_id = ctx.id_param("id");
  auto edit = term_id ? edit_context(ctx.work().conn, term_id) : std::nullopt;
  if (!edit) return web::not_found(ctx);
  const Term& term = edit->data.term;
  const bool everything = sees_whole_timetable(ctx);

  // A planner may look at a finished draft instead of the published sessions.
  Sheet sheet{Sheet::Kind::published, term_id};
  const std::int64_t run_id = everything ? to_id(ctx.query.trimmed("run")) : 0;
  if (run_id) {
    if (!repo::is_done_run_of_term(ctx.work().conn, run_id, term_id)) return web::not_found(ctx);
    sheet = {Sheet::Kind::draft, run_id};
  }
  const auto placed = placed_sessions(ctx.work().conn, sheet);

  // Whose courses a trainee takes is the rosters' business: only those who see every roster may
  // look at another trainee's week; a trainee sees their own.
  const bool rosters = curriculum::manages_curriculum(ctx.user);
  const WeekFilter filter(everything ? ctx.query.trimmed("filter") : "trainee:" + std::to_string(ctx.user_id()),
                          edit->data);
  if (everything && !rosters && filter.value().rfind("trainee:", 0) == 0) return web::forbidden(ctx);

  const year_month_day monday = monday_shown(ctx, term, placed, filter);
  std::vector<std::string> column_days;
  auto columns = day_columns(ctx, term, monday, column_days);
  int count = 0;
  auto rows = grid_rows(ctx, edit->data, placed, filter, sheet, column_days, count);
  const sys_days m{monday};
  nlohmann::json data{
      {"term", {{"name", term.name}, {"href", "/timetable/terms/" + std::to_string(term_id)}}},
      {"draft", sheet.kind == Sheet::Kind::draft},
      {"run_id", run_id},
      {"everything", everything},
      {"filters", everything ? filter_choices(ctx, edit->data, filter.value(), rosters) : nlohmann::json::array()},
      {"filter", filter.value()},
      {"weeks", week_choices(term, monday)},
      {"columns", columns},
      {"rows", rows},
      {"empty", count == 0},
      {"action", "/timetable/terms/" + std::to_string(term_id) + "/week"},
      {"prev", iso_date(year_month_day{m - days{7}})},
      {"next", iso_date(year_month_day{m + days{7}})}};
  if (run_id) data["run_href"] = "/timetable/runs/" + std::to_string(run_id);
  return web::page(ctx, "timetable/week.html", "timetable.week_title", data);
}

}  // namespace mdsc::timetable::handlers

namespace mdsc::timetable::handlers {

// "My timetable": the week grid of the latest term with published sessions.
Response my_timetable(Context& ctx) {
  // The term under way, else the next to come, else the last one, among those published.
  const std::string today = i18n::tokyo_date_iso(ctx.now());
  const auto term_id = repo::published_term_for(ctx.work().conn, today);
  if (!term_id) {
    ctx.flash_next("info", "timetable.none_published");
    return web::redirect(ctx, "/");
  }
  return web::redirect(ctx, "/timetable/terms/" + std::to_string(term_id) + "/week");
}

}  // namespace mdsc::timetable::handlers
