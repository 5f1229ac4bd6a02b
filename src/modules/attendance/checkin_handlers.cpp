// Checking in: the page a trainee reaches by scanning the session's QR code (the code filled in)
// or by opening it and typing the six digits. The login redirect keeps the address, code included.
#include "modules/attendance/codes.h"
#include "modules/attendance/handlers.h"
#include "modules/attendance/operations.h"
#include "modules/attendance/repo.h"
#include "modules/curriculum.h"
#include "nlohmann/json.hpp"
#include "platform/work.h"
#include "web/render.h"

namespace mdsc::attendance::handlers {
namespace {

// The code as typed: full-width digits and spaces forgiven (a phone's Japanese keyboard).
std::string typed_code(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
      const auto d = static_cast<unsigned char>(s[i + 2]);
      if (d >= 0x90 && d <= 0x99) {  // ０..９
        out += static_cast<char>('0' + (d - 0x90));
        i += 3;
        continue;
      }
    }
    if (c != ' ' && c != '-') out += s[i];
    ++i;
  }
  return out;
}

Response checkin_page(Context& ctx, std::int64_t session_id, const Status& st, int status,
                      const std::optional<CheckedIn>& done = std::nullopt) {
  nlohmann::json d{{"form", web::form_state(ctx, st)},
                   {"session_id", session_id ? std::to_string(session_id) : ""},
                   {"ticket", ctx.form.has("ticket") ? ctx.form.trimmed("ticket") : ctx.query.get("ticket")}};
  // A code that came in the address (a scan) and is good now stays good while the trainee taps.
  if (d["ticket"].get<std::string>().empty() && ctx.req.method == "GET" && session_id)
    d["ticket"] = ticket_for(ctx.work(), session_id, typed_code(ctx.query.get("code")));
  if (!d["form"]["values"].contains("code")) d["form"]["values"]["code"] = typed_code(ctx.query.get("code"));
  if (auto s = session_id ? timetable::sessions::get(ctx.work().conn, session_id) : std::nullopt) {
    d["session"] = {{"course", s->course_title(ctx.lang)},
                    {"code", s->course_code},
                    {"day", s->day},
                    {"time", s->starts_at + "–" + s->ends_at},
                    {"room", s->room_name}};
  }
  if (done) {
    d["done"] = record_json(ctx, done->record);
    d["already"] = done->already;
  }
  auto live = nlohmann::json::array();
  if (ctx.user && !done)
    for (const auto& s : live_sessions(ctx.work()))
      live.push_back({{"id", s.id},
                      {"course", s.course_code + " " + s.course_title(ctx.lang)},
                      {"time", s.starts_at + "–" + s.ends_at}});
  d["live"] = live;
  d["has_live"] = !live.empty();
  return web::page(ctx, "attendance/checkin.html", "attendance.checkin_title", d, status);
}

}  // namespace

// Not logged in yet (a phone that just scanned the QR code): the code is checked now and, if it is
// the current one, a ticket keeps it good through the login; then the login, back here after it.
Response checkin_form(Context& ctx) {
  const std::int64_t session_id = id_of(ctx.query.get("session"));
  if (!ctx.user) {
    std::string next = "/checkin?session=" + std::to_string(session_id);
    const std::string code = typed_code(ctx.query.get("code"));
    if (code_well_formed(code)) {
      next += "&code=" + code;
      if (const auto ticket = ticket_for(ctx.work(), session_id, code); !ticket.empty()) next += "&ticket=" + ticket;
    }
    return web::redirect(ctx, "/login?next=" + web::url_encode(next));
  }
  return checkin_page(ctx, session_id, Status::ok(), 200);
}

Response checkin_submit(Context& ctx) {
  std::int64_t session_id = id_of(ctx.form.trimmed("session"));
  // Typed on the plain check-in page (no session chosen): the code itself says which session.
  if (!session_id) {
    session_id = session_of_code(ctx.work(), typed_code(ctx.form.trimmed("code")), window_of(ctx));
    if (!session_id)
      return checkin_page(ctx, 0, Status::invalid().field("code", "attendance.no_session_for_code"), 422);
  }
  CheckIn in{session_id, typed_code(ctx.form.trimmed("code")), device_secret(ctx), ctx.form.trimmed("ticket"),
             ctx.client.address};
  auto r = check_in(ctx.work(), in, window_of(ctx));
  if (!r) {
    const Status& st = r.status();
    // The page again, with the reason beside the code and what was typed kept; nothing is written.
    Status shown = st.fields().empty()
                       ? Status(st.code(), st.message_id(), st.args()).field("code", st.message_id(), st.args())
                       : st;
    return checkin_page(ctx, session_id, shown, http_status(st.code()));
  }
  return checkin_page(ctx, session_id, Status::ok(), 200, *r);
}

// The live lecture's link on the check-in page: checks in remotely, then goes to the lecture.
Response remote_submit(Context& ctx) {
  const std::int64_t session_id = id_of(ctx.form.trimmed("session"));
  auto r = check_in_remote(ctx.work(), session_id, device_secret(ctx), window_of(ctx));
  if (!r) return checkin_page(ctx, 0, r.status(), http_status(r.status().code()));
  const auto s = timetable::sessions::get(ctx.work().conn, session_id);
  Response res;
  res.status = 303;
  // The course's own link, checked when the secretariat set it (http or https only).
  res.set_header("Location", repo::rule_of(ctx.work().conn, s->course_id).live_url);
  return res;
}

}  // namespace mdsc::attendance::handlers
