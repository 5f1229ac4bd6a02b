// The timetable as a weekly grid (periods × teaching weekdays) of a draft or of the published
// sessions, for everyone or by track, room, instructor or trainee. A trainee sees their own.
#include <charconv>
#include <map>
#include <set>

#include "core/i18n.h"
#include "modules/curriculum.h"
#include "modules/timetable/edits.h"
#include "modules/timetable/handlers.h"
#include "modules/timetable/repo.h"
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

}  // namespace

Response week(Context& ctx) {
  const auto term_id = ctx.id_param("id");
  auto edit = term_id ? edit_context(ctx.work().conn, term_id) : std::nullopt;
  if (!edit) return web::not_found(ctx);
  const Term& term = edit->data.term;
  const bool everything = sees_whole_timetable(ctx);

  Sheet sheet{Sheet::Kind::published, term_id};
  const std::int64_t run_id = everything ? to_id(ctx.query.trimmed("run")) : 0;
  if (run_id) {
    const bool ours = repo::is_done_run_of_term(ctx.work().conn, run_id, term_id);
    if (!ours) return web::not_found(ctx);
    sheet = {Sheet::Kind::draft, run_id};
  }
  const auto placed = placed_sessions(ctx.work().conn, sheet);

  // Which sessions to show.
  // Whose courses a trainee takes is the rosters' business: only those who see every roster may
  // look at another trainee's week.
  const bool rosters = curriculum::manages_curriculum(ctx.user);
  std::string filter = everything ? ctx.query.trimmed("filter") : "trainee:" + std::to_string(ctx.user_id());
  if (everything && !rosters && filter.rfind("trainee:", 0) == 0) return web::forbidden(ctx);
  std::map<std::int64_t, const curriculum::Course*> course_by_id;
  for (const auto& k : edit->data.courses) course_by_id[k.id] = &k;
  std::map<std::int64_t, std::set<std::int64_t>> courses_of_trainee;
  for (const auto& [course, user] : edit->data.enrolled) courses_of_trainee[user].insert(course);
  auto shown = [&](const Placed& p) {
    const auto* k = course_by_id.count(p.course_id) ? course_by_id[p.course_id] : nullptr;
    if (filter.empty()) return true;
    if (!k) return false;
    if (filter == "common") return k->category == "common";
    const auto colon = filter.find(':');
    if (colon == std::string::npos) return false;
    const std::string kind = filter.substr(0, colon), value = filter.substr(colon + 1);
    if (kind == "track") return k->track == value;
    if (kind == "room") return p.room_id == to_id(value);
    if (kind == "trainee") return courses_of_trainee[to_id(value)].count(k->id) > 0;
    if (kind == "instructor") {
      for (const auto& ci : k->instructors)
        if (ci.instructor_id == to_id(value)) return true;
    }
    return false;
  };

  // The filter choices (planners only).
  auto filters = nlohmann::json::array();
  auto option = [&](std::string value, std::string label, std::string group) {
    filters.push_back({{"value", value}, {"label", label}, {"group", group}, {"selected", value == filter}});
  };
  if (everything) {
    option("", ctx.t("timetable.filter.all"), "");
    option("common", ctx.t("timetable.group.common"), ctx.t("timetable.filter.track"));
    std::set<std::string> tracks;
    std::map<std::int64_t, std::string> instructors;
    for (const auto& k : edit->data.courses) {
      if (!k.track.empty()) tracks.insert(k.track);
      for (const auto& ci : k.instructors) instructors[ci.instructor_id] = ci.instructor.name(ctx.lang);
    }
    for (const auto& t : tracks) option("track:" + t, ctx.t("track." + t), ctx.t("timetable.filter.track"));
    for (const auto& r : edit->data.rooms) option("room:" + std::to_string(r.id), r.name, ctx.t("timetable.room"));
    for (const auto& [id, name] : instructors) option("instructor:" + std::to_string(id), name, ctx.t("timetable.instructors"));
    std::set<std::int64_t> trainee_ids;
    if (rosters)
      for (const auto& [course, user] : edit->data.enrolled) trainee_ids.insert(user);
    reading(ctx, [&](db::Conn& c) {
      for (auto id : trainee_ids) {
        if (auto u = identity::find_user(c, id)) {
          std::string name = u->family_name + " " + u->given_name;
          option("trainee:" + std::to_string(id), name == " " ? u->email : name, ctx.t("timetable.filter.trainee"));
        }
      }
      return 0;
    });
  }

  // The weeks of the term, and the one shown: asked for, else the first with a session shown.
  year_month_day start{}, end{};
  parse_iso_date(term.starts_on, start);
  parse_iso_date(term.ends_on, end);
  std::string first_shown;
  for (const auto& p : placed)
    if (shown(p) && (first_shown.empty() || p.day < first_shown)) first_shown = p.day;
  year_month_day monday = monday_of(start);
  year_month_day asked{};
  const std::string today = i18n::tokyo_date_iso(ctx.now());
  if (parse_iso_date(ctx.query.trimmed("week"), asked)) monday = monday_of(asked);
  else if (today >= term.starts_on && today <= term.ends_on && parse_iso_date(today, asked)) monday = monday_of(asked);
  else if (!first_shown.empty() && parse_iso_date(first_shown, asked)) monday = monday_of(asked);
  auto weeks = nlohmann::json::array();
  for (sys_days w{monday_of(start)}; w <= sys_days{end}; w += days{7})
    weeks.push_back({{"value", iso_date(year_month_day{w})}, {"label", iso_date(year_month_day{w}) + " –"},
                     {"selected", year_month_day{w} == monday}});

  std::map<std::string, TermDay> day_info;
  for (const auto& d : term_days(term)) day_info[d.iso] = d;
  auto columns = nlohmann::json::array();
  std::vector<std::string> column_days;
  for (unsigned i = 0; i < 7; ++i) {
    if (term.teaching_weekdays.size() == 7 && term.teaching_weekdays[i] != '1') continue;
    const std::string iso = iso_date(year_month_day{sys_days{monday} + days{i}});
    column_days.push_back(iso);
    nlohmann::json col{{"day", iso}, {"weekday", ctx.t(weekday_message_id(i + 1))}};
    if (auto it = day_info.find(iso); it != day_info.end() && it->second.status != "teaching")
      col["note"] = it->second.status == "holiday" ? ctx.t(it->second.holiday_id) : ctx.t("timetable.day." + it->second.status);
    else if (it == day_info.end())
      col["note"] = ctx.t("timetable.day.outside");
    columns.push_back(col);
  }
  std::map<std::int64_t, std::string> room_name;
  for (const auto& r : edit->data.rooms) room_name[r.id] = r.name;
  auto rows = nlohmann::json::array();
  int count = 0;
  for (const auto& period : grid_order(term.periods)) {
    auto cells = nlohmann::json::array();
    for (const auto& day : column_days) {
      auto list = nlohmann::json::array();
      for (const auto& p : placed) {
        if (p.day != day || p.band != period.band || p.position != period.position || !shown(p)) continue;
        const auto* k = course_by_id.count(p.course_id) ? course_by_id[p.course_id] : nullptr;
        const std::string href = sheet.kind == Sheet::Kind::draft
                                     ? "/timetable/runs/" + std::to_string(run_id) + "/sessions/" + std::to_string(p.id)
                                     : "/sessions/" + std::to_string(p.id);
        list.push_back({{"course", k ? k->title(ctx.lang) : std::to_string(p.course_id)}, {"code", k ? k->code : ""},
                        {"room", room_name[p.room_id]}, {"href", href}, {"pinned", p.pinned}});
        ++count;
      }
      cells.push_back({{"sessions", list}});
    }
    rows.push_back({{"label", ctx.t("timetable.band." + period.band) + " " + std::to_string(period.position)},
                    {"time", period.starts_at + "–" + period.ends_at}, {"cells", cells}});
  }
  const sys_days m{monday};
  nlohmann::json data{{"term", {{"name", term.name}, {"href", "/timetable/terms/" + std::to_string(term_id)}}},
                      {"draft", sheet.kind == Sheet::Kind::draft},
                      {"run_id", run_id},
                      {"everything", everything},
                      {"filters", filters},
                      {"filter", filter},
                      {"weeks", weeks},
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
