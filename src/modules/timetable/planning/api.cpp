// The JSON API of planning: /api/v1/timetables (start a run, read it with its draft).
#include "modules/timetable/handlers.h"
#include "modules/timetable/planning/generation.h"
#include "nlohmann/json.hpp"
#include "platform/web_actor.h"
#include "web/json_body.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {
namespace {

nlohmann::json run_json(const Run& r, std::int64_t now) {
  nlohmann::json j{{"id", r.id},
                   {"term_id", r.term_id},
                   {"seed", r.seed},
                   {"seconds", r.seconds},
                   {"status", name_of(r.shown_status(now))},
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
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  GenerationRequest request;
  request.term_id = web::json_int(*j, "term_id");
  request.seed = j->contains("seed") ? web::json_int(*j, "seed") : 1;
  request.seconds = j->contains("seconds") ? web::json_int(*j, "seconds") : 10;
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
