#include <charconv>

#include "core/crypto.h"
#include "core/i18n.h"
#include "modules/curriculum.h"
#include "modules/timetable/feeds/feeds.h"
#include "modules/timetable/handlers.h"
#include "modules/timetable/terms/repo.h"
#include "nlohmann/json.hpp"
#include "platform/web_actor.h"
#include "web/flash_redirect.h"
#include "web/json_body.h"
#include "web/plain_text.h"
#include "web/render.h"

// The calendar subscriptions page and the public .ics files.
namespace mdsc::timetable::handlers {
namespace {

bool manages_feeds(const Context& ctx) {
  return ctx.user && (ctx.user->has(web::Role::secretariat) || ctx.user->has(web::Role::steering_committee));
}

std::int64_t parse_id(const std::string& s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() && v > 0 ? v : 0;
}

std::string kind_label(const Context& ctx, const std::string& kind) { return ctx.t("calendar.kind." + kind); }

std::string when(const Context& ctx, std::int64_t t) {
  return t ? i18n::format_datetime(ctx.lang, t) : ctx.t("calendar.never");
}

nlohmann::json option(std::int64_t id, std::string name) { return {{"id", id}, {"name", std::move(name)}}; }

// The forms a person may use: their own timetable as a trainee, their teaching as an instructor,
// and, for the secretariat and the steering committee, any course, room, instructor or trainee.
void add_choices(Context& ctx, db::Conn& c, nlohmann::json& d) {
  const bool manager = manages_feeds(ctx);
  const auto& me = ctx.me();
  bool any = false;
  if (me.has(web::Role::trainee) && feeds::allowed(c, me.user_id, "trainee", me.user_id)) {
    d["trainee_self"] = {{"id", me.user_id}};
    any = true;
  }
  if (auto own = curriculum::instructor_of_user(c, me.user_id)) {
    d["instructor_self"] = {{"id", own->id}};
    any = true;
  }
  auto choices = nlohmann::json::array();
  auto add = [&](const std::string& kind, nlohmann::json options) {
    if (options.empty()) return;
    choices.push_back({{"kind", kind}, {"label", kind_label(ctx, kind)}, {"options", std::move(options)}});
  };
  auto course_label = [&](const curriculum::Course& k) {
    return i18n::fiscal_year_label(k.fiscal_year) + " " + k.code + " " + k.title(ctx.lang);
  };
  if (manager) {
    auto courses = nlohmann::json::array();
    for (int fy : curriculum::years_with_courses(c))
      for (const auto& k : curriculum::courses_of_year(c, fy)) courses.push_back(option(k.id, course_label(k)));
    add("course", std::move(courses));
    auto rooms = nlohmann::json::array();
    for (const auto& r : repo::rooms(c)) rooms.push_back(option(r.id, r.name));
    add("room", std::move(rooms));
    auto instructors = nlohmann::json::array();
    for (const auto& i : curriculum::all_instructors(c)) {
      std::string org = i.organization(ctx.lang);
      instructors.push_back(option(i.id, i.name(ctx.lang) + (org.empty() ? "" : " (" + org + ")")));
    }
    add("instructor", std::move(instructors));
    auto trainees = nlohmann::json::array();
    for (const auto& [id, name] : curriculum::trainee_choices(c)) trainees.push_back(option(id, name));
    add("trainee", std::move(trainees));
  } else {
    auto taught = nlohmann::json::array();
    for (auto id : curriculum::taught_courses(c, me))
      if (auto k = curriculum::find_course(c, id)) taught.push_back(option(k->id, course_label(*k)));
    add("course", std::move(taught));
  }
  any = any || !choices.empty();
  d["choices"] = std::move(choices);
  d["can_add"] = any;
}

nlohmann::json feed_rows(const Context& ctx, const std::vector<Feed>& list) {
  auto rows = nlohmann::json::array();
  for (const auto& f : list)
    rows.push_back({{"id", f.id},
                    {"kind", kind_label(ctx, f.kind)},
                    {"subject", f.subject_name},
                    {"owner", f.owner_name},
                    {"created", i18n::format_datetime(ctx.lang, f.created_at)},
                    {"last_used", when(ctx, f.last_used_at)},
                    {"active", f.active()}});
  return rows;
}

std::vector<std::string> error_messages(const Context& ctx, const Status& st) {
  std::vector<std::string> out;
  for (const auto& kv : st.fields()) out.push_back(ctx.t(kv.second.message_id, kv.second.args));
  if (out.empty()) out.push_back(ctx.t(st.message_id(), st.args()));
  return out;
}

// The page; `token` is a feed just made (its URL is shown on this response only).
Response show_calendar(Context& ctx, const std::string& token, const Status& st, int status) {
  const bool secretariat = ctx.me().has(web::Role::secretariat);
  nlohmann::json d = reading(ctx, [&](db::Conn& c) {
    nlohmann::json data{{"feeds", feed_rows(ctx, feeds::list(c, ctx.user_id()))}, {"secretariat", secretariat},
                        {"form_nonce", crypto::random_token(16)}};
    if (secretariat) data["all_feeds"] = feed_rows(ctx, feeds::list(c, 0));
    add_choices(ctx, c, data);
    return data;
  });
  if (!token.empty()) {
    const std::string& base = ctx.services.config.base_url;
    d["created"] = {{"url", feeds::url(base, token)}, {"webcal", feeds::webcal_url(base, token)}};
  }
  if (!st.is_ok()) {
    d["errors"] = error_messages(ctx, st);
    d["has_errors"] = true;
  }
  auto res = web::page(ctx, "timetable/calendar.html", "calendar.title", d, status);
  if (!token.empty()) res.set_header("Cache-Control", "no-store");
  return res;
}

}  // namespace

Response calendar_page(Context& ctx) { return show_calendar(ctx, "", Status::ok(), 200); }

Response calendar_feed_create(Context& ctx) {
  auto made = feeds::create(ctx.work(), ctx.form.trimmed("kind"), parse_id(ctx.form.trimmed("subject_id")),
                            ctx.form.trimmed("form_nonce").substr(0, 64));
  if (!made) {
    if (made.status().code() == Code::forbidden) return web::forbidden(ctx);
    return show_calendar(ctx, "", made.status(), http_status(made.status().code()));
  }
  return show_calendar(ctx, made->token, Status::ok(), 200);
}

Response calendar_feed_revoke(Context& ctx) {
  Status st = feeds::revoke(ctx.work(), ctx.id_param("id"));
  if (!st) return web::error(ctx, st);
  return web::redirect_with_success(ctx, "calendar.revoked", "/calendar");
}

// GET /ical/<token>.ics: public; unknown and revoked tokens look alike.
Response ics_file(Context& ctx) {
  static constexpr std::string_view kExt = ".ics";
  const std::string file = ctx.param("file");
  if (file.size() <= kExt.size() || file.compare(file.size() - kExt.size(), kExt.size(), kExt) != 0)
    return web::plain_text(404, ctx.t("error.not_found") + "\n");
  // A file route gets no unit of work from the pipeline: it opens its own, a write because the
  // fetch is noted on the feed.
  const std::string token = file.substr(0, file.size() - kExt.size());
  auto cal = write_unit(ctx.db(), who_of(ctx), [&](Work& w) -> std::optional<ical::Calendar> {
    auto feed = feeds::resolve(w, token);
    if (!feed) return std::nullopt;
    return feeds::calendar(w.conn, *feed, w.base_url, w.now);
  });
  if (!cal) return web::plain_text(404, ctx.t("error.not_found") + "\n");
  Response r;
  r.body = ical::render(*cal);
  r.set_header("Content-Type", "text/calendar; charset=utf-8");
  // Calendar applications poll; the URL is personal, so no shared cache keeps it.
  r.set_header("Cache-Control", "private, max-age=300");
  r.set_header("Referrer-Policy", "no-referrer");
  return r;
}

}  // namespace mdsc::timetable::handlers
