// JSON API of the published sessions, of hand edits and of publishing.
#include <charconv>

#include "modules/curriculum.h"
#include "modules/timetable/handlers.h"
#include "modules/timetable/planning/edit_views.h"
#include "modules/timetable/planning/edits.h"
#include "modules/timetable/sessions/publish.h"
#include "modules/timetable/sessions/sessions.h"
#include "nlohmann/json.hpp"
#include "platform/web_actor.h"
#include "web/json_body.h"
#include "web/json_list.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {
namespace {

std::int64_t query_id(const Context& ctx, std::string_view name, bool& ok) {
  const std::string s = ctx.query.trimmed(name);
  if (s.empty()) return 0;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) ok = false;
  return v;
}

// {"date": "2018-01-10", "band": "evening", "period": 1, "room_id": 3, "pinned": true}; a field
// left out keeps its value.
Response move(Context& ctx, const Sheet& sheet, std::int64_t session_id) {
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  auto current = placed_session(ctx.work().conn, sheet, session_id);
  if (!current) return web::not_found(ctx);
  MoveRequest request;
  request.sheet = sheet;
  request.session_id = session_id;
  request.to = {current->day, current->band, current->position, current->room_id};
  Status st;
  if (j->contains("date")) {
    if ((*j)["date"].is_string()) request.to.day = (*j)["date"].get<std::string>();
    else st.field("date", "validation.date");
  }
  if (j->contains("band")) {
    if ((*j)["band"].is_string()) request.to.band = (*j)["band"].get<std::string>();
    else st.field("band", "validation.invalid_input");
  }
  if (j->contains("period")) {
    if ((*j)["period"].is_number_integer()) request.to.position = (*j)["period"].get<int>();
    else st.field("period", "validation.number");
  }
  if (j->contains("room_id")) {
    if ((*j)["room_id"].is_number_integer()) request.to.room_id = (*j)["room_id"].get<std::int64_t>();
    else st.field("room_id", "validation.number");
  }
  if (j->contains("pinned")) {
    if ((*j)["pinned"].is_boolean()) request.pinned = (*j)["pinned"].get<bool>();
    else st.field("pinned", "validation.invalid_input");
  }
  if (!st) return web::error(ctx, st);
  MoveCheck refused;
  st = move_session(ctx.work(), request, &refused);
  if (st.code() == Code::conflict && !refused.clashes.empty()) {
    auto body = web::api_error_body(ctx, st);
    auto list = nlohmann::json::array();
    for (const auto& c : refused.clashes)
      list.push_back({{"code", c.message_id}, {"message", clash_text(ctx.lang, c)}});
    body["error"]["clashes"] = list;
    return web::json(409, body);
  }
  if (!st) return web::error(ctx, st);
  auto after = placed_session(ctx.work().conn, sheet, session_id);
  if (!after) return web::not_found(ctx);
  auto warnings = nlohmann::json::array();
  for (const auto& w : refused.warnings)
    warnings.push_back({{"code", w.message_id}, {"message", clash_text(ctx.lang, w)}});
  return web::json(200, {{"id", after->id}, {"course_id", after->course_id}, {"date", after->day}, {"band", after->band},
                         {"period", after->position}, {"room_id", after->room_id}, {"pinned", after->pinned},
                         {"warnings", warnings}});
}

}  // namespace

Response api_timetable_publish(Context& ctx) {
  auto published = publish_run(ctx.work(), ctx.id_param("id"));
  if (!published) return web::error(ctx, published.status());
  return web::json(200, {{"term_id", published->term_id}, {"added", published->added}, {"moved", published->moved},
                         {"cancelled", published->cancelled}, {"unchanged", published->unchanged},
                         {"mails", published->mails}});
}

Response api_draft_session_move(Context& ctx) {
  const auto run = ctx.id_param("run"), id = ctx.id_param("id");
  if (!run || !id) return web::not_found(ctx);
  return move(ctx, Sheet{Sheet::Kind::draft, run}, id);
}

Response api_session_move(Context& ctx) {
  const auto id = ctx.id_param("id");
  auto s = id ? sessions::get(ctx.work().conn, id) : std::nullopt;
  if (!s || s->status != SessionStatus::scheduled) return web::not_found(ctx);
  return move(ctx, Sheet{Sheet::Kind::published, s->term_id}, id);
}

// ?term_id=&course_id=&room_id=&instructor_id=&trainee_id=&from=&to=&include_cancelled=true.
// A trainee gets the sessions of their own courses whatever they ask.
Response api_sessions(Context& ctx) {
  bool ok = true;
  SessionFilter f;
  f.term_id = query_id(ctx, "term_id", ok);
  f.course_id = query_id(ctx, "course_id", ok);
  f.room_id = query_id(ctx, "room_id", ok);
  f.instructor_id = query_id(ctx, "instructor_id", ok);
  f.trainee_id = query_id(ctx, "trainee_id", ok);
  f.from = ctx.query.trimmed("from");
  f.to = ctx.query.trimmed("to");
  f.include_cancelled = ctx.query.trimmed("include_cancelled") == "true";
  if (!ok) return web::error(ctx, Status(Code::invalid, "error.invalid_input"));
  if (!sees_whole_timetable(ctx)) f.trainee_id = ctx.user_id();
  else if (f.trainee_id && !curriculum::manages_curriculum(ctx.user))
    return web::error(ctx, Status::forbidden());  // whose courses a trainee takes is the rosters' business
  auto list = sessions::list(ctx.work().conn, f);
  auto items = web::json_array(list, [](const auto& s) { return to_json(s); });
  return web::json(200, {{"items", items}, {"total", items.size()}});
}

Response api_session(Context& ctx) {
  const auto id = ctx.id_param("id");
  auto s = id ? sessions::get(ctx.work().conn, id) : std::nullopt;
  if (!s) return web::not_found(ctx);
  if (!sees_whole_timetable(ctx)) {
    if (!sessions::enrolled(ctx.work().conn, s->course_id, ctx.user_id())) return web::not_found(ctx);
  }
  return web::json(200, to_json(*s));
}

}  // namespace mdsc::timetable::handlers
