// The attendance API: a check-in (POST /api/v1/checkins) and a session's roll call
// (GET /api/v1/sessions/{id}/attendance).
#include "modules/attendance/handlers.h"
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
  in.code = web::json_text(*j, "code", st);
  if (!st) return web::error(ctx, st);
  in.device_secret = device_secret(ctx);
  auto r = check_in(ctx.work(), in, window_of(ctx));
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

}  // namespace mdsc::attendance::handlers
