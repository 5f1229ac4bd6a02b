// A session's recording page (upload, withdraw, or why there is none), the list of the
// recordings a reader may watch, and the player.
#include "core/i18n.h"
#include "modules/curriculum.h"
#include "modules/videos/handlers.h"
#include "modules/videos/operations.h"
#include "modules/videos/repo.h"
#include "platform/units.h"
#include "web/fiscal_years.h"
#include "web/flash_redirect.h"
#include "web/render.h"

namespace mdsc::videos::handlers {
namespace {

nlohmann::json session_json(const Context& ctx, const timetable::Session& s) {
  std::int64_t noon = 0;
  i18n::tokyo_to_unix(s.day, "12:00:00", noon);
  return {{"id", s.id},
          {"course", s.course_code + " " + s.course_title(ctx.lang)},
          {"when", i18n::format_date(ctx.lang, noon) + " " + s.starts_at + "–" + s.ends_at}};
}

std::string duration_text(std::int64_t ms) {
  const std::int64_t s = ms / 1000;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  return buf;
}

nlohmann::json recording_json(const Context& ctx, const Recording& r) {
  return {{"id", r.id},
          {"href", "/recordings/" + std::to_string(r.id)},
          {"duration", duration_text(r.duration_ms)},
          {"size", ctx.t("videos.size_mb", {{"mb", i18n::grouped((r.size + 999999) / 1000000)}})},
          {"uploaded", i18n::format_datetime(ctx.lang, r.uploaded_at)},
          {"sha256", r.sha256}};
}

std::string credit_hint(const Context& ctx, const char* id) {
  return ctx.t(id, {{"percent", std::to_string(ctx.services.config.recording_credit_percent)},
                    {"days", std::to_string(ctx.services.config.recording_credit_days)}});
}

Response show_session(Context& ctx, const timetable::Session& s, const Status& st, int status) {
  auto& conn = ctx.work().conn;
  const auto course = curriculum::find_course(conn, s.course_id);
  const bool confidential = s.confidential || (course && course->confidential_by_default);
  const auto current = repo::current_of_session(conn, s.id);
  nlohmann::json d{
      {"session", session_json(ctx, s)},
      {"confidential", confidential},
      {"can_manage", !confidential && may_manage(ctx, s.course_id)},
      {"action", "/sessions/" + std::to_string(s.id) + "/recording"},
      {"file_hint",
       ctx.t("videos.file_hint",
             {{"max", i18n::grouped(static_cast<std::int64_t>(ctx.services.config.recording_max_bytes >> 20))}})},
      {"form", web::form_state(ctx, st)}};
  if (current && !confidential) {
    d["recording"] = recording_json(ctx, *current);
    d["withdraw_action"] = "/recordings/" + std::to_string(current->id) + "/withdraw";
  }
  return web::page(ctx, "videos/session.html", "videos.session_title", d, status);
}

}  // namespace

Response session_page(Context& ctx) {
  const auto s = timetable::sessions::get(ctx.work().conn, ctx.id_param("id"));
  if (!s || !may_watch(ctx, s->course_id)) return web::not_found(ctx);
  return show_session(ctx, *s, Status::ok(), 200);
}

// Tx::none: the file is checked, hashed and moved outside the transaction.
Response upload_submit(Context& ctx) {
  const auto session_id = ctx.id_param("id");
  Result<std::int64_t> r = Status::invalid().field("file", "videos.file_required");
  if (!ctx.uploads.empty() && ctx.uploads.front().size > 0)
    r = take_upload(ctx, session_id, ctx.uploads.front().path, ctx.uploads.front().filename);
  if (r) {
    delete_withdrawn_files(ctx.db(), ctx.services.config.data_dir, ctx.now());
    return web::redirect_with_success(ctx, "videos.uploaded", "/sessions/" + std::to_string(session_id) + "/recording");
  }
  return platform::in_unit(ctx, false, [&](Context& c) {
    const auto s = timetable::sessions::get(c.work().conn, session_id);
    return s ? show_session(c, *s, r.status(), http_status(r.status().code())) : web::not_found(c);
  });
}

// Tx::none: the file goes after the withdrawal's commit.
Response withdraw_submit(Context& ctx) {
  std::int64_t session_id = 0;
  const Status st = platform::in_unit(ctx, true, [&](Context& c) -> Status {
    const auto r = repo::by_id(c.work().conn, c.id_param("id"));
    if (!r || !may_manage(c, r->course_id)) return Status::not_found();
    session_id = r->session_id;
    return withdraw(c.work(), r->id, c.form.trimmed("reason"));
  });
  if (st) {
    delete_withdrawn_files(ctx.db(), ctx.services.config.data_dir, ctx.now());
    return web::redirect_with_success(ctx, "videos.withdrawn",
                                      "/sessions/" + std::to_string(session_id) + "/recording");
  }
  if (!session_id) return web::error(ctx, st);
  return platform::in_unit(ctx, false, [&](Context& c) {
    return show_session(c, *timetable::sessions::get(c.work().conn, session_id), st, http_status(st.code()));
  });
}

Response list_page(Context& ctx) {
  auto& conn = ctx.work().conn;
  std::vector<std::int64_t> courses;
  for (const auto& c : curriculum::courses_of_year(conn, web::requested_fiscal_year(ctx)))
    if (may_watch(ctx, c.id)) courses.push_back(c.id);
  auto rows = nlohmann::json::array();
  for (const auto& r : repo::current_of_courses(conn, courses)) {
    const auto s = timetable::sessions::get(conn, r.session_id);
    if (!s) continue;
    auto row = recording_json(ctx, r);
    row["session"] = session_json(ctx, *s);
    if (const auto v = repo::view(conn, r.id, ctx.user_id()))
      row["watched"] = r.duration_ms ? std::min<std::int64_t>(100, v->watched_seconds * 100000 / r.duration_ms) : 0;
    rows.push_back(std::move(row));
  }
  return web::page(ctx, "videos/list.html", "videos.title",
                   {{"rows", rows}, {"has_rows", !rows.empty()}, {"hint", credit_hint(ctx, "videos.hint")}});
}

Response player_page(Context& ctx) {
  const auto r = watchable(ctx);
  if (!r) return web::not_found(ctx);
  auto& conn = ctx.work().conn;
  const auto s = timetable::sessions::get(conn, r->session_id);
  auto d = recording_json(ctx, *r);
  d["session"] = session_json(ctx, *s);
  d["src"] = "/recordings/" + std::to_string(r->id) + "/video";
  d["type"] = r->content_type;
  d["progress_action"] = "/recordings/" + std::to_string(r->id) + "/progress";
  const bool trainee = curriculum::enrolled_in(conn, r->course_id, ctx.user_id());
  d["trainee"] = trainee;
  d["hint"] = credit_hint(ctx, "videos.credit_hint");
  if (trainee) {
    const auto v = repo::view(conn, r->id, ctx.user_id());
    d["watched"] = v && r->duration_ms ? std::min<std::int64_t>(100, v->watched_seconds * 100000 / r->duration_ms) : 0;
    d["credited"] = v && v->credited_at;
  }
  return web::page(ctx, "videos/player.html", "videos.player_title", d);
}

}  // namespace mdsc::videos::handlers
