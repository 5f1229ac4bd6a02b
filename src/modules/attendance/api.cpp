// The attendance API: a check-in (POST /api/v1/checkins), a session's roll call
// (GET /api/v1/sessions/{id}/attendance), the signed-in trainee's rates (GET /api/v1/me/attendance),
// a course's rates and its rule (GET /api/v1/courses/{id}/attendance, PUT .../attendance-rule).
#include "modules/attendance/handlers.h"
#include "modules/attendance/rates.h"
#include "modules/attendance/repo.h"
#include "modules/attendance/rollcall.h"
#include "nlohmann/json.hpp"
#include "platform/work.h"
#include "web/json_body.h"
#include "web/render.h"

namespace mdsc::attendance::handlers {

// {"session_id": 12, "code": "123456"}: 201 with the record, 200 when the trainee had already
// checked in. The device is the browser's device cookie, as on the page.
Response api_checkin(Context& ctx) {
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Status st;
  CheckIn in;
  in.session_id = web::json_int(*j, "session_id", st);
  const bool remote = j->contains("remote") && (*j)["remote"].is_boolean() && (*j)["remote"].get<bool>();
  if (!remote) in.code = web::json_text(*j, "code", st);
  if (!st) return web::error(ctx, st);
  in.device_secret = device_secret(ctx);
  in.client_address = ctx.client.address;
  auto r = remote ? check_in_remote(ctx.work(), in.session_id, in.device_secret, window_of(ctx))
                  : check_in(ctx.work(), in, window_of(ctx));
  if (!r) return web::error(ctx, r.status());
  return web::json(r->already ? 200 : 201, {{"attendance", to_json(r->record)}, {"already", r->already}});
}

Response api_session_attendance(Context& ctx) {
  auto s = roll_call_session(ctx, ctx.id_param("id"));
  if (!s) return web::not_found(ctx);
  const RollCall rc = roll_call_of(ctx.work().conn, s->id, s->course_id);
  auto items = nlohmann::json::array();
  for (const auto& l : rc.lines) {
    nlohmann::json item{{"user_id", l.trainee.user_id}, {"name", l.trainee.name}};
    item["attendance"] = l.record ? to_json(*l.record) : nlohmann::json();
    items.push_back(std::move(item));
  }
  return web::json(200, {{"session_id", s->id},
                         {"items", items},
                         {"counts", counts_json(rc)}});
}

Response api_my_attendance(Context& ctx) {
  auto items = nlohmann::json::array();
  for (const auto& m : rates_of_trainee(ctx.work().conn, ctx.me().user_id, ctx.now())) {
    nlohmann::json item = standing_json(m.standing);
    item["course_code"] = m.code;
    item["course_title"] = m.title(ctx.lang);
    items.push_back(std::move(item));
  }
  return web::json(200, {{"items", items}});
}

Response api_course_attendance(Context& ctx) {
  auto course = rates_course(ctx, ctx.id_param("id"));
  if (!course) return web::not_found(ctx);
  const CourseRates cr = rates_of_course(ctx.work().conn, course->id, ctx.now());
  auto items = nlohmann::json::array();
  for (const auto& l : cr.lines) {
    nlohmann::json item = standing_json(l.standing);
    item["name"] = l.trainee.name;
    items.push_back(std::move(item));
  }
  return web::json(200, {{"course_id", course->id},
                         {"rule", {{"threshold", threshold_text(cr.rule)}, {"excused_counts", cr.rule.excused_counts}}},
                         {"sessions", cr.total},
                         {"held", cr.held},
                         {"items", items}});
}

// {"threshold": "2/3" | "70%", "excused_counts": false}: the course's rule (the secretariat).
Response api_course_rule(Context& ctx) {
  auto course = rates_course(ctx, ctx.id_param("id"));
  if (!course) return web::not_found(ctx);
  auto j = web::body_json(ctx);
  if (!j) return web::bad_json(ctx);
  Status st;
  const std::string threshold = web::json_text(*j, "threshold", st);
  if (j->contains("excused_counts") && !(*j)["excused_counts"].is_boolean())
    st.field("excused_counts", "validation.invalid_input");
  if (!st) return web::error(ctx, st);
  Status saved = set_rule(ctx.work(), course->id, threshold, web::json_flag(*j, "excused_counts", false));
  if (!saved) return web::error(ctx, saved);
  const Rule r = repo::rule_of(ctx.work().conn, course->id);
  return web::json(200,
                   {{"course_id", course->id}, {"threshold", threshold_text(r)}, {"excused_counts", r.excused_counts}});
}

}  // namespace mdsc::attendance::handlers
