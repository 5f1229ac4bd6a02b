#include "modules/curriculum/forms.h"

#include "web/form_values.h"

namespace mdsc::curriculum {
namespace {

web::FieldSpec spec(std::string name, std::string label, std::string type, bool required, std::string value,
                    std::string hint = "") {
  web::FieldSpec s{std::move(name), std::move(label), std::move(type), required, "off"};
  s.value = std::move(value);
  s.hint_id = std::move(hint);
  return s;
}

web::FieldSpec choice(std::string name, std::string label, const std::vector<std::string>& values,
                      const std::string& prefix, std::string value, bool with_none = false) {
  web::FieldSpec s{std::move(name), std::move(label), "select", !with_none};
  if (with_none) s.options.emplace_back("", "curriculum.none");
  for (const auto& v : values) s.options.emplace_back(v, prefix + v);
  s.value = std::move(value);
  return s;
}

}  // namespace

std::optional<std::int64_t> read_number(const std::string& text, const std::string& field, Status& st) {
  return web::read_number(text, field, st);
}

Instructor read_instructor(const web::Form& f, Status& st) {
  Instructor i;
  i.family_name = f.trimmed("family_name");
  i.given_name = f.trimmed("given_name");
  i.family_name_kana = f.trimmed("family_name_kana");
  i.given_name_kana = f.trimmed("given_name_kana");
  i.romaji_name = f.trimmed("romaji_name");
  i.title = f.trimmed("title");
  i.organization_id = read_number(f.get("organization_id"), "organization_id", st).value_or(0);
  i.department = f.trimmed("department");
  i.email = f.trimmed("email");
  return i;
}

std::vector<web::FieldSpec> instructor_fields(const web::Context& ctx, const Instructor& i,
                                              const std::vector<std::pair<std::int64_t, std::string>>& organizations) {
  std::vector<web::FieldSpec> f;
  f.push_back(spec("family_name", "field.family_name", "text", true, i.family_name));
  f.push_back(spec("given_name", "field.given_name", "text", false, i.given_name));
  f.push_back(spec("family_name_kana", "field.family_name_kana", "text", false, i.family_name_kana));
  f.push_back(spec("given_name_kana", "field.given_name_kana", "text", false, i.given_name_kana));
  f.push_back(spec("romaji_name", "field.romaji_name", "text", false, i.romaji_name, "field.romaji_name.hint"));
  f.back().lang_attr = "en";
  f.push_back(spec("title", "instructor.title", "text", false, i.title, "instructor.title.hint"));
  web::FieldSpec org{"organization_id", "instructor.organization", "select", false};
  org.options_raw = true;
  org.options.emplace_back("", ctx.t("curriculum.none"));
  for (const auto& [id, label] : organizations) org.options.emplace_back(std::to_string(id), label);
  org.value = i.organization_id ? std::to_string(i.organization_id) : "";
  org.hint_id = "instructor.organization.hint";
  f.push_back(org);
  f.push_back(spec("department", "instructor.department", "text", false, i.department));
  f.push_back(spec("email", "field.email", "email", false, i.email));
  f.push_back(spec("account_email", "instructor.account", "email", false, i.user_email, "instructor.account.hint"));
  return f;
}

Course read_course(const web::Form& f, int fiscal_year, Status& st) {
  Course c;
  c.fiscal_year = fiscal_year ? fiscal_year
                              : static_cast<int>(read_number(f.get("fiscal_year"), "fiscal_year", st).value_or(0));
  c.code = f.trimmed("code");
  c.title_ja = f.trimmed("title_ja");
  c.title_en = f.trimmed("title_en");
  c.category = f.get("category");
  c.track = f.get("track");
  c.kind = f.get("kind");
  c.periods = static_cast<int>(read_number(f.get("periods"), "periods", st).value_or(0));
  c.time_band = f.get("time_band");
  c.status = f.get("status");
  if (auto cap = read_number(f.get("capacity"), "capacity", st)) c.capacity = static_cast<int>(*cap);
  c.confidential_by_default = f.get("confidential_by_default") == "1";
  c.description = f.get("description");
  return c;
}

std::vector<web::FieldSpec> course_fields(const Course& c, bool is_new) {
  std::vector<web::FieldSpec> f;
  if (is_new) {
    f.push_back(spec("fiscal_year", "course.fiscal_year", "text", true, c.fiscal_year ? std::to_string(c.fiscal_year) : "",
                     "course.fiscal_year.hint"));
    f.back().input_mode = "numeric";
  }
  f.push_back(spec("code", "course.code", "text", true, c.code, "course.code.hint"));
  f.push_back(spec("title_ja", "course.title_ja", "text", true, c.title_ja));
  f.push_back(spec("title_en", "course.title_en", "text", false, c.title_en));
  f.back().lang_attr = "en";
  f.push_back(choice("category", "course.category", categories(), "course.category.", c.category));
  f.push_back(choice("track", "course.track", tracks(), "course.track.", c.track, true));
  f.back().hint_id = "course.track.hint";
  f.push_back(choice("kind", "course.kind", course_kinds(), "course.kind.", c.kind));
  f.push_back(spec("periods", "course.periods", "text", true, c.periods ? std::to_string(c.periods) : "",
                   "course.periods.hint"));
  f.back().input_mode = "numeric";
  f.push_back(choice("time_band", "course.time_band", time_bands(), "course.time_band.", c.time_band));
  f.back().hint_id = "course.time_band.hint";
  f.push_back(choice("status", "course.status", course_statuses(), "course.status.", c.status));
  f.push_back(spec("capacity", "course.capacity", "text", false, c.capacity ? std::to_string(*c.capacity) : "",
                   "course.capacity.hint"));
  f.back().input_mode = "numeric";
  web::FieldSpec confidential{"confidential_by_default", "course.confidential", "checkbox"};
  confidential.value = c.confidential_by_default ? "1" : "";
  confidential.hint_id = "course.confidential.hint";
  f.push_back(confidential);
  f.push_back(spec("description", "course.description", "textarea", false, c.description));
  return f;
}

CurriculumYear read_year(const web::Form& f, int fiscal_year) {
  CurriculumYear y;
  y.fiscal_year = fiscal_year;
  y.choice_rule = f.get("choice_rule");
  y.drop_deadline = f.trimmed("drop_deadline");
  y.notes = f.trimmed("notes");
  return y;
}

std::vector<web::FieldSpec> year_fields(const CurriculumYear& y) {
  std::vector<web::FieldSpec> f;
  f.push_back(choice("choice_rule", "year.choice_rule", choice_rules(), "year.choice_rule.", y.choice_rule));
  f.push_back(spec("drop_deadline", "year.drop_deadline", "date", false, y.drop_deadline, "year.drop_deadline.hint"));
  f.push_back(spec("notes", "year.notes", "text", false, y.notes));
  return f;
}

void merge(Status& into, const Status& more) {
  for (const auto& [name, fe] : more.fields())
    if (!into.fields().count(name)) into.field(name, fe.message_id, fe.args);
}

Status move_fields(const Status& st, const std::vector<std::pair<std::string, std::string>>& prefix_to_field) {
  Status out(st.code(), st.message_id(), st.args());
  for (const auto& [name, fe] : st.fields()) {
    std::string target = name;
    for (const auto& [prefix, field] : prefix_to_field)
      if (name.rfind(prefix, 0) == 0) {
        target = field;
        break;
      }
    if (!out.fields().count(target)) out.field(target, fe.message_id, fe.args);
  }
  return out;
}

}  // namespace mdsc::curriculum
