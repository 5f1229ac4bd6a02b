// The roll call of a session for its instructors and the secretariat: the check-in code (and its
// QR code) while check-in is open, who is present, late, flagged or not yet here, manual marks
// with a reason, the secretariat's review of flagged check-ins, and the CSV for Excel.
#include "core/csv.h"
#include "modules/attendance/codes.h"
#include "modules/attendance/handlers.h"
#include "modules/attendance/qr_svg.h"
#include "modules/attendance/repo.h"
#include "modules/attendance/rollcall.h"
#include "nlohmann/json.hpp"
#include "platform/work.h"
#include "web/flash_redirect.h"
#include "web/record_page.h"
#include "web/render.h"

namespace mdsc::attendance::handlers {
namespace {

std::string roll_call_href(std::int64_t session_id) {
  return "/sessions/" + std::to_string(session_id) + "/attendance";
}

// The code panel while check-in is open: the digits, the QR code of the check-in address, and a
// reload when the code changes (the page works without JavaScript).
void add_code(Context& ctx, const timetable::Session& s, nlohmann::json& d) {
  const Window win = window_of(ctx);
  const std::int64_t now = ctx.now();
  if (s.status != timetable::SessionStatus::scheduled) return;
  if (now < s.start_unix() - win.opens_minutes * 60) {
    d["opens_at"] = i18n::tokyo_time_hm(s.start_unix() - win.opens_minutes * 60);
    return;
  }
  if (now > s.end_unix()) {
    d["closed"] = true;
    return;
  }
  const std::string code = current_code(ctx.work(), s.id);
  const std::string url = ctx.services.config.base_url + "/checkin?session=" + std::to_string(s.id) + "&code=" + code;
  d["code"] = {{"digits", code},
               {"url", url},
               {"qr", qr_svg(url, ctx.t("attendance.qr_title"))},
               {"changes", ctx.t("attendance.code_changes", {{"seconds", std::to_string(seconds_left(now))}})}};
  d["refresh_seconds"] = seconds_left(now);
}

Response page(Context& ctx, const timetable::Session& s, const Status& st, int status) {
  auto& c = ctx.work().conn;
  const RollCall rc = roll_call_of(c, s.id, s.course_id);
  const bool secretariat = ctx.me().has(web::Role::secretariat);
  auto rows = nlohmann::json::array();
  for (const auto& l : rc.lines) {
    nlohmann::json r{{"user_id", l.trainee.user_id}, {"name", l.trainee.name}, {"kana", l.trainee.kana}};
    if (l.record) {
      r["record"] = record_json(ctx, *l.record);
      r["can_review"] = secretariat && l.record->review == Review::pending;
    } else {
      r["missing"] = true;
    }
    rows.push_back(std::move(r));
  }
  nlohmann::json d{{"session",
                    {{"id", s.id},
                     {"course", s.course_title(ctx.lang)},
                     {"code", s.course_code},
                     {"day", s.day},
                     {"time", s.starts_at + "–" + s.ends_at},
                     {"room", s.room_name},
                     {"href", "/sessions/" + std::to_string(s.id)},
                     {"cancelled", s.status == timetable::SessionStatus::cancelled}}},
                   {"rows", rows},
                   {"counts", counts_json(rc)},
                   {"action", roll_call_href(s.id) + "/marks"},
                   {"csv_href", roll_call_href(s.id) + ".csv"},
                   {"recording_href", "/sessions/" + std::to_string(s.id) + "/recording"},
                   {"rates_href", "/courses/" + std::to_string(s.course_id) + "/attendance"},
                   {"form", web::form_state(ctx, st)},
                   {"marks", nlohmann::json::array()}};
  for (const auto& [m, name] : states<Mark>().names)
    d["marks"].push_back({{"value", name}, {"label", ctx.t("attendance.status." + std::string(name))}});
  add_code(ctx, s, d);
  return web::page(ctx, "attendance/rollcall.html", "attendance.rollcall_title", d, status);
}

}  // namespace

Response roll_call(Context& ctx) { return web::record_page(ctx, roll_call_session, page); }

Response mark_submit(Context& ctx) {
  auto s = roll_call_session(ctx, ctx.id_param("id"));
  if (!s) return web::not_found(ctx);
  const auto m = states<Mark>().parse(ctx.form.trimmed("status"));
  const std::int64_t user_id = id_of(ctx.form.trimmed("user_id"));
  if (!m) return page(ctx, *s, Status::invalid().field("status", "validation.choice"), 422);
  auto r = mark(ctx.work(), s->id, user_id, *m, ctx.form.trimmed("reason"));
  if (!r) return page(ctx, *s, r.status(), http_status(r.status().code()));
  return web::redirect_with_success(ctx, "attendance.marked", roll_call_href(s->id));
}

Response review_submit(Context& ctx) {
  const auto id = ctx.id_param("id");
  auto before = id ? repo::record_by_id(ctx.work().conn, id) : std::nullopt;
  if (!before) return web::not_found(ctx);
  auto s = roll_call_session(ctx, before->session_id);
  if (!s) return web::not_found(ctx);
  const std::string decision = ctx.form.trimmed("decision");
  if (decision != "accept" && decision != "reject")
    return page(ctx, *s, Status::invalid().field("decision", "validation.choice"), 422);
  Status st = review(ctx.work(), id, decision == "accept", ctx.form.trimmed("reason"));
  if (!st) return page(ctx, *s, st, http_status(st.code()));
  return web::redirect_with_success(ctx, "attendance.reviewed", roll_call_href(s->id));
}

Response roll_call_csv(Context& ctx) {
  auto s = roll_call_session(ctx, ctx.id_param("id"));
  if (!s) return web::not_found(ctx);
  const RollCall rc = roll_call_of(ctx.work().conn, s->id, s->course_id);
  csv::CsvWriter w;
  w.row({csv::Cell::text(ctx.t("course.code")), csv::Cell::text(ctx.t("timetable.day")),
         csv::Cell::text(ctx.t("timetable.time")), csv::Cell::text(ctx.t("roster.name")),
         csv::Cell::text(ctx.t("roster.kana")), csv::Cell::text(ctx.t("attendance.status")),
         csv::Cell::text(ctx.t("attendance.checked_in_at")), csv::Cell::text(ctx.t("attendance.flag")),
         csv::Cell::text(ctx.t("attendance.reason"))});
  for (const auto& l : rc.lines) {
    const auto j = l.record ? record_json(ctx, *l.record) : nlohmann::json::object();
    w.row({csv::Cell::text(s->course_code), csv::Cell::text(s->day), csv::Cell::text(s->starts_at + "–" + s->ends_at),
           csv::Cell::text(l.trainee.name), csv::Cell::text(l.trainee.kana),
           csv::Cell::text(l.record ? j["status_label"].get<std::string>() : ctx.t("attendance.missing")),
           csv::Cell::text(l.record ? j["time"].get<std::string>() : ""), csv::Cell::text(j.value("flag_label", "")),
           csv::Cell::text(l.record ? l.record->reason : "")});
  }
  return web::csv_download(w.finish(), "attendance-" + s->course_code + "-" + s->day + ".csv");
}

}  // namespace mdsc::attendance::handlers
