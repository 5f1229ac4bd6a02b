#include "modules/timetable/availability/views.h"

#include "core/i18n.h"
#include "modules/timetable/terms/model.h"

namespace mdsc::timetable::views {

std::string availability_href(std::int64_t instructor_id) {
  return "/timetable/instructors/" + std::to_string(instructor_id) + "/availability";
}

std::string course_rules_href(int fiscal_year) { return "/timetable/courses?fy=" + std::to_string(fiscal_year); }

namespace {
std::string weekday_name(std::string_view lang, unsigned wd) { return i18n::t(lang, weekday_message_id(wd)); }
}  // namespace

std::string when_label(std::string_view lang, const Unavailability& u) {
  if (u.day.empty())
    return i18n::t(lang, "availability.every_weekday", {{"weekday", weekday_name(lang, static_cast<unsigned>(u.weekday))}});
  std::chrono::year_month_day ymd{};
  if (!parse_iso_date(u.day, ymd)) return u.day;
  const unsigned wd = std::chrono::weekday{std::chrono::sys_days{ymd}}.iso_encoding();
  return i18n::t(lang, "availability.date_weekday", {{"date", u.day}, {"weekday", weekday_name(lang, wd)}});
}

std::string time_label(std::string_view lang, const Unavailability& u) {
  if (u.band.empty()) return i18n::t(lang, "availability.whole_day");
  const std::string band = i18n::t(lang, "timetable.band." + u.band);
  if (u.position == 0) return band;
  return i18n::t(lang, "availability.band_period", {{"band", band}, {"n", std::to_string(u.position)}});
}

nlohmann::json rule_row(std::string_view lang, const Unavailability& u, bool can_edit) {
  const std::string strength(name_of(u.strength));
  return {{"id", u.id},
          {"when", when_label(lang, u)},
          {"time", time_label(lang, u)},
          {"strength", strength},
          {"strength_label", i18n::t(lang, "availability.strength." + strength)},
          {"avoid", u.strength == Strength::avoid},
          {"reason", u.reason},
          {"can_edit", can_edit},
          {"remove_action", availability_href(u.instructor_id) + "/" + std::to_string(u.id) + "/remove"}};
}

nlohmann::json course_links(std::string_view lang, const std::vector<InstructorCourse>& courses) {
  auto out = nlohmann::json::array();
  for (const auto& k : courses)
    out.push_back({{"code", k.code},
                   {"title", k.title(lang)},
                   {"fy", i18n::fiscal_year_display(lang, k.fiscal_year)},
                   {"band", i18n::t(lang, "timetable.band." + k.time_band)},
                   {"href", course_rules_href(k.fiscal_year) + "#course-" + std::to_string(k.id)}});
  return out;
}

nlohmann::json instructor_links(std::string_view lang, const Course& k) {
  auto out = nlohmann::json::array();
  for (const auto& ci : k.instructors)
    out.push_back({{"name", ci.instructor.name(lang)}, {"href", availability_href(ci.instructor_id)}});
  return out;
}

nlohmann::json year_links(std::string_view lang, const std::vector<int>& years, int current) {
  auto out = nlohmann::json::array();
  for (int y : years)
    out.push_back({{"label", i18n::fiscal_year_display(lang, y)}, {"href", course_rules_href(y)}, {"current", y == current}});
  return out;
}

}  // namespace mdsc::timetable::views
