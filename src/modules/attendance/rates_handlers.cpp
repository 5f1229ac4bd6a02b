// Attendance rates: the trainee's own page (each course's rate, each session's mark, whether the
// rule can still be met) and a course's page for its instructors and the secretariat (every
// trainee's rate; the secretariat sets the course's rule there).
#include "modules/attendance/handlers.h"
#include "modules/attendance/rates.h"
#include "modules/curriculum.h"
#include "nlohmann/json.hpp"
#include "platform/work.h"
#include "web/flash_redirect.h"
#include "web/record_page.h"
#include "web/render.h"

namespace mdsc::attendance::handlers {
namespace {

std::string course_rates_href(std::int64_t course_id) {
  return "/courses/" + std::to_string(course_id) + "/attendance";
}

nlohmann::json course_rates_page_data(Context& ctx, const curriculum::Course& course) {
  const CourseRates cr = rates_of_course(ctx.work().conn, course.id, ctx.now());
  auto rows = nlohmann::json::array();
  for (const auto& l : cr.lines) {
    nlohmann::json r = standing_view(ctx, l.standing);
    r["user_id"] = l.trainee.user_id;
    r["name"] = l.trainee.name;
    r["kana"] = l.trainee.kana;
    rows.push_back(std::move(r));
  }
  return {{"course",
           {{"id", course.id},
            {"code", course.code},
            {"title", course.title(ctx.lang)},
            {"href", "/courses/" + std::to_string(course.id)}}},
          {"rule",
           {{"threshold", threshold_text(cr.rule)},
            {"excused_counts", cr.rule.excused_counts},
            {"action", course_rates_href(course.id) + "/rule"},
            {"live_url", cr.rule.live_url},
            {"live_action", course_rates_href(course.id) + "/live-link"}}},
          {"total", cr.total},
          {"held", cr.held},
          {"rows", rows},
          {"can_edit", ctx.me().has(web::Role::secretariat)}};
}

Response course_page(Context& ctx, const curriculum::Course& course, const Status& st, int status) {
  auto d = course_rates_page_data(ctx, course);
  d["form"] = web::form_state(ctx, st);
  if (!d["form"]["values"].contains("threshold")) d["form"]["values"]["threshold"] = d["rule"]["threshold"];
  if (!d["form"]["values"].contains("live_url")) d["form"]["values"]["live_url"] = d["rule"]["live_url"];
  return web::page(ctx, "attendance/course_rates.html", "attendance.course_rates_title", d, status);
}

}  // namespace

nlohmann::json standing_view(const Context& ctx, const Standing& s) {
  nlohmann::json j{{"attended", s.attended},
                   {"held", s.held},
                   {"total", s.total},
                   {"needed", s.needed},
                   {"excused", s.excused},
                   {"missed", s.missed},
                   {"missed_in_row", s.missed_in_row},
                   {"below", s.below()},
                   {"reachable", s.reachable()},
                   {"rate", s.held ? std::to_string(s.rate_percent()) + "%" : "—"},
                   {"threshold", threshold_text(s.rule)}};
  j["outlook"] = ctx.t(s.reachable() ? "attendance.outlook.reachable" : "attendance.outlook.unreachable");
  return j;
}

std::optional<curriculum::Course> rates_course(Context& ctx, std::int64_t course_id) {
  auto& c = ctx.work().conn;
  auto course = course_id ? curriculum::find_course(c, course_id) : std::nullopt;
  if (!course || !curriculum::can_see_roster(c, ctx.user, course->id)) return std::nullopt;
  return course;
}

Response my_attendance(Context& ctx) {
  auto courses = nlohmann::json::array();
  for (const auto& m : rates_of_trainee(ctx.work().conn, ctx.me().user_id, ctx.now())) {
    nlohmann::json c = standing_view(ctx, m.standing);
    c["code"] = m.code;
    c["title"] = m.title(ctx.lang);
    auto sessions = nlohmann::json::array();
    for (const auto& sm : m.sessions) {
      const bool held = sm.session.end_unix() <= ctx.now();
      std::string label;
      if (sm.mark)
        label = ctx.t("attendance.status." + std::string(name_of(*sm.mark)));
      else if (held)
        label = ctx.t("attendance.status.absent");
      sessions.push_back({{"href", "/sessions/" + std::to_string(sm.session.id)},
                          {"day", sm.session.day},
                          {"time", sm.session.starts_at + "–" + sm.session.ends_at},
                          {"label", label},
                          {"missed", held && (!sm.mark || *sm.mark == Mark::absent)},
                          {"upcoming", !held}});
    }
    c["sessions"] = sessions;
    courses.push_back(std::move(c));
  }
  return web::page(ctx, "attendance/mine.html", "attendance.mine_title", {{"courses", courses}});
}

Response course_rates(Context& ctx) { return web::record_page(ctx, rates_course, course_page); }

Response rule_submit(Context& ctx) {
  auto course = rates_course(ctx, ctx.id_param("id"));
  if (!course) return web::not_found(ctx);
  Status st = set_rule(ctx.work(), course->id, ctx.form.trimmed("threshold"), ctx.form.has("excused_counts"));
  if (!st) return course_page(ctx, *course, st, http_status(st.code()));
  return web::redirect_with_success(ctx, "attendance.rule_saved", course_rates_href(course->id));
}

Response live_link_submit(Context& ctx) {
  auto course = rates_course(ctx, ctx.id_param("id"));
  if (!course) return web::not_found(ctx);
  Status st = set_live_link(ctx.work(), course->id, ctx.form.trimmed("live_url"));
  if (!st) return course_page(ctx, *course, st, http_status(st.code()));
  return web::redirect_with_success(ctx, "attendance.live_link_saved", course_rates_href(course->id));
}

}  // namespace mdsc::attendance::handlers
