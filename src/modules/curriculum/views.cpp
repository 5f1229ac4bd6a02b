#include "modules/curriculum/views.h"

#include <charconv>
#include <functional>

#include "core/i18n.h"
#include "web/fiscal_years.h"

namespace mdsc::curriculum {

int chosen_year(const web::Context& ctx, const std::vector<int>& years) {
  std::string s = ctx.query.get("fy");
  int fy = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), fy);
  if (ec == std::errc() && p == s.data() + s.size() && fy >= 2000 && fy <= 2100) return fy;
  int current = web::current_fiscal_year(ctx.now());
  for (int y : years)  // newest first
    if (y <= current + 1) return y;
  return current;
}

nlohmann::json year_links(const web::Context& ctx, const std::vector<int>& years, int current, const std::string& path) {
  auto out = nlohmann::json::array();
  for (int y : years)
    out.push_back({{"label", i18n::fiscal_year_display(ctx.lang, y)},
                   {"href", path + "?fy=" + std::to_string(y)},
                   {"current", y == current}});
  return out;
}

std::string category_label(const web::Context& ctx, const Course& c) {
  if (c.category == "common") return ctx.t("course.category.common");
  return ctx.t("course.category.specialised") + " (" + ctx.t("course.track." + c.track) + ")";
}

std::string capacity_label(const web::Context& ctx, const Course& c) {
  return c.capacity ? std::to_string(*c.capacity) : ctx.t("course.unlimited");
}

nlohmann::json instructor_view(const web::Context& ctx, const Instructor& i, std::optional<std::int64_t> periods) {
  nlohmann::json j{{"id", i.id},
                   {"name", i.name(ctx.lang)},
                   {"name_ja", i.name_ja()},
                   {"romaji", i.romaji_name},
                   {"title", ctx.lang == "en" ? "" : i.title},
                   {"organization", i.organization(ctx.lang)},
                   {"department", ctx.lang == "en" ? "" : i.department},
                   {"email", i.email},
                   {"account", i.account_email},
                   {"href", "/instructors/" + std::to_string(i.id) + "/edit"}};
  if (periods) j["share"] = ctx.t("course.periods_n", {{"n", std::to_string(*periods)}});
  return j;
}

nlohmann::json course_row(const web::Context& ctx, const Course& c) {
  auto instructors = nlohmann::json::array();
  for (const auto& ci : c.instructors) instructors.push_back(instructor_view(ctx, ci.instructor, ci.periods));
  std::string enrolled = std::to_string(c.enrolled) + (c.capacity ? " / " + std::to_string(*c.capacity) : "");
  return {{"id", c.id},
          {"href", "/courses/" + std::to_string(c.id)},
          {"code", c.code},
          {"title", c.title(ctx.lang)},
          {"title_other", ctx.lang == "en" ? c.title_ja : c.title_en},
          {"title_other_lang", ctx.lang == "en" ? "ja" : "en"},
          {"category", category_label(ctx, c)},
          {"kind", ctx.t("course.kind." + c.kind)},
          {"periods", ctx.t("course.periods_n", {{"n", std::to_string(c.periods)}})},
          {"time_band", ctx.t("course.time_band." + c.time_band)},
          {"status", ctx.t("course.status." + std::string(name_of(c.status)))},
          {"status_code", name_of(c.status)},
          {"planned", c.status == CourseStatus::planned},
          {"capacity", capacity_label(ctx, c)},
          {"enrolled", enrolled},
          {"waitlisted", c.waitlisted},
          {"confidential", c.confidential_by_default},
          {"description", c.description},
          {"instructors", instructors},
          {"has_instructors", !instructors.empty()}};
}

nlohmann::json catalogue_groups(const web::Context& ctx, const std::vector<Course>& courses) {
  struct Group {
    std::string id, heading, note;
    std::function<bool(const Course&)> takes;
  };
  std::vector<Group> groups = {
      {"common", ctx.t("catalog.common"), ctx.t("catalog.common.note"), [](const Course& c) { return c.category == "common"; }}};
  for (const auto& t : tracks())
    groups.push_back({t, ctx.t("course.track." + t), ctx.t("catalog.track.note"),
                      [t](const Course& c) { return c.category == "specialised" && c.track == t; }});
  auto out = nlohmann::json::array();
  for (const auto& g : groups) {
    auto rows = nlohmann::json::array();
    int periods = 0;
    // Lectures before practicals, each in code order (the repository sorts by code).
    for (const char* kind : {"lecture", "practical"})
      for (const auto& c : courses)
        if (g.takes(c) && c.kind == kind) {
          rows.push_back(course_row(ctx, c));
          periods += c.periods;
        }
    if (rows.empty()) continue;
    out.push_back({{"id", "group-" + g.id},
                   {"heading", g.heading},
                   {"note", g.note},
                   {"summary", ctx.t("catalog.group_summary", {{"courses", std::to_string(rows.size())},
                                                               {"periods", std::to_string(periods)}})},
                   {"courses", rows}});
  }
  return out;
}

std::string enrollment_status_label(const web::Context& ctx, const Enrollment& e) {
  if (e.is(EnrollmentStatus::waitlisted) && e.waitlist_position)
    return ctx.t("enrollment.status.waitlisted_n", {{"n", std::to_string(*e.waitlist_position)}});
  return ctx.t("enrollment.status." + std::string(name_of(e.status)));
}

nlohmann::json enrollment_row(const web::Context& ctx, const Enrollment& e) {
  return {{"id", e.id},
          {"course_id", e.course_id},
          {"course_href", "/courses/" + std::to_string(e.course_id)},
          {"code", e.course_code},
          {"title", ctx.lang == "en" && !e.course_title_en.empty() ? e.course_title_en : e.course_title_ja},
          {"name", e.user_name},
          {"kana", e.user_kana},
          {"romaji", e.user_romaji},
          {"email", e.user_email},
          {"status", enrollment_status_label(ctx, e)},
          {"status_code", name_of(e.status)},
          {"since", e.enrolled_at ? i18n::format_datetime(ctx.lang, e.enrolled_at)
                                  : i18n::format_datetime(ctx.lang, e.created_at)},
          {"active", !e.is(EnrollmentStatus::dropped)}};
}

nlohmann::json year_view(const web::Context& ctx, const CurriculumYear& y) {
  return {{"rule", ctx.t("year.choice_rule." + y.choice_rule)},
          {"free", y.choice_rule == "free"},
          {"deadline", y.drop_deadline.empty() ? ctx.t("year.no_deadline") : y.drop_deadline},
          {"has_deadline", !y.drop_deadline.empty()},
          {"notes", y.notes}};
}

}  // namespace mdsc::curriculum
