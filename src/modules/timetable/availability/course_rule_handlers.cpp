// The courses page: each course of a year with its band, instructors and schedule rule, and a
// form per course for the secretariat.
#include <charconv>

#include "core/i18n.h"
#include "modules/timetable/availability/forms.h"
#include "modules/timetable/availability/handlers.h"
#include "modules/timetable/availability/operations.h"
#include "modules/timetable/availability/repo.h"
#include "modules/timetable/availability/views.h"
#include "modules/timetable/curriculum_view.h"
#include "modules/timetable/policy.h"
#include "modules/timetable/terms/model.h"
#include "platform/work.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {
namespace {

int status_code(const Status& st) { return st.code() == Code::conflict ? 409 : st.code() == Code::not_found ? 404 : 422; }

int requested_year(const Context& ctx) {
  const std::string fy = ctx.query.get("fy");
  int v = 0;
  auto [p, ec] = std::from_chars(fy.data(), fy.data() + fy.size(), v);
  return !fy.empty() && ec == std::errc() && p == fy.data() + fy.size() ? v : 0;
}

// The weekday boxes of a course's row, and the allowed weekdays in words.
void add_weekdays(const Context& ctx, const CourseRule& shown, const CourseRule& stored, nlohmann::json& row) {
  auto days = nlohmann::json::array();
  std::string allowed;
  for (unsigned wd = 1; wd <= 7; ++wd) {
    const std::string name = ctx.t(weekday_message_id(wd));
    days.push_back({{"n", wd}, {"label", name}, {"checked", shown.weekdays.size() == 7 && shown.weekdays[wd - 1] == '1'}});
    if (stored.allows(wd)) allowed += (allowed.empty() ? "" : " ") + name;
  }
  row["days"] = days;
  row["allowed"] = allowed;
}

// A course's row: its rule, or (the row whose form failed) what was typed and its errors.
nlohmann::json course_row(const Context& ctx, const Course& k, const CourseRule& rule, bool failed, const nlohmann::json& form) {
  Status ignored;
  const CourseRule shown = failed ? forms::course_rule_from_form(ctx.form, k.id, ignored) : rule;
  auto text = [&](const std::optional<std::int64_t>& v, const char* field) -> std::string {
    if (failed) return ctx.form.trimmed(field);
    return v ? std::to_string(*v) : "";
  };
  nlohmann::json row{{"id", k.id},
                     {"code", k.code},
                     {"title", k.title(ctx.lang)},
                     {"band", ctx.t("course.time_band." + k.time_band)},
                     {"periods", k.periods},
                     {"instructors", views::instructor_links(ctx.lang, k)},
                     {"stored", rule.stored},
                     {"max_per_week", text(shown.max_per_week, "max_per_week")},
                     {"min_days", text(shown.min_days, "min_days")},
                     {"action", "/timetable/courses/" + std::to_string(k.id) + "/rule"},
                     // Always set, so a row without errors does not see the page's form state.
                     {"form", failed ? form : nlohmann::json(false)}};
  add_weekdays(ctx, shown, rule, row);
  return row;
}

Response courses_page(Context& ctx, int fy, std::int64_t failed_id, const Status& st, int status) {
  auto& c = ctx.work().conn;
  const auto years = curriculum_view::course_years(c);
  if (fy == 0 && !years.empty()) fy = years.front();
  const auto rules = fy ? repo::course_rules(c, fy) : std::map<std::int64_t, CourseRule>{};
  auto form = web::form_state(ctx, st);
  auto rows = nlohmann::json::array();
  for (const auto& k : fy ? curriculum_view::courses(c, fy) : std::vector<Course>{}) {
    CourseRule rule;
    rule.course_id = k.id;
    if (auto it = rules.find(k.id); it != rules.end()) rule = it->second;
    rows.push_back(course_row(ctx, k, rule, failed_id == k.id && !st.is_ok(), form));
  }
  return web::page(ctx, "timetable/course_rules.html", "availability.courses_title",
                   {{"rows", rows},
                    {"years", views::year_links(ctx.lang, years, fy)},
                    {"fy", fy ? i18n::fiscal_year_display(ctx.lang, fy) : ""},
                    {"can_edit", can_edit(ctx)},
                    {"summary_form", form}},
                   status);
}

}  // namespace

Response course_rules_list(Context& ctx) { return courses_page(ctx, requested_year(ctx), -1, Status::ok(), 200); }

Response course_rule_save(Context& ctx) {
  const auto id = ctx.id_param("id");
  auto course = id ? curriculum_view::course(ctx.work().conn, id) : std::nullopt;
  if (!course) return web::not_found(ctx);
  Status st;
  CourseRule r = forms::course_rule_from_form(ctx.form, id, st);
  if (st) st = save_course_rule(ctx.work(), r);
  if (!st) return courses_page(ctx, course->fiscal_year, id, st, status_code(st));
  ctx.flash_next("success", "availability.rule_saved");
  return web::redirect(ctx, views::course_rules_href(course->fiscal_year) + "#course-" + std::to_string(id));
}

}  // namespace mdsc::timetable::handlers
