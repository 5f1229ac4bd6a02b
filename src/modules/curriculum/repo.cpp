#include "modules/curriculum/repo.h"

#include <algorithm>

#include "db/where.h"
#include "platform/identity/repo.h"

namespace mdsc::curriculum::repo {

namespace sql {
const char* const insert_instructor =
    "INSERT INTO instructors (user_id, family_name, given_name, family_name_kana, given_name_kana, romaji_name, title, "
    "organization_id, department, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const char* const insert_course =
    "INSERT INTO courses (fiscal_year, code, title_ja, title_en, category, track, kind, periods, time_band, status, "
    "capacity, confidential_by_default, description, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const char* const insert_course_instructor =
    "INSERT INTO course_instructors (course_id, instructor_id, periods, display_order) VALUES (?, ?, ?, ?)";
const char* const save_year =
    "INSERT INTO curriculum_years (fiscal_year, choice_rule, drop_deadline, notes, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fiscal_year) DO UPDATE SET choice_rule = excluded.choice_rule, "
    "drop_deadline = excluded.drop_deadline, notes = excluded.notes, updated_at = excluded.updated_at";
const char* const insert_enrollment =
    "INSERT INTO enrollments (course_id, user_id, status, waitlist_position, created_at, enrolled_at, dropped_at, "
    "dropped_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
}  // namespace sql

namespace {

const char* kInstructorSelect =
    "SELECT i.*, o.name AS organization_name, o.name_en AS organization_name_en, u.email AS account_email "
    "FROM instructors i LEFT JOIN organizations o ON o.id = i.organization_id LEFT JOIN users u ON u.id = i.user_id";

std::string instructor_where(const InstructorQuery& q, db::Params& p) {
  if (q.search.empty()) return "";
  std::string like = "%" + q.search + "%";
  for (int n = 0; n < 6; ++n) p.emplace_back(like);
  return " WHERE ((i.family_name || i.given_name) LIKE ? OR (i.family_name_kana || i.given_name_kana) LIKE ? "
         "OR LOWER(i.romaji_name) LIKE LOWER(?) OR o.name LIKE ? OR LOWER(o.name_en) LIKE LOWER(?) OR i.title LIKE ?)";
}

const char* kCourseSelect =
    "SELECT c.*, "
    "(SELECT COUNT(*) FROM enrollments e WHERE e.course_id = c.id AND e.status = 'enrolled') AS enrolled, "
    "(SELECT COUNT(*) FROM enrollments e WHERE e.course_id = c.id AND e.status = 'waitlisted') AS waitlisted "
    "FROM courses c";

// A course's instructor and the instructor's own fields, in one row for both tables.
const char* kCourseInstructorSelect =
    "SELECT ci.course_id, ci.instructor_id, ci.periods, ci.display_order, i.id, i.user_id, i.family_name, i.given_name, "
    "i.family_name_kana, i.given_name_kana, i.romaji_name, i.title, i.organization_id, i.department, i.email, "
    "o.name AS organization_name, o.name_en AS organization_name_en FROM course_instructors ci "
    "JOIN instructors i ON i.id = ci.instructor_id LEFT JOIN organizations o ON o.id = i.organization_id";

CourseInstructor course_instructor_from(const db::Row& r) {
  auto ci = entity::from_row<CourseInstructor>(r);
  ci.instructor = entity::from_row<Instructor>(r);
  return ci;
}

db::Params with(db::Params p, std::initializer_list<db::Param> more) {
  p.insert(p.end(), more.begin(), more.end());
  return p;
}

const char* kEnrollmentSelect =
    "SELECT e.*, u.family_name || CASE WHEN u.given_name = '' THEN '' ELSE ' ' || u.given_name END AS user_name, "
    "u.email AS user_email, "
    "u.family_name_kana || CASE WHEN u.given_name_kana = '' THEN '' ELSE ' ' || u.given_name_kana END AS user_kana, "
    "u.romaji_name AS user_romaji, c.code AS course_code, c.title_ja AS course_title_ja, "
    "c.title_en AS course_title_en, c.fiscal_year FROM enrollments e JOIN users u ON u.id = e.user_id "
    "JOIN courses c ON c.id = e.course_id";
const char* kEnrollmentOrder =
    " ORDER BY c.fiscal_year DESC, c.code, CASE e.status WHEN 'enrolled' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, "
    "e.waitlist_position, e.id";

std::string enrollment_where(const EnrollmentQuery& q, db::Params& p) {
  db::Where w(p);
  if (q.course_id) w.add("e.course_id = ?", {q.course_id});
  if (q.user_id) w.add("e.user_id = ?", {q.user_id});
  if (q.fiscal_year) w.add("c.fiscal_year = ?", {q.fiscal_year});
  if (q.status)
    w.add("e.status = ?", {std::string(name_of(*q.status))});
  else if (!q.any_status)
    w.add("e.status <> 'dropped'");
  if (q.course_ids) w.in("e.course_id IN", *q.course_ids);
  return w.sql();
}

template <typename T>
std::optional<T> one(const std::optional<db::Row>& r) {
  if (!r) return std::nullopt;
  return entity::from_row<T>(*r);
}

}  // namespace

// Instructors ---------------------------------------------------------------------------------

std::optional<Instructor> instructor(db::Conn& c, std::int64_t id) {
  return one<Instructor>(c.query_one(std::string(kInstructorSelect) + " WHERE i.id = ?", {id}));
}

std::optional<Instructor> instructor_of_user(db::Conn& c, std::int64_t user_id) {
  return one<Instructor>(c.query_one(std::string(kInstructorSelect) + " WHERE i.user_id = ?", {user_id}));
}

std::vector<Instructor> instructors(db::Conn& c, const InstructorQuery& q) {
  db::Params p;
  std::string sql = std::string(kInstructorSelect) + instructor_where(q, p) +
                    " ORDER BY i.family_name_kana, i.given_name_kana, i.family_name, i.given_name, i.id";
  return entity::select<Instructor>(c, sql + db::page(p, q.limit, q.offset), p);
}

long count_instructors(db::Conn& c, const InstructorQuery& q) {
  db::Params p;
  return static_cast<long>(c.scalar_i64(
      "SELECT COUNT(*) FROM instructors i LEFT JOIN organizations o ON o.id = i.organization_id" + instructor_where(q, p), p));
}

std::int64_t insert_instructor(db::Conn& c, const Instructor& i, const std::string& now) {
  return c.insert(sql::insert_instructor, with(entity::params(i), {now, now}));
}

void update_instructor(db::Conn& c, const Instructor& i, const std::string& now) {
  c.exec(
      "UPDATE instructors SET user_id = ?, family_name = ?, given_name = ?, family_name_kana = ?, given_name_kana = ?, "
      "romaji_name = ?, title = ?, organization_id = ?, department = ?, email = ?, updated_at = ? WHERE id = ?",
      with(entity::params(i), {now, i.id}));
}

bool lock_instructor(db::Conn& c, std::int64_t id) {
  return c.exec("UPDATE instructors SET updated_at = updated_at WHERE id = ?", {id}) > 0;
}

std::optional<std::string> organization_kind(db::Conn& c, std::int64_t organization_id) {
  auto r = c.query_one("SELECT kind FROM organizations WHERE id = ?", {organization_id});
  if (!r) return std::nullopt;
  return r->str("kind");
}

std::vector<std::pair<std::int64_t, std::string>> institution_choices(db::Conn& c) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const auto& r : c.query("SELECT id, name FROM organizations WHERE kind <> 'company' ORDER BY kind DESC, name_kana, name, id"))
    out.emplace_back(r.i64("id"), r.str("name"));
  return out;
}

// Accounts --------------------------------------------------------------------------------------

bool user_exists(db::Conn& c, std::int64_t user_id) {
  return c.scalar_i64("SELECT COUNT(*) FROM users WHERE id = ?", {user_id}) > 0;
}

bool is_active_trainee(db::Conn& c, std::int64_t user_id) {
  return c.scalar_i64(
             "SELECT COUNT(*) FROM roles r JOIN users u ON u.id = r.user_id WHERE r.user_id = ? AND r.role = 'trainee' "
             "AND u.active = 1",
             {user_id}) > 0;
}

std::vector<std::pair<std::int64_t, std::string>> trainee_choices(db::Conn& c) {
  return identity::repo::user_choices(
      c,
      "SELECT DISTINCT u.id, u.family_name, u.given_name, u.family_name_kana, u.given_name_kana, u.email FROM users u "
      "JOIN roles r ON r.user_id = u.id WHERE r.role = 'trainee' AND u.active = 1 "
      "ORDER BY u.family_name_kana, u.given_name_kana, u.id");
}

std::optional<Recipient> recipient(db::Conn& c, std::int64_t user_id) {
  auto u = c.query_one("SELECT email, preferred_lang, family_name, given_name FROM users WHERE id = ?", {user_id});
  if (!u) return std::nullopt;
  return Recipient{u->str("email"), u->str("preferred_lang") == "en" ? "en" : "ja",
                   u->str("family_name") + " " + u->str("given_name")};
}

bool accepted_for_year(db::Conn& c, std::int64_t user_id, int fiscal_year) {
  return c.scalar_i64("SELECT COUNT(*) FROM applications WHERE user_id = ? AND fiscal_year = ? AND status = 'accepted'",
                      {user_id, fiscal_year}) > 0;
}

// Years -----------------------------------------------------------------------------------------

CurriculumYear year(db::Conn& c, int fiscal_year) {
  auto r = c.query_one("SELECT * FROM curriculum_years WHERE fiscal_year = ?", {fiscal_year});
  if (!r) {
    CurriculumYear defaults;
    defaults.fiscal_year = fiscal_year;
    return defaults;
  }
  auto y = entity::from_row<CurriculumYear>(*r);
  y.stored = true;
  return y;
}

void save_year(db::Conn& c, const CurriculumYear& y, const std::string& now) {
  auto p = with(entity::params(y), {now, now});
  p.insert(p.begin(), db::Param(y.fiscal_year));
  c.exec(sql::save_year, p);
}

std::vector<int> course_years(db::Conn& c) {
  std::vector<int> out;
  for (const auto& r : c.query("SELECT DISTINCT fiscal_year FROM courses ORDER BY fiscal_year DESC"))
    out.push_back(static_cast<int>(r.i64("fiscal_year")));
  return out;
}

// Courses ---------------------------------------------------------------------------------------

std::optional<Course> course(db::Conn& c, std::int64_t id) {
  auto out = one<Course>(c.query_one(std::string(kCourseSelect) + " WHERE c.id = ?", {id}));
  if (!out) return out;
  for (const auto& row : c.query(std::string(kCourseInstructorSelect) +
                                     " WHERE ci.course_id = ? ORDER BY ci.display_order, ci.instructor_id",
                                 {id}))
    out->instructors.push_back(course_instructor_from(row));
  return out;
}

std::optional<std::int64_t> course_id_by_code(db::Conn& c, int fiscal_year, const std::string& code) {
  auto r = c.query_one("SELECT id FROM courses WHERE fiscal_year = ? AND code = ?", {fiscal_year, code});
  if (!r) return std::nullopt;
  return r->i64("id");
}

std::vector<Course> courses(db::Conn& c, int fiscal_year) {
  auto out = entity::from_rows<Course>(
      c.query(std::string(kCourseSelect) + " WHERE c.fiscal_year = ? ORDER BY c.code, c.id", {fiscal_year}));
  for (const auto& row : c.query(std::string(kCourseInstructorSelect) +
                                     " JOIN courses c ON c.id = ci.course_id WHERE c.fiscal_year = ? "
                                     "ORDER BY ci.course_id, ci.display_order, ci.instructor_id",
                                 {fiscal_year})) {
    auto ci = course_instructor_from(row);
    for (auto& course : out)
      if (course.id == ci.course_id) course.instructors.push_back(ci);
  }
  return out;
}

std::vector<Course> courses_of_instructor(db::Conn& c, std::int64_t instructor_id) {
  return entity::from_rows<Course>(c.query(std::string(kCourseSelect) +
                                               " JOIN course_instructors ci ON ci.course_id = c.id WHERE ci.instructor_id = ? "
                                               "ORDER BY c.fiscal_year DESC, c.code, c.id",
                                           {instructor_id}));
}

std::int64_t insert_course(db::Conn& c, const Course& course, const std::string& now) {
  return c.insert(sql::insert_course, with(entity::params(course), {now, now}));
}

void update_course(db::Conn& c, const Course& course, const std::string& now) {
  c.exec(
      "UPDATE courses SET fiscal_year = ?, code = ?, title_ja = ?, title_en = ?, category = ?, track = ?, kind = ?, "
      "periods = ?, time_band = ?, status = ?, capacity = ?, confidential_by_default = ?, description = ?, "
      "updated_at = ? WHERE id = ?",
      with(entity::params(course), {now, course.id}));
}

void replace_course_instructors(db::Conn& c, std::int64_t course_id, const std::vector<CourseInstructor>& list) {
  c.exec("DELETE FROM course_instructors WHERE course_id = ?", {course_id});
  for (auto ci : list) {
    ci.course_id = course_id;
    c.exec(sql::insert_course_instructor, entity::params(ci));
  }
}

bool lock_course(db::Conn& c, std::int64_t id) {
  return c.exec("UPDATE courses SET updated_at = updated_at WHERE id = ?", {id}) > 0;
}

bool instructor_exists(db::Conn& c, std::int64_t id) {
  return c.scalar_i64("SELECT COUNT(*) FROM instructors WHERE id = ?", {id}) > 0;
}

std::vector<std::int64_t> courses_taught_by_user(db::Conn& c, std::int64_t user_id) {
  std::vector<std::int64_t> out;
  for (const auto& r : c.query(
           "SELECT DISTINCT ci.course_id FROM course_instructors ci JOIN instructors i ON i.id = ci.instructor_id "
           "WHERE i.user_id = ? ORDER BY ci.course_id",
           {user_id}))
    out.push_back(r.i64("course_id"));
  return out;
}

bool user_teaches(db::Conn& c, std::int64_t user_id, std::int64_t course_id) {
  return c.scalar_i64(
             "SELECT COUNT(*) FROM course_instructors ci JOIN instructors i ON i.id = ci.instructor_id "
             "WHERE i.user_id = ? AND ci.course_id = ?",
             {user_id, course_id}) > 0;
}

// Enrollments -----------------------------------------------------------------------------------

std::optional<Enrollment> enrollment(db::Conn& c, std::int64_t id) {
  return one<Enrollment>(c.query_one(std::string(kEnrollmentSelect) + " WHERE e.id = ?", {id}));
}

std::optional<std::int64_t> course_of_enrollment(db::Conn& c, std::int64_t id) {
  auto r = c.query_one("SELECT course_id FROM enrollments WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return r->i64("course_id");
}

std::optional<Enrollment> active_enrollment(db::Conn& c, std::int64_t course_id, std::int64_t user_id) {
  return one<Enrollment>(c.query_one(
      std::string(kEnrollmentSelect) + " WHERE e.course_id = ? AND e.user_id = ? AND e.status <> 'dropped'",
      {course_id, user_id}));
}

std::vector<Enrollment> enrollments(db::Conn& c, const EnrollmentQuery& q) {
  db::Params p;
  std::string sql = std::string(kEnrollmentSelect) + enrollment_where(q, p) + kEnrollmentOrder;
  return entity::select<Enrollment>(c, sql + db::page(p, q.limit, q.offset), p);
}

long count_enrollments(db::Conn& c, const EnrollmentQuery& q) {
  db::Params p;
  return static_cast<long>(c.scalar_i64(
      "SELECT COUNT(*) FROM enrollments e JOIN courses c ON c.id = e.course_id" + enrollment_where(q, p), p));
}

std::vector<std::pair<std::int64_t, std::int64_t>> enrolled_pairs(db::Conn& c, int fiscal_year) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& r : c.query(
           "SELECT e.course_id, e.user_id FROM enrollments e JOIN courses k ON k.id = e.course_id "
           "WHERE k.fiscal_year = ? AND e.status = 'enrolled' ORDER BY e.course_id, e.user_id",
           {fiscal_year}))
    out.emplace_back(r.i64("course_id"), r.i64("user_id"));
  return out;
}

std::int64_t insert_enrollment(db::Conn& c, const Enrollment& e, std::int64_t now) {
  return c.insert(sql::insert_enrollment, with(entity::params(e), {now}));
}

void update_enrollment(db::Conn& c, const Enrollment& e, std::int64_t now) {
  c.exec(
      "UPDATE enrollments SET course_id = ?, user_id = ?, status = ?, waitlist_position = ?, created_at = ?, "
      "enrolled_at = ?, dropped_at = ?, dropped_by = ?, updated_at = ? WHERE id = ?",
      with(entity::params(e), {now, e.id}));
}

std::optional<Enrollment> first_waitlisted(db::Conn& c, std::int64_t course_id) {
  return one<Enrollment>(c.query_one(
      std::string(kEnrollmentSelect) +
          " WHERE e.course_id = ? AND e.status = 'waitlisted' ORDER BY e.waitlist_position, e.id LIMIT 1",
      {course_id}));
}

std::int64_t last_waitlist_position(db::Conn& c, std::int64_t course_id) {
  return c.scalar_i64(
      "SELECT COALESCE(MAX(waitlist_position), 0) FROM enrollments WHERE course_id = ? AND status = 'waitlisted'",
      {course_id});
}

void renumber_waitlist(db::Conn& c, std::int64_t course_id, std::int64_t now) {
  std::int64_t n = 0;
  for (const auto& r : c.query(
           "SELECT id, waitlist_position FROM enrollments WHERE course_id = ? AND status = 'waitlisted' "
           "ORDER BY waitlist_position, id",
           {course_id})) {
    ++n;
    if (r.i64("waitlist_position") != n)
      c.exec("UPDATE enrollments SET waitlist_position = ?, updated_at = ? WHERE id = ?", {n, now, r.i64("id")});
  }
}

}  // namespace mdsc::curriculum::repo
