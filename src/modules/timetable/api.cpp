#include "platform/web_actor.h"
#include "modules/timetable/generation.h"
#include "modules/timetable/handlers.h"
#include "modules/timetable/operations.h"
#include "modules/timetable/repo.h"
#include "nlohmann/json.hpp"
#include "web/json_body.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {
namespace {

using web::body_json;
std::string str(const nlohmann::json& j, const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : ""; }
// A wrongly typed value is treated as missing, never thrown at the caller as a 500.
bool flag(const nlohmann::json& j, const char* k, bool dflt) { return j.contains(k) && j[k].is_boolean() ? j[k].get<bool>() : dflt; }
int integer(const nlohmann::json& j, const char* k) { return j.contains(k) && j[k].is_number_integer() ? j[k].get<int>() : 0; }
using web::bad_json;

// A term from its JSON form; the fields' types are checked here, their values by save_term.
Term term_from_json(const nlohmann::json& j, Status& st) {
  Term t;
  if (j.contains("fiscal_year") && j["fiscal_year"].is_number_integer()) t.fiscal_year = j["fiscal_year"].get<int>();
  else st.field("fiscal_year", "validation.number");
  t.name = str(j, "name");
  t.starts_on = str(j, "starts_on");
  t.ends_on = str(j, "ends_on");
  t.year_end_break = flag(j, "year_end_break", true);
  t.teaching_weekdays = j.contains("teaching_weekdays") ? str(j, "teaching_weekdays") : "1111100";
  if (j.contains("periods")) {
    if (!j["periods"].is_array()) st.field("periods", "timetable.periods_invalid");
    else
      for (const auto& p : j["periods"]) {
        if (!p.is_object()) {
          st.field("periods", "timetable.periods_invalid");
          break;
        }
        t.periods.push_back({str(p, "band"), integer(p, "position"), str(p, "starts_at"), str(p, "ends_at")});
      }
  }
  return t;
}

nlohmann::json term_with_days(const Term& t) {
  auto j = to_json(t);
  auto days = nlohmann::json::array();
  for (const auto& d : term_days(t)) {
    nlohmann::json day{{"date", d.iso}, {"weekday", d.weekday}, {"status", d.status}};
    if (!d.holiday_id.empty()) day["holiday"] = d.holiday_id;
    if (!d.reason.empty()) day["reason"] = d.reason;
    days.push_back(day);
  }
  j["days"] = days;
  return j;
}

Response save(Context& ctx, std::int64_t id) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st;
  Term t = term_from_json(*j, st);
  t.id = id;
  if (!st) return web::error(ctx, st);
  auto saved = save_term(ctx.work(), t);
  if (!saved) return web::error(ctx, saved.status());
  auto stored = repo::term(ctx.work().conn, *saved);
  return web::json(id ? 200 : 201, term_with_days(*stored));
}

}  // namespace

Response api_terms(Context& ctx) {
  auto terms = repo::terms(ctx.work().conn);
  auto items = nlohmann::json::array();
  for (const auto& t : terms) {
    auto j = to_json(t);
    j.erase("periods");
    j.erase("closed_days");
    items.push_back(j);
  }
  return web::json(200, {{"items", items}});
}

Response api_term(Context& ctx) {
  auto t = repo::term(ctx.work().conn, ctx.id_param("id"));
  if (!t) return web::not_found(ctx);
  return web::json(200, term_with_days(*t));
}

Response api_term_create(Context& ctx) { return save(ctx, 0); }

Response api_term_update(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (id == 0 || !repo::term(ctx.work().conn, id).has_value()) return web::not_found(ctx);
  return save(ctx, id);
}

Response api_rooms(Context& ctx) {
  auto rooms = repo::rooms(ctx.work().conn);
  auto items = nlohmann::json::array();
  for (const auto& r : rooms) items.push_back(to_json(r));
  return web::json(200, {{"items", items}});
}

Response api_room_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Room r;
  r.name = str(*j, "name");
  r.location = str(*j, "location");
  r.capacity = integer(*j, "capacity");
  r.active = flag(*j, "active", true);
  auto saved = save_room(ctx.work(), r);
  if (!saved) return web::error(ctx, saved.status());
  r.id = *saved;
  return web::json(201, to_json(r));
}

}  // namespace mdsc::timetable::handlers

namespace mdsc::timetable::handlers {
namespace {

nlohmann::json run_json(const Run& r, std::int64_t now) {
  nlohmann::json j{{"id", r.id},
                   {"term_id", r.term_id},
                   {"seed", r.seed},
                   {"seconds", r.seconds},
                   {"status", r.stale(now) ? "failed" : r.status},
                   {"progress", r.progress_permille / 1000.0},
                   {"cancel_requested", r.cancel_requested},
                   {"message", ""}};
  if (r.best_hard) j["best_hard"] = *r.best_hard;
  if (r.best_soft) j["best_soft"] = *r.best_soft;
  j["published_at"] = r.published_at ? nlohmann::json(*r.published_at) : nlohmann::json(nullptr);
  return j;
}

}  // namespace

Response api_timetable_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  GenerationRequest request;
  request.term_id = integer(*j, "term_id");
  request.seed = j->contains("seed") ? integer(*j, "seed") : 1;
  request.seconds = j->contains("seconds") ? integer(*j, "seconds") : 10;
  if (request.term_id <= 0) return web::error(ctx, Status(Code::invalid, "error.invalid_input").field("term_id", "validation.required"));
  auto started = start_generation(ctx.db(), ctx.services.background, who_of(ctx), request, ctx.services.clock);
  if (!started) return web::error(ctx, started.status());
  // The route opens its own units (Tx::none): the run was recorded in one, and is read in another.
  auto r = read_unit(ctx.db(), who_of(ctx), [&](Work& w) { return run(w.conn, *started); });
  return web::json(202, run_json(*r, ctx.now()));
}

Response api_timetable(Context& ctx) {
  auto r = run(ctx.work().conn, ctx.id_param("id"));
  if (!r) return web::not_found(ctx);
  auto j = run_json(*r, ctx.now());
  j["reasons"] = run_reasons(ctx, *r);
  j["message"] = "";
  for (const auto& line : j["reasons"]) j["message"] = j["message"].get<std::string>() + line.get<std::string>() + "\n";
  auto sessions = nlohmann::json::array();
  for (const auto& s : draft_sessions(ctx.work().conn, r->id))
    sessions.push_back({{"id", s.id}, {"course_id", s.course_id}, {"date", s.day}, {"band", s.band}, {"period", s.position},
                        {"room_id", s.room_id}, {"pinned", s.pinned}});
  j["sessions"] = sessions;
  return web::json(200, j);
}

}  // namespace mdsc::timetable::handlers
