#include "modules/curriculum/model.h"

#include <algorithm>
#include <cctype>

#include "platform/identity/validation.h"

namespace mdsc::curriculum {
namespace {

template <typename T>
entity::Field<T> not_in_json(entity::Field<T> f) {
  f.in_json = false;
  return f;
}

std::string check_name(std::string_view s) { return identity::check_name(s, false); }

// Letters, digits and - _ . (course codes such as "C-L1"), at most 20.
std::string check_code(std::string_view s) {
  bool ok = s.size() <= 20 && std::all_of(s.begin(), s.end(), [](char ch) {
              return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.';
            });
  return ok ? "" : "curriculum.code_format";
}

std::string check_date(std::string_view s) { return valid_date(s) ? "" : "validation.date"; }

}  // namespace

std::string Instructor::name_ja() const { return given_name.empty() ? family_name : family_name + " " + given_name; }

std::string Instructor::name(std::string_view lang) const {
  return lang == "en" && !romaji_name.empty() ? romaji_name : name_ja();
}

std::string Instructor::organization(std::string_view lang) const {
  return lang == "en" && !organization_name_en.empty() ? organization_name_en : organization_name;
}

const std::vector<std::string>& categories() {
  static const std::vector<std::string> v{"common", "specialised"};
  return v;
}
const std::vector<std::string>& tracks() {
  static const std::vector<std::string> v{"bigdata_medicine", "ai_drug_discovery"};
  return v;
}
const std::vector<std::string>& course_kinds() {
  static const std::vector<std::string> v{"lecture", "practical"};
  return v;
}
const std::vector<std::string>& time_bands() {
  static const std::vector<std::string> v{"daytime", "evening"};
  return v;
}
const std::vector<std::string>& course_statuses() {
  static const std::vector<std::string> v = states<CourseStatus>().all_names();
  return v;
}
const std::vector<std::string>& choice_rules() {
  static const std::vector<std::string> v{"free", "required_per_track"};
  return v;
}

bool valid_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i = 0; i < 10; ++i)
    if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  auto number = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  int y = number(0, 4), m = number(5, 2), d = number(8, 2);
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

namespace {

bool fiscal_year_ok(int fy) { return fy >= 2000 && fy <= 2100; }

}  // namespace

Status check_instructor(const Instructor& i) { return entity::validate(i); }

Status check_course(const Course& c) {
  Status st;
  if (!fiscal_year_ok(c.fiscal_year)) st.field("fiscal_year", "validation.fiscal_year");
  bool known_track = std::find(tracks().begin(), tracks().end(), c.track) != tracks().end();
  if (c.category == "common" && !c.track.empty()) st.field("track", "curriculum.track_only_specialised");
  if (c.category == "specialised" && !known_track) st.field("track", "curriculum.track_required");
  if (c.periods <= 0) st.field("periods", "curriculum.periods_positive");
  if (c.capacity && *c.capacity <= 0) st.field("capacity", "validation.positive");
  return entity::validate(c, std::move(st));
}

Status check_year(const CurriculumYear& y) {
  Status st;
  if (!fiscal_year_ok(y.fiscal_year)) st.field("fiscal_year", "validation.fiscal_year");
  return entity::validate(y, std::move(st));
}

namespace {

nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

}  // namespace

nlohmann::json to_json(const Course& c) {
  auto j = entity::to_json(c);
  auto instructors = nlohmann::json::array();
  for (const auto& ci : c.instructors) {
    auto i = entity::to_json(ci);
    i["name"] = ci.instructor.name_ja();
    i["romaji_name"] = ci.instructor.romaji_name;
    i["organization"] = or_null(ci.instructor.organization_name);
    i["organization_en"] = or_null(ci.instructor.organization_name_en);
    instructors.push_back(std::move(i));
  }
  j["instructors"] = std::move(instructors);
  return j;
}

nlohmann::json snapshot(const Course& c) {
  auto j = entity::snapshot(c);
  auto instructors = nlohmann::json::array();
  for (const auto& ci : c.instructors) {
    auto i = entity::snapshot(ci);
    i["name"] = ci.instructor.name_ja();  // who, for a reader of the log
    instructors.push_back(std::move(i));
  }
  j["instructors"] = std::move(instructors);
  return j;
}

using entity::Table, entity::field, entity::columns, entity::enum_field;

const States<CourseStatus>& states_of(CourseStatus) {
  using S = CourseStatus;
  // A course is planned until its content and instructors are confirmed; it may go back to
  // planned while nobody can enroll yet.
  static const States<S> t{{{S::planned, "planned"}, {S::confirmed, "confirmed"}},
                           {{S::planned, S::confirmed}, {S::confirmed, S::planned}}};
  return t;
}

const States<EnrollmentStatus>& states_of(EnrollmentStatus) {
  using S = EnrollmentStatus;
  // A new enrollment starts enrolled (room left) or waitlisted; a dropped one stays as history
  // (enrolling again makes a new row).
  static const States<S> t{{{S::enrolled, "enrolled"}, {S::waitlisted, "waitlisted"}, {S::dropped, "dropped"}},
                           {{S::waitlisted, S::enrolled}, {S::enrolled, S::dropped}, {S::waitlisted, S::dropped}}};
  return t;
}

const entity::Table<Instructor>& Instructor::table() {
  using I = Instructor;
  static const Table<I> t{
      "instructor",
      {field<&I::id>().key(), field<&I::user_id>().nullable(),
       field<&I::family_name>().label("field.family_name").required().check(check_name),
       field<&I::given_name>().label("field.given_name").check(check_name),
       field<&I::family_name_kana>().label("field.family_name_kana").check(identity::check_kana),
       field<&I::given_name_kana>().label("field.given_name_kana").check(identity::check_kana),
       field<&I::romaji_name>().label("field.romaji_name").check(identity::check_romaji),
       field<&I::title>().label("instructor.title").max(100),
       field<&I::organization_id>().label("instructor.organization", "select").nullable(),
       field<&I::department>().label("instructor.department").max(200),
       field<&I::email>().label("field.email", "email").check(identity::check_email),
       field<&I::organization_name>().joined().nullable(), not_in_json(field<&I::organization_name_en>().joined()),
       // The account is chosen by its address on the form; user_id is what is stored.
       not_in_json(field<&I::account_email>().joined().label("instructor.account", "email"))}};
  return t;
}

const entity::Table<CourseInstructor>& CourseInstructor::table() {
  using C = CourseInstructor;
  static const Table<C> t{
      "course_instructor",
      {not_in_json(field<&C::course_id>().read_only().not_audited()),
       field<&C::instructor_id>().label("course.add_instructor", "select"),
       field<&C::periods>().label("course.share").range(0, kMaxPeriods), field<&C::display_order>().read_only()}};
  return t;
}

const entity::Table<Course>& Course::table() {
  using C = Course;
  static const Table<C> t{"course",
                          {field<&C::id>().key(), field<&C::fiscal_year>().label("course.fiscal_year"),
                           field<&C::code>().label("course.code").required().check(check_code),
                           field<&C::title_ja>().label("course.title_ja").required().check(check_name),
                           field<&C::title_en>().label("course.title_en").max(300),
                           field<&C::category>().label("course.category", "select").one_of(categories()),
                           field<&C::track>().label("course.track", "select").nullable().one_of(tracks()),
                           field<&C::kind>().label("course.kind", "select").one_of(course_kinds()),
                           field<&C::periods>().label("course.periods").range(1, kMaxPeriods),
                           field<&C::time_band>().label("course.time_band", "select").one_of(time_bands()),
                           enum_field<&C::status>("status").label("course.status", "select"),
                           field<&C::capacity>().label("course.capacity").range(1, kMaxCapacity),
                           field<&C::confidential_by_default>().label("course.confidential", "checkbox"),
                           field<&C::description>().label("course.description", "textarea").max(20000),
                           field<&C::enrolled>().joined(), field<&C::waitlisted>().joined()}};
  return t;
}

const entity::Table<CurriculumYear>& CurriculumYear::table() {
  using Y = CurriculumYear;
  static const Table<Y> t{"curriculum_year",
                          {field<&Y::fiscal_year>().key(),
                           field<&Y::choice_rule>().label("year.choice_rule", "select").one_of(choice_rules()),
                           field<&Y::drop_deadline>().label("year.drop_deadline", "date").nullable().check(check_date),
                           field<&Y::notes>().label("year.notes").max(2000)}};
  return t;
}

const entity::Table<Enrollment>& Enrollment::table() {
  using E = Enrollment;
  static const Table<E> t{
      "enrollment",
      {field<&E::id>().key(), columns<&E::course_id, &E::user_id>(), enum_field<&E::status>("status"),
       field<&E::waitlist_position>(), field<&E::created_at>().not_audited(), field<&E::enrolled_at>().nullable(),
       field<&E::dropped_at>().nullable(), not_in_json(field<&E::dropped_by>().nullable()),
       field<&E::user_name>().joined(), not_in_json(field<&E::user_email>().joined()),
       not_in_json(field<&E::user_kana>().joined()), not_in_json(field<&E::user_romaji>().joined()),
       field<&E::course_code>().joined(), field<&E::course_title_ja>().joined(), field<&E::course_title_en>().joined(),
       field<&E::fiscal_year>().joined()}};
  return t;
}

}  // namespace mdsc::curriculum
