#include <charconv>
#include <map>

#include "core/i18n.h"
#include "modules/curriculum.h"
#include "modules/timetable/planning/generation.h"
#include "modules/timetable/handlers.h"
#include "modules/timetable/planning/planning.h"
#include "modules/timetable/terms/repo.h"
#include "modules/timetable/planning/run_message.h"
#include "nlohmann/json.hpp"
#include "platform/web_actor.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {
namespace {

std::int64_t number(const std::string& s, std::int64_t dflt, bool& ok) {
  if (s.empty()) return dflt;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  ok = ok && ec == std::errc() && p == s.data() + s.size();
  return v;
}

// The draft as a table per date: one row per teaching day that has sessions, one column per
// period of the grid, each cell the courses and rooms placed there.
nlohmann::json grid(Context& ctx, const Term& term, std::int64_t run_id, const std::vector<DraftSession>& sessions) {
  auto [courses, rooms] = reading(ctx, [&](db::Conn& c) {
    return std::make_pair(curriculum::courses_of_year(c, term.fiscal_year), repo::rooms(c));
  });
  std::map<std::int64_t, const curriculum::Course*> course_by_id;
  for (const auto& k : courses) course_by_id[k.id] = &k;
  std::map<std::int64_t, std::string> room_name;
  for (const auto& r : rooms) room_name[r.id] = r.name;
  const std::vector<Period> slots = grid_order(term.periods);
  auto columns = nlohmann::json::array();
  for (const auto& p : slots)
    columns.push_back({{"label", i18n::t(ctx.lang, "timetable.band." + p.band) + " " + std::to_string(p.position)},
                       {"time", p.starts_at + "–" + p.ends_at}});
  std::map<std::string, std::vector<std::vector<nlohmann::json>>> by_day;
  for (const auto& s : sessions) {
    auto& row = by_day[s.day];
    if (row.empty()) row.resize(slots.size());
    for (std::size_t i = 0; i < slots.size(); ++i)
      if (slots[i].band == s.band && slots[i].position == s.position) {
        const auto* k = course_by_id.count(s.course_id) ? course_by_id[s.course_id] : nullptr;
        row[i].push_back({{"course", k ? k->title(ctx.lang) : std::to_string(s.course_id)},
                          {"code", k ? k->code : ""},
                          {"href", "/timetable/runs/" + std::to_string(run_id) + "/sessions/" + std::to_string(s.id)},
                          {"pinned", s.pinned},
                          {"room", room_name[s.room_id]}});
      }
  }
  auto rows = nlohmann::json::array();
  for (const auto& [day, cells] : by_day) {
    auto row_cells = nlohmann::json::array();
    for (const auto& cell : cells) row_cells.push_back({{"sessions", cell}});
    // The weekday beside the date: the secretariat plans by "Tuesday evening", not by date alone.
    rows.push_back({{"day", day_label(day, ctx.lang)}, {"cells", row_cells}});
  }
  return {{"columns", columns}, {"rows", rows}};
}

}  // namespace

nlohmann::json run_reasons(Context& ctx, const Run& r) {
  auto out = nlohmann::json::array();
  if (r.message.empty()) return out;
  auto data = planning_data(ctx.work().conn, r.term_id);
  for (auto& line : run_message_lines(r.message, data ? *data : PlanningData{}, ctx.lang)) out.push_back(line);
  return out;
}

Response generate(Context& ctx) {
  const auto term_id = ctx.id_param("id");
  if (term_id == 0) return web::not_found(ctx);
  bool ok = true;
  GenerationRequest request;
  request.term_id = term_id;
  request.seed = number(ctx.form.trimmed("seed"), 1, ok);
  request.seconds = static_cast<int>(number(ctx.form.trimmed("seconds"), 10, ok));
  Result<std::int64_t> started =
      ok ? start_generation(ctx.db(), ctx.services.background, who_of(ctx), request, ctx.services.clock)
         : Result<std::int64_t>(Status(Code::invalid, "error.invalid_input").field("seconds", "validation.number"));
  if (!started) {
    if (started.status().code() == Code::not_found) return web::not_found(ctx);
    ctx.flash_next("error", started.status().message_id());
    return web::redirect(ctx, "/timetable/terms/" + std::to_string(term_id));
  }
  return web::redirect(ctx, "/timetable/runs/" + std::to_string(*started));
}

Response run_show(Context& ctx) {
  const auto id = ctx.id_param("id");
  auto r = id ? run(ctx.work().conn, id) : std::nullopt;
  if (!r) return web::not_found(ctx);
  auto term = repo::term(ctx.work().conn, r->term_id);
  if (!term) return web::not_found(ctx);
  const bool stale = r->stale(ctx.now());
  const RunStatus status = r->shown_status(ctx.now());
  const std::string status_name(name_of(status));
  nlohmann::json data{{"run",
                       {{"id", r->id},
                        {"seed", r->seed},
                        {"seconds", r->seconds},
                        {"status", status_name},
                        {"status_label", i18n::t(ctx.lang, "timetable.run." + status_name)},
                        {"percent", r->progress_permille / 10}}},
                      {"running", status == RunStatus::running},
                      {"done", status == RunStatus::done},
                      {"term", {{"name", term->name}, {"href", "/timetable/terms/" + std::to_string(term->id)}}},
                      {"can_edit", can_edit(ctx)},
                      {"action", "/timetable/runs/" + std::to_string(r->id)}};
  if (r->best_hard) data["run"]["best_hard"] = *r->best_hard;
  if (r->best_soft) data["run"]["best_soft"] = *r->best_soft;
  if (stale) data["reasons"] = nlohmann::json::array({ctx.t("timetable.run_stale")});
  else if (!r->message.empty()) data["reasons"] = run_reasons(ctx, *r);
  data["has_reasons"] = data.contains("reasons") && !data["reasons"].empty();
  if (status == RunStatus::running) data["refresh_seconds"] = 1;
  if (status == RunStatus::done) {
    data["grid"] = grid(ctx, *term, r->id, draft_sessions(ctx.work().conn, r->id));
    data["week_href"] = "/timetable/terms/" + std::to_string(term->id) + "/week?run=" + std::to_string(r->id);
    data["published_week_href"] = "/timetable/terms/" + std::to_string(term->id) + "/week";
    if (r->published_at) data["published_at"] = i18n::format_datetime(ctx.lang, *r->published_at);
  }
  return web::page(ctx, "timetable/run.html", "timetable.run_title", data);
}

Response run_cancel(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (id == 0) return web::not_found(ctx);
  Status st = cancel_generation(ctx.work(), id);
  if (st.code() == Code::not_found) return web::not_found(ctx);
  if (!st) ctx.flash_next("error", st.message_id());
  return web::redirect(ctx, "/timetable/runs/" + std::to_string(id));
}

}  // namespace mdsc::timetable::handlers
