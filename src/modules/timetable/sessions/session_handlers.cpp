// Editing sessions by hand (a draft's and the published ones), publishing a draft, and the page
// of one session.
#include <charconv>

#include "core/i18n.h"
#include "modules/curriculum.h"
#include "modules/timetable/availability/links.h"
#include "modules/timetable/handlers.h"
#include "modules/timetable/planning/edit_views.h"
#include "modules/timetable/planning/edits.h"
#include "modules/timetable/sessions/publish.h"
#include "modules/timetable/sessions/sessions.h"
#include "modules/timetable/terms/repo.h"
#include "nlohmann/json.hpp"
#include "platform/web_actor.h"
#include "web/flash_redirect.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {
namespace {

// "daytime:2" -> band and position.
bool parse_slot(const std::string& s, std::string& band, int& position) {
  const auto colon = s.find(':');
  if (colon == std::string::npos) return false;
  band = s.substr(0, colon);
  const char* b = s.data() + colon + 1;
  const char* e = s.data() + s.size();
  auto [p, ec] = std::from_chars(b, e, position);
  return ec == std::errc() && p == e && b != e && (band == "daytime" || band == "evening");
}

nlohmann::json clash_texts(const Context& ctx, const std::vector<Clash>& list) {
  auto out = nlohmann::json::array();
  for (const auto& c : list) out.push_back(clash_text(ctx.lang, c));
  return out;
}

struct Loaded {
  EditContext edit;
  std::vector<Placed> placed;
  Placed session;
};

std::optional<Loaded> load(Context& ctx, const Sheet& sheet, std::int64_t session_id) {
  return reading(ctx, [&](db::Conn& c) -> std::optional<Loaded> {
    const auto term_id = term_of(c, sheet);
    if (!term_id) return std::nullopt;
    auto edit = edit_context(c, term_id);
    if (!edit) return std::nullopt;
    Loaded l{std::move(*edit), placed_sessions(c, sheet), {}};
    for (const auto& p : l.placed)
      if (p.id == session_id) {
        l.session = p;
        return l;
      }
    return std::nullopt;
  });
}

// The move form: where the session is, where it may go, and (after a refusal) why not.
Response edit_page(Context& ctx, const Sheet& sheet, const Loaded& l, const std::string& action, const std::string& back,
                   const MoveCheck* refused, int status) {
  const curriculum::Course* course = nullptr;
  for (const auto& k : l.edit.data.courses)
    if (k.id == l.session.course_id) course = &k;
  const bool typed = refused != nullptr && !refused->clashes.empty();
  const std::string day = typed ? ctx.form.trimmed("day") : l.session.day;
  const std::string slot = typed ? ctx.form.trimmed("slot") : l.session.band + ":" + std::to_string(l.session.position);
  const std::string room = typed ? ctx.form.trimmed("room_id") : std::to_string(l.session.room_id);
  auto slots = nlohmann::json::array();
  for (const auto& p : grid_order(l.edit.data.term.periods)) {
    const std::string v = p.band + ":" + std::to_string(p.position);
    slots.push_back({{"value", v}, {"label", ctx.t("timetable.band." + p.band) + " " + std::to_string(p.position) + " (" +
                                                 p.starts_at + "–" + p.ends_at + ")"},
                     {"selected", v == slot}});
  }
  auto rooms = nlohmann::json::array();
  for (const auto& r : l.edit.data.rooms)
    rooms.push_back({{"value", r.id}, {"label", r.name + " (" + std::to_string(r.capacity) + ")"},
                     {"selected", std::to_string(r.id) == room}});
  std::string current = l.session.day + " " + ctx.t("timetable.band." + l.session.band) + " " + std::to_string(l.session.position);
  for (const auto& p : l.edit.data.term.periods)
    if (p.band == l.session.band && p.position == l.session.position) current += " (" + p.starts_at + "–" + p.ends_at + ")";
  for (const auto& r : l.edit.data.rooms)
    if (r.id == l.session.room_id) current += " · " + r.name;
  auto instructors = nlohmann::json::array();
  if (course)
    for (const auto& ci : course->instructors)
      instructors.push_back({{"name", ci.instructor.name(ctx.lang)}, {"href", availability_href(ci.instructor_id)}});
  nlohmann::json data{{"course", {{"title", course ? course->title(ctx.lang) : ""}, {"code", course ? course->code : ""},
                                  {"href", "/courses/" + std::to_string(l.session.course_id)},
                                  {"band", course ? ctx.t("timetable.band." + course->time_band) : ""},
                                  {"instructors", instructors}}},
                      {"current", current},
                      {"pinned", l.session.pinned},
                      {"draft", sheet.kind == Sheet::Kind::draft},
                      // A hand move of a published session is meant to stay: pinned unless unticked.
                      {"values", {{"day", day}, {"pinned", typed ? ctx.form.get("pinned") == "1"
                                                                 : l.session.pinned || sheet.kind == Sheet::Kind::published}}},
                      {"min", l.edit.data.term.starts_on},
                      {"max", l.edit.data.term.ends_on},
                      {"slots", slots},
                      {"rooms", rooms},
                      {"action", action},
                      // Back to where the clerk came from: the draft, or the published week of the session.
                      {"back", sheet.kind == Sheet::Kind::draft ? back
                                                                : "/timetable/terms/" + std::to_string(l.edit.data.term.id) +
                                                                      "/week?week=" + l.session.day},
                      {"can_edit", can_edit(ctx)}};
  if (refused) {
    data["clashes"] = clash_texts(ctx, refused->clashes);
    data["warnings"] = clash_texts(ctx, refused->warnings);
    data["has_clashes"] = !refused->clashes.empty();
    data["has_warnings"] = !refused->warnings.empty();
  }
  return web::page(ctx, "timetable/session_edit.html", "timetable.session_edit_title", data, status);
}

Response move(Context& ctx, const Sheet& sheet, std::int64_t session_id, const std::string& action, const std::string& back) {
  auto l = load(ctx, sheet, session_id);
  if (!l) return web::not_found(ctx);
  MoveRequest request;
  request.sheet = sheet;
  request.session_id = session_id;
  request.to.day = ctx.form.trimmed("day");
  std::int64_t room_id = 0;
  const std::string room = ctx.form.trimmed("room_id");
  std::from_chars(room.data(), room.data() + room.size(), room_id);
  request.to.room_id = room_id;
  request.pinned = ctx.form.get("pinned") == "1";
  MoveCheck refused;
  if (!parse_slot(ctx.form.trimmed("slot"), request.to.band, request.to.position)) {
    refused.clashes.push_back({"timetable.clash.no_period", {}});
    return edit_page(ctx, sheet, *l, action, back, &refused, 422);
  }
  Status st = move_session(ctx.work(), request, &refused);
  if (st.code() == Code::not_found) return web::not_found(ctx);
  if (st.code() == Code::conflict && !refused.clashes.empty()) return edit_page(ctx, sheet, *l, action, back, &refused, 409);
  if (!st) {
    ctx.flash_next("error", st.message_id());
    return web::redirect(ctx, back);
  }
  if (!refused.warnings.empty()) {
    // Moved, with something worth knowing: the page again, saying so (a reload moves it nowhere new).
    auto moved = load(ctx, sheet, session_id);
    if (!moved) return web::not_found(ctx);
    ctx.flash = web::Flash{"success", "timetable.session_moved"};
    return edit_page(ctx, sheet, *moved, action, back, &refused, 200);
  }
  return web::redirect_with_success(ctx, "timetable.session_moved", back);
}

}  // namespace

Response draft_session_edit(Context& ctx) {
  const Sheet sheet{Sheet::Kind::draft, ctx.id_param("run")};
  const auto id = ctx.id_param("id");
  auto l = sheet.id && id ? load(ctx, sheet, id) : std::nullopt;
  if (!l) return web::not_found(ctx);
  const std::string base = "/timetable/runs/" + std::to_string(sheet.id);
  return edit_page(ctx, sheet, *l, base + "/sessions/" + std::to_string(id), base, nullptr, 200);
}

Response draft_session_move(Context& ctx) {
  const Sheet sheet{Sheet::Kind::draft, ctx.id_param("run")};
  const auto id = ctx.id_param("id");
  if (!sheet.id || !id) return web::not_found(ctx);
  const std::string base = "/timetable/runs/" + std::to_string(sheet.id);
  return move(ctx, sheet, id, base + "/sessions/" + std::to_string(id), base);
}

Response run_publish(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (!id) return web::not_found(ctx);
  auto published = publish_run(ctx.work(), id);
  if (!published) {
    if (published.status().code() == Code::not_found) return web::not_found(ctx);
    ctx.flash_next("error", published.status().message_id());
    return web::redirect(ctx, "/timetable/runs/" + std::to_string(id));
  }
  return web::redirect_with_success(ctx, "timetable.published",
                                    "/timetable/terms/" + std::to_string(published->term_id) + "/week");
}

// The page of a published session: for the people who plan and the trainees of the course.
Response session_show(Context& ctx) {
  const auto id = ctx.id_param("id");
  auto s = id ? sessions::get(ctx.work().conn, id) : std::nullopt;
  if (!s) return web::not_found(ctx);
  if (!sees_whole_timetable(ctx)) {
    if (!sessions::enrolled(ctx.work().conn, s->course_id, ctx.user_id())) return web::not_found(ctx);
  }
  if (can_edit(ctx) && s->status == SessionStatus::scheduled) {
    auto l = load(ctx, Sheet{Sheet::Kind::published, s->term_id}, id);
    if (l) {
      const std::string back = "/sessions/" + std::to_string(id);
      return edit_page(ctx, Sheet{Sheet::Kind::published, s->term_id}, *l, back, back, nullptr, 200);
    }
  }
  const auto course = curriculum::find_course(ctx.work().conn, s->course_id);
  std::string names;
  for (const auto& ci : course ? course->instructors : std::vector<curriculum::CourseInstructor>{}) {
    const auto& i = ci.instructor;
    std::string n = ctx.lang == "en" && !i.romaji_name.empty() ? i.romaji_name : i.family_name + " " + i.given_name;
    names += (names.empty() ? "" : "、") + n;
  }
  nlohmann::json data{{"session",
                       {{"course", s->course_title(ctx.lang)},
                        {"code", s->course_code},
                        {"href", "/courses/" + std::to_string(s->course_id)},
                        {"day", s->day},
                        {"time", s->starts_at + "–" + s->ends_at},
                        {"room", s->room_name},
                        {"instructors", names},
                        {"confidential", s->confidential},
                        {"cancelled", s->status == SessionStatus::cancelled}}}};
  // Attendance's pages of the session (the attendance module checks who may use them).
  const std::string base = "/sessions/" + std::to_string(id);
  if (sees_whole_timetable(ctx)) data["rollcall_href"] = base + "/attendance";
  if (ctx.user && ctx.user->has(web::Role::trainee)) data["checkin_href"] = "/checkin?session=" + std::to_string(id);
  return web::page(ctx, "timetable/session.html", "timetable.session_title", data);
}

Response session_move(Context& ctx) {
  const auto id = ctx.id_param("id");
  auto s = id ? sessions::get(ctx.work().conn, id) : std::nullopt;
  if (!s || s->status != SessionStatus::scheduled) return web::not_found(ctx);
  const std::string back = "/sessions/" + std::to_string(id);
  return move(ctx, Sheet{Sheet::Kind::published, s->term_id}, id, back, back);
}

}  // namespace mdsc::timetable::handlers
