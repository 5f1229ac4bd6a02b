#include <charconv>

#include "core/i18n.h"
#include "modules/curriculum.h"
#include "modules/timetable/availability/availability.h"
#include "modules/timetable/availability/links.h"
#include "modules/timetable/handlers.h"
#include "modules/timetable/terms/term.h"
#include "nlohmann/json.hpp"
#include "platform/web_actor.h"
#include "web/fields.h"
#include "web/flash_redirect.h"
#include "web/json_body.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {

Rights rights_over(Context& ctx, std::int64_t instructor_id) {
  if (!ctx.user) return {};
  if (ctx.user->has(web::Role::secretariat)) return {true, true};
  const bool self = reading(ctx, [&](db::Conn& c) {
    auto mine = curriculum::instructor_of_user(c, ctx.user_id());
    return mine && mine->id == instructor_id;
  });
  if (self) return {true, true};
  if (ctx.user->has(web::Role::steering_committee)) return {true, false};
  return {};
}

namespace {

bool edits_rules(const Context& ctx) { return ctx.user && ctx.user->has(web::Role::secretariat); }

// "" -> 0; digits -> the number; anything else sets the field's error.
int optional_int(const std::string& s, const char* field, Status& st) {
  if (s.empty()) return 0;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) {
    st.field(field, "validation.number");
    return 0;
  }
  return v;
}

std::string weekday_name(const Context& ctx, unsigned wd) { return ctx.t(weekday_message_id(wd)); }

std::string when_label(const Context& ctx, const Unavailability& u) {
  if (u.day.empty()) return ctx.t("availability.every_weekday", {{"weekday", weekday_name(ctx, static_cast<unsigned>(u.weekday))}});
  std::chrono::year_month_day ymd{};
  if (!parse_iso_date(u.day, ymd)) return u.day;
  const unsigned wd = std::chrono::weekday{std::chrono::sys_days{ymd}}.iso_encoding();
  return ctx.t("availability.date_weekday", {{"date", u.day}, {"weekday", weekday_name(ctx, wd)}});
}

std::string time_label(const Context& ctx, const Unavailability& u) {
  if (u.band.empty()) return ctx.t("availability.whole_day");
  const std::string band = ctx.t("timetable.band." + u.band);
  if (u.position == 0) return band;
  return ctx.t("availability.band_period", {{"band", band}, {"n", std::to_string(u.position)}});
}

nlohmann::json rule_row(const Context& ctx, const Unavailability& u, bool can_edit) {
  return {{"id", u.id},
          {"when", when_label(ctx, u)},
          {"time", time_label(ctx, u)},
          {"strength", u.strength},
          {"strength_label", ctx.t("availability.strength." + u.strength)},
          {"avoid", u.strength == "avoid"},
          {"reason", u.reason},
          {"can_edit", can_edit},
          {"remove_action", availability_href(u.instructor_id) + "/" + std::to_string(u.id) + "/remove"}};
}

std::vector<web::FieldSpec> rule_fields() {
  std::vector<web::FieldSpec> out;
  web::FieldSpec weekday{"weekday", "availability.weekday", "select"};
  weekday.options.push_back({"", "availability.single_date_option"});
  for (unsigned wd = 1; wd <= 7; ++wd) weekday.options.push_back({std::to_string(wd), weekday_message_id(wd)});
  out.push_back(weekday);
  web::FieldSpec day{"day", "availability.day", "date"};
  day.hint_id = "availability.day_hint";
  out.push_back(day);
  web::FieldSpec band{"band", "availability.band", "select"};
  band.options = {{"", "availability.whole_day"}, {"daytime", "timetable.band.daytime"}, {"evening", "timetable.band.evening"}};
  out.push_back(band);
  web::FieldSpec position{"position", "availability.position", "number"};
  position.hint_id = "availability.position_hint";
  position.input_mode = "numeric";
  out.push_back(position);
  web::FieldSpec strength{"strength", "availability.strength", "select"};
  strength.options = {{"unavailable", "availability.strength.unavailable"}, {"avoid", "availability.strength.avoid"}};
  strength.value = "unavailable";
  out.push_back(strength);
  web::FieldSpec reason{"reason", "availability.reason"};
  reason.hint_id = "availability.reason_hint";
  out.push_back(reason);
  return out;
}

Response instructor_page(Context& ctx, std::int64_t id, const Rights& rights, const Status& st, int status) {
  struct Loaded {
    std::optional<curriculum::Instructor> instructor;
    std::vector<Unavailability> rules;
    std::vector<curriculum::Course> courses;
  };
  auto loaded = reading(ctx, [&](db::Conn& c) {
    Loaded l;
    l.instructor = curriculum::find_instructor(c, id);
    if (!l.instructor) return l;
    l.rules = availability::of_instructor(c, id);
    l.courses = curriculum::courses_of_instructor(c, id);
    return l;
  });
  if (!loaded.instructor) return web::not_found(ctx);
  auto rows = nlohmann::json::array();
  for (const auto& u : loaded.rules) rows.push_back(rule_row(ctx, u, rights.edit));
  auto courses = nlohmann::json::array();
  for (const auto& k : loaded.courses) {
    courses.push_back({{"code", k.code},
                       {"title", k.title(ctx.lang)},
                       {"fy", i18n::fiscal_year_display(ctx.lang, k.fiscal_year)},
                       {"band", ctx.t("timetable.band." + k.time_band)},
                       {"href", course_rules_href(k.fiscal_year) + "#course-" + std::to_string(k.id)}});
  }
  auto form = web::form_state(ctx, st);
  const auto& in = *loaded.instructor;
  return web::page(ctx, "timetable/availability.html", "availability.title",
                   {{"instructor",
                     {{"id", in.id},
                      {"name", in.name(ctx.lang)},
                      {"organization", in.organization(ctx.lang)},
                      {"title", in.title}}},
                    {"rows", rows},
                    {"has_courses", !courses.empty()},
                    {"courses", courses},
                    {"can_edit", rights.edit},
                    {"form", form},
                    {"fields", web::fields(ctx, rule_fields(), form)},
                    {"action", availability_href(id)}},
                   status);
}

Unavailability rule_from_form(const Context& ctx, std::int64_t instructor_id, Status& st) {
  Unavailability u;
  u.instructor_id = instructor_id;
  u.weekday = optional_int(ctx.form.trimmed("weekday"), "weekday", st);
  u.day = ctx.form.trimmed("day");
  if (u.weekday != 0 && !u.day.empty()) st.field("weekday", "availability.weekday_or_date");
  u.band = ctx.form.trimmed("band");
  u.position = optional_int(ctx.form.trimmed("position"), "position", st);
  u.strength = ctx.form.trimmed("strength");
  if (u.strength.empty()) u.strength = "unavailable";
  u.reason = ctx.form.trimmed("reason");
  return u;
}

int status_code(const Status& st) { return st.code() == Code::conflict ? 409 : st.code() == Code::not_found ? 404 : 422; }

}  // namespace

Response availability_show(Context& ctx) {
  const auto id = ctx.id_param("id");
  const Rights rights = rights_over(ctx, id);
  if (id == 0 || !rights.view) return web::not_found(ctx);
  return instructor_page(ctx, id, rights, Status::ok(), 200);
}

Response availability_add(Context& ctx) {
  const auto id = ctx.id_param("id");
  const Rights rights = rights_over(ctx, id);
  if (id == 0 || !rights.view) return web::not_found(ctx);
  if (!rights.edit) return web::forbidden(ctx);
  Status st;
  Unavailability u = rule_from_form(ctx, id, st);
  Result<std::int64_t> added = st ? availability::add_rule(ctx.work(), u) : Result<std::int64_t>(st);
  if (!added) {
    if (added.status().code() == Code::not_found) return web::not_found(ctx);
    return instructor_page(ctx, id, rights, added.status(), status_code(added.status()));
  }
  return web::redirect_with_success(ctx, "availability.added", availability_href(id));
}

Response availability_remove(Context& ctx) {
  const auto id = ctx.id_param("id");
  const Rights rights = rights_over(ctx, id);
  if (id == 0 || !rights.view) return web::not_found(ctx);
  if (!rights.edit) return web::forbidden(ctx);
  Status st = availability::remove_rule(ctx.work(), id, ctx.id_param("rid"));
  if (!st) return web::error(ctx, st);
  return web::redirect_with_success(ctx, "availability.removed", availability_href(id));
}

namespace {

// Courses' rules --------------------------------------------------------------------------------

int requested_year(Context& ctx, const std::vector<int>& years) {
  const std::string fy = ctx.query.get("fy");
  int v = 0;
  auto [p, ec] = std::from_chars(fy.data(), fy.data() + fy.size(), v);
  if (!fy.empty() && ec == std::errc() && p == fy.data() + fy.size()) return v;
  return years.empty() ? 0 : years.front();
}

// The rule as typed in the course's row (weekday checkboxes wd1..wd7, numbers or empty).
CourseRule course_rule_from_form(const Context& ctx, std::int64_t course_id, Status& st) {
  CourseRule r;
  r.course_id = course_id;
  r.weekdays.clear();
  for (int i = 1; i <= 7; ++i) r.weekdays += ctx.form.has("wd" + std::to_string(i)) ? '1' : '0';
  if (const int v = optional_int(ctx.form.trimmed("max_per_week"), "max_per_week", st); v || !ctx.form.trimmed("max_per_week").empty())
    r.max_per_week = v;
  if (const int v = optional_int(ctx.form.trimmed("min_days"), "min_days", st); v || !ctx.form.trimmed("min_days").empty())
    r.min_days = v;
  return r;
}

Response courses_page(Context& ctx, int fy, std::int64_t failed_id, const Status& st, int status) {
  struct Loaded {
    std::vector<int> years;
    std::vector<curriculum::Course> courses;
    std::map<std::int64_t, CourseRule> rules;
  };
  auto loaded = reading(ctx, [&](db::Conn& c) {
    Loaded l;
    l.years = curriculum::years_with_courses(c);
    if (fy == 0 && !l.years.empty()) fy = l.years.front();
    if (fy == 0) return l;
    l.courses = curriculum::courses_of_year(c, fy);
    l.rules = availability::course_rules(c, fy);
    return l;
  });
  if (fy == 0 && !loaded.years.empty()) fy = loaded.years.front();
  const bool can_edit = edits_rules(ctx);
  auto form = web::form_state(ctx, st);
  auto rows = nlohmann::json::array();
  for (const auto& k : loaded.courses) {
    CourseRule rule;
    rule.course_id = k.id;
    if (auto it = loaded.rules.find(k.id); it != loaded.rules.end()) rule = it->second;
    const bool failed = failed_id == k.id && !st.is_ok();
    Status ignored;
    const CourseRule shown = failed ? course_rule_from_form(ctx, k.id, ignored) : rule;
    auto days = nlohmann::json::array();
    std::string allowed;
    for (unsigned wd = 1; wd <= 7; ++wd) {
      const bool on = shown.weekdays.size() == 7 && shown.weekdays[wd - 1] == '1';
      days.push_back({{"n", wd}, {"label", weekday_name(ctx, wd)}, {"checked", on}});
      if (rule.allows(wd)) allowed += (allowed.empty() ? "" : " ") + weekday_name(ctx, wd);
    }
    auto instructors = nlohmann::json::array();
    for (const auto& ci : k.instructors)
      instructors.push_back({{"name", ci.instructor.name(ctx.lang)}, {"href", availability_href(ci.instructor_id)}});
    auto text = [&](const std::optional<std::int64_t>& v, const char* field) -> std::string {
      if (failed) return ctx.form.trimmed(field);
      return v ? std::to_string(*v) : "";
    };
    rows.push_back({{"id", k.id},
                    {"code", k.code},
                    {"title", k.title(ctx.lang)},
                    {"band", ctx.t("course.time_band." + k.time_band)},
                    {"periods", k.periods},
                    {"instructors", instructors},
                    {"days", days},
                    {"allowed", allowed},
                    {"stored", rule.stored},
                    {"max_per_week", text(shown.max_per_week, "max_per_week")},
                    {"min_days", text(shown.min_days, "min_days")},
                    {"action", "/timetable/courses/" + std::to_string(k.id) + "/rule"},
                    // Always set, so a row without errors does not see the page's form state.
                    {"form", failed ? form : nlohmann::json(false)}});
  }
  auto years = nlohmann::json::array();
  for (int y : loaded.years)
    years.push_back({{"label", i18n::fiscal_year_display(ctx.lang, y)}, {"href", course_rules_href(y)}, {"current", y == fy}});
  return web::page(ctx, "timetable/course_rules.html", "availability.courses_title",
                   {{"rows", rows},
                    {"years", years},
                    {"fy", fy ? i18n::fiscal_year_display(ctx.lang, fy) : ""},
                    {"can_edit", can_edit},
                    {"summary_form", form}},
                   status);
}

}  // namespace

Response course_rules_list(Context& ctx) {
  std::vector<int> none;
  return courses_page(ctx, requested_year(ctx, none), -1, Status::ok(), 200);
}

Response course_rule_save(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (id == 0) return web::not_found(ctx);
  auto course = curriculum::find_course(ctx.work().conn, id);
  if (!course) return web::not_found(ctx);
  Status st;
  CourseRule r = course_rule_from_form(ctx, id, st);
  if (st) st = availability::save_course_rule(ctx.work(), r);
  if (!st) return courses_page(ctx, course->fiscal_year, id, st, status_code(st));
  return web::redirect_with_success(ctx, "availability.rule_saved",
                                    course_rules_href(course->fiscal_year) + "#course-" + std::to_string(id));
}

}  // namespace mdsc::timetable::handlers
