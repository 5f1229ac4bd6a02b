#include "modules/curriculum/forms.h"

#include <algorithm>

#include "web/form_values.h"

namespace mdsc::curriculum {
namespace {

// People type numbers as "８" or "1,000": the tables read plain digits, so those fields are made
// plain first (what was typed is still what the form shows again).
web::Form plain_numbers(const web::Form& f, std::initializer_list<std::string_view> names) {
  auto pairs = f.pairs();
  for (auto& [name, value] : pairs) {
    if (std::find(names.begin(), names.end(), name) == names.end()) continue;
    Status ignored;
    if (auto n = web::read_number(value, name, ignored)) value = std::to_string(*n);
  }
  return web::Form(std::move(pairs));
}

web::FieldSpec* find(std::vector<web::FieldSpec>& fields, std::string_view name) {
  for (auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

// What a page adds to a field of the table.
struct Extra {
  std::string_view name;
  std::string_view hint;
  bool numeric = false;  // typed as digits (shown empty when 0)
  std::string_view lang;
};

void add_extras(std::vector<web::FieldSpec>& fields, std::initializer_list<Extra> extras) {
  for (auto& f : fields)
    if (f.type != "select" && f.type != "checkbox") f.autocomplete = "off";
  for (const auto& x : extras) {
    auto* f = find(fields, x.name);
    if (!f) continue;
    f->hint_id = std::string(x.hint);
    f->lang_attr = std::string(x.lang);
    if (!x.numeric) continue;
    f->input_mode = "numeric";
    if (f->value == "0") f->value.clear();
  }
}

// A select of fixed values, each labelled by the catalogue's `prefix` + value.
void choose(std::vector<web::FieldSpec>& fields, std::string_view name, const std::vector<std::string>& values,
            const std::string& prefix, bool with_none = false) {
  auto* f = find(fields, name);
  if (!f) return;
  f->required = !with_none;
  if (with_none) f->options.emplace_back("", "curriculum.none");
  for (const auto& v : values) f->options.emplace_back(v, prefix + v);
}

// A select of records, labelled by their own names.
void choose(const web::Context& ctx, std::vector<web::FieldSpec>& fields, std::string_view name, const Choices& choices,
            const std::string& first_id) {
  auto* f = find(fields, name);
  if (!f) return;
  f->options_raw = true;
  f->options.emplace_back("", ctx.t(first_id));
  for (const auto& [id, label] : choices) f->options.emplace_back(std::to_string(id), label);
  if (f->value == "0") f->value.clear();
}

}  // namespace

Instructor read_instructor(const web::Form& f, Status& st) {
  Instructor i;
  entity::from_form(plain_numbers(f, {"organization_id"}), i, st);
  return i;
}

std::vector<web::FieldSpec> instructor_fields(const web::Context& ctx, const Instructor& i, const Choices& organizations) {
  auto f = entity::form_fields(i);
  add_extras(f, {{"romaji_name", "field.romaji_name.hint", false, "en"},
                 {"title", "instructor.title.hint"},
                 {"organization_id", "instructor.organization.hint"},
                 {"account_email", "instructor.account.hint"}});
  choose(ctx, f, "organization_id", organizations, "curriculum.none");
  return f;
}

Course read_course(const web::Form& f, int fiscal_year, Status& st) {
  Course c;
  entity::from_form(plain_numbers(f, {"fiscal_year", "periods", "capacity"}), c, st);
  if (fiscal_year) c.fiscal_year = fiscal_year;
  return c;
}

std::vector<web::FieldSpec> course_fields(const Course& c, bool is_new) {
  auto f = entity::form_fields(c);
  if (!is_new) std::erase_if(f, [](const web::FieldSpec& s) { return s.name == "fiscal_year"; });
  if (auto* fy = find(f, "fiscal_year")) fy->required = true;
  add_extras(f, {{"fiscal_year", "course.fiscal_year.hint", true},
                 {"code", "course.code.hint"},
                 {"title_en", "", false, "en"},
                 {"track", "course.track.hint"},
                 {"periods", "course.periods.hint", true},
                 {"time_band", "course.time_band.hint"},
                 {"capacity", "course.capacity.hint", true},
                 {"confidential_by_default", "course.confidential.hint"}});
  choose(f, "category", categories(), "course.category.");
  choose(f, "track", tracks(), "course.track.", true);
  choose(f, "kind", course_kinds(), "course.kind.");
  choose(f, "time_band", time_bands(), "course.time_band.");
  // The status it has and those it may move to (its table's moves).
  std::vector<std::string> statuses{std::string(name_of(c.status))};
  for (auto s : states<CourseStatus>().next(c.status)) statuses.emplace_back(name_of(s));
  choose(f, "status", statuses, "course.status.");
  if (auto* p = find(f, "periods")) p->required = true;
  return f;
}

CourseInstructor read_course_instructor(const web::Form& f, Status& st) {
  CourseInstructor ci;
  entity::from_form(plain_numbers(f, {"instructor_id", "periods"}), ci, st);
  if (st && !ci.instructor_id) st.field("instructor_id", "validation.required");
  return ci;
}

std::vector<web::FieldSpec> course_instructor_fields(const web::Context& ctx, const Choices& instructors) {
  auto f = entity::form_fields(CourseInstructor{});
  add_extras(f, {{"periods", "course.share.hint", true}});
  choose(ctx, f, "instructor_id", instructors, "curriculum.choose");
  if (auto* who = find(f, "instructor_id")) who->required = true;
  return f;
}

CurriculumYear read_year(const web::Form& f, int fiscal_year, Status& st) {
  CurriculumYear y;
  entity::from_form(f, y, st);
  y.fiscal_year = fiscal_year;
  return y;
}

std::vector<web::FieldSpec> year_fields(const CurriculumYear& y) {
  auto f = entity::form_fields(y);
  add_extras(f, {{"drop_deadline", "year.drop_deadline.hint"}});
  choose(f, "choice_rule", choice_rules(), "year.choice_rule.");
  return f;
}

std::optional<std::int64_t> read_number(const std::string& text, const std::string& field, Status& st) {
  return web::read_number(text, field, st);
}

void merge(Status& into, const Status& more) {
  for (const auto& [name, fe] : more.fields())
    if (!into.fields().count(name)) into.field(name, fe.message_id, fe.args);
}

Status move_fields(const Status& st, const std::vector<std::pair<std::string, std::string>>& part_to_field) {
  Status out(st.code(), st.message_id(), st.args());
  for (const auto& [name, fe] : st.fields()) {
    std::string target = name;
    for (const auto& [part, field] : part_to_field)
      if (name.find(part) != std::string::npos) {
        target = field;
        break;
      }
    if (!out.fields().count(target)) out.field(target, fe.message_id, fe.args);
  }
  return out;
}

}  // namespace mdsc::curriculum
