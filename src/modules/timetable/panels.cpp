// The dashboard's "next sessions" panel: a trainee's next sessions of their courses, an
// instructor's next sessions of the courses they teach, with links to the week and the calendar.
#include "modules/timetable/panels.h"

#include <algorithm>
#include <tuple>

#include "core/i18n.h"
#include "modules/curriculum.h"
#include "modules/timetable/sessions/sessions.h"
#include "modules/timetable/terms/term.h"
#include "platform/work.h"
#include "web/render.h"
#include "web/templates.h"

namespace mdsc::timetable {
namespace {

constexpr std::size_t kShown = 5;

// The trainee's, or the instructor's, sessions from today on.
std::vector<Session> upcoming(web::Context& ctx) {
  SessionFilter f;
  f.from = i18n::tokyo_date_iso(ctx.now());
  auto& c = ctx.work().conn;
  std::vector<Session> out;
  if (ctx.user->has(web::Role::trainee)) {
    f.trainee_id = ctx.user_id();
    out = sessions::list(c, f);
  } else {
    // The courses they teach by their instructor record or by the role instructor:<course>
    // (curriculum's rule; the demo instructor has only the role).
    for (auto course : curriculum::taught_courses(c, ctx.me())) {
      f.course_id = course;
      auto theirs = sessions::list(c, f);
      out.insert(out.end(), theirs.begin(), theirs.end());
    }
    std::stable_sort(out.begin(), out.end(), [](const Session& a, const Session& b) {
      return std::tie(a.day, a.starts_at) < std::tie(b.day, b.starts_at);
    });
  }
  return out;
}

std::string next_sessions(web::Context& ctx) {
  auto list = upcoming(ctx);
  auto rows = nlohmann::json::array();
  for (const auto& s : list) {
    if (rows.size() == kShown) break;
    rows.push_back({{"day", day_label(s.day, ctx.lang)}, {"time", s.starts_at + "–" + s.ends_at}, {"course", s.course_title(ctx.lang)},
                    {"room", s.room_name}, {"href", "/sessions/" + std::to_string(s.id)}});
  }
  return web::render_template("timetable/panel_next.html", ctx.lang,
                              {{"rows", rows}, {"has_rows", !rows.empty()}, {"more", list.size() > kShown}, {"trainee", ctx.user->has(web::Role::trainee)}});
}

}  // namespace

void register_panels(web::Registry& reg) {
  reg.panel({"timetable.panel_next", web::Access::roles({web::Role::trainee, web::Role::instructor}), next_sessions, 25});
}

}  // namespace mdsc::timetable
