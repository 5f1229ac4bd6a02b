#include "modules/timetable/availability/forms.h"

#include <charconv>
#include <string>

#include "modules/timetable/terms/model.h"
#include "platform/entity.h"

namespace mdsc::timetable::forms {
namespace {

// "" -> nullopt; digits -> the number; anything else sets the field's error.
std::optional<std::int64_t> optional_number(const std::string& s, const char* field, Status& st) {
  if (s.empty()) return std::nullopt;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) {
    st.field(field, "validation.number");
    return std::nullopt;
  }
  return v;
}

web::FieldSpec select(const char* name, const char* label, std::vector<std::pair<std::string, std::string>> options) {
  web::FieldSpec f{name, label, "select"};
  f.options = std::move(options);
  return f;
}

web::FieldSpec with_hint(web::FieldSpec f, const char* hint) {
  f.hint_id = hint;
  return f;
}

}  // namespace

std::vector<web::FieldSpec> rule_fields() {
  std::vector<std::pair<std::string, std::string>> weekdays{{"", "availability.single_date_option"}};
  for (unsigned wd = 1; wd <= 7; ++wd) weekdays.emplace_back(std::to_string(wd), weekday_message_id(wd));
  auto position = with_hint({"position", "availability.position", "number"}, "availability.position_hint");
  position.input_mode = "numeric";
  auto strength = select("strength", "availability.strength",
                         {{"unavailable", "availability.strength.unavailable"}, {"avoid", "availability.strength.avoid"}});
  strength.value = "unavailable";
  return {select("weekday", "availability.weekday", std::move(weekdays)),
          with_hint({"day", "availability.day", "date"}, "availability.day_hint"),
          select("band", "availability.band",
                 {{"", "availability.whole_day"}, {"daytime", "timetable.band.daytime"}, {"evening", "timetable.band.evening"}}),
          position, strength, with_hint({"reason", "availability.reason"}, "availability.reason_hint")};
}

Unavailability rule_from_form(const web::Form& form, std::int64_t instructor_id, Status& st) {
  Unavailability u;
  u.instructor_id = instructor_id;
  u.weekday = optional_number(form.trimmed("weekday"), "weekday", st).value_or(0);
  u.day = form.trimmed("day");
  u.band = form.trimmed("band");
  u.position = optional_number(form.trimmed("position"), "position", st).value_or(0);
  const std::string strength = form.trimmed("strength");
  if (auto s = states<Strength>().parse(strength.empty() ? "unavailable" : strength)) u.strength = *s;
  else st.field("strength", "validation.choice");
  u.reason = form.trimmed("reason");
  if (u.weekday != 0 && !u.day.empty()) st.field("weekday", "availability.weekday_or_date");
  return u;
}

Unavailability rule_from_json(const nlohmann::json& j, std::int64_t instructor_id, Status& st) {
  Unavailability u;
  entity::from_json(j, u, st);
  u.instructor_id = instructor_id;
  if (u.weekday != 0 && !u.day.empty()) st.field("weekday", "availability.weekday_or_date");
  return u;
}

CourseRule course_rule_from_form(const web::Form& form, std::int64_t course_id, Status& st) {
  CourseRule r;
  r.course_id = course_id;
  r.weekdays.clear();
  for (int i = 1; i <= 7; ++i) r.weekdays += form.has("wd" + std::to_string(i)) ? '1' : '0';
  r.max_per_week = optional_number(form.trimmed("max_per_week"), "max_per_week", st);
  r.min_days = optional_number(form.trimmed("min_days"), "min_days", st);
  return r;
}

CourseRule course_rule_from_json(const nlohmann::json& j, std::int64_t course_id, Status& st) {
  CourseRule r;
  entity::from_json(j, r, st);
  r.course_id = course_id;
  return r;
}

}  // namespace mdsc::timetable::forms
