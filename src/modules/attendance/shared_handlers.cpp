// What the attendance pages and API share: the window, who sees a roll call, the device cookie.
#include "core/crypto.h"
#include "modules/attendance/handlers.h"
#include "modules/curriculum.h"
#include "nlohmann/json.hpp"
#include "platform/work.h"

namespace mdsc::attendance::handlers {

namespace {
constexpr const char* kDeviceCookie = "mdsc_device";
constexpr long kDeviceCookieSeconds = 5L * 366 * 24 * 3600;  // the length of the program and more
}  // namespace

Window window_of(const Context& ctx) {
  return Window{ctx.services.config.checkin_opens_minutes, ctx.services.config.late_after_minutes};
}

std::optional<timetable::Session> roll_call_session(Context& ctx, std::int64_t session_id) {
  auto& c = ctx.work().conn;
  auto s = session_id ? timetable::sessions::get(c, session_id) : std::nullopt;
  if (!s || !curriculum::can_see_roster(c, ctx.user, s->course_id)) return std::nullopt;
  return s;
}

std::string device_secret(Context& ctx) {
  auto it = ctx.cookies.find(kDeviceCookie);
  // A secret of the expected shape only: a hand-made cookie is replaced, never trusted.
  if (it != ctx.cookies.end() && it->second.size() == 43) return it->second;
  std::string secret = crypto::random_token(32);
  auto cookie = ctx.cookie(kDeviceCookie, secret);
  cookie.max_age = kDeviceCookieSeconds;
  ctx.set_cookie(cookie);
  return secret;
}

std::int64_t id_of(const std::string& text) {
  if (text.empty() || text.size() > 15) return 0;
  std::int64_t v = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return 0;
    v = v * 10 + (ch - '0');
  }
  return v;
}

nlohmann::json record_json(const Context& ctx, const Attendance& a) {
  const std::string status(name_of(a.status));
  nlohmann::json j{{"id", a.id},
                   {"status", status},
                   {"status_label", ctx.t("attendance.status." + status)},
                   {"late", a.status == Mark::late},
                   {"method", a.method},
                   {"by_recording", a.method == "recording"},
                   {"remote", a.method == "remote"},
                   {"time", a.checked_in_at ? i18n::tokyo_time_hm(a.checked_in_at) : ""},
                   {"reason", a.reason},
                   {"flagged", a.flagged()},
                   {"pending", a.review == Review::pending}};
  if (a.flagged()) j["flag_label"] = ctx.t("attendance.flag." + a.flag);
  if (a.review == Review::accepted || a.review == Review::rejected)
    j["review_label"] = ctx.t("attendance.review." + std::string(name_of(a.review)), {{"reason", a.review_reason}});
  return j;
}

}  // namespace mdsc::attendance::handlers
