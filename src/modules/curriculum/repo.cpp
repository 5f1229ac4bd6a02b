#include "modules/curriculum/repo.h"

#include <algorithm>

namespace mdsc::curriculum::repo {
namespace {

db::Param opt_id(std::int64_t id) { return id ? db::Param(id) : db::Param(nullptr); }
db::Param opt_int(const std::optional<int>& v) { return v ? db::Param(*v) : db::Param(nullptr); }
db::Param opt_text(const std::string& s) { return s.empty() ? db::Param(nullptr) : db::Param(s); }

const char* kInstructorSelect =
    "SELECT i.id, i.user_id, i.family_name, i.given_name, i.family_name_kana, i.given_name_kana, i.romaji_name, "
    "i.title, i.organization_id, i.department, i.email, o.name AS org_name, o.name_en AS org_name_en, "
    "u.email AS user_email FROM instructors i LEFT JOIN organizations o ON o.id = i.organization_id "
    "LEFT JOIN users u ON u.id = i.user_id";

Instructor instructor_from(const db::Row& r, const std::string& id_column = "id") {
  Instructor i;
  i.id = r.i64(id_column);
  i.user_id = r.i64("user_id");
  i.family_name = r.str("family_name");
  i.given_name = r.str("given_name");
  i.family_name_kana = r.str("family_name_kana");
  i.given_name_kana = r.str("given_name_kana");
  i.romaji_name = r.str("romaji_name");
  i.title = r.str("title");
  i.organization_id = r.i64("organization_id");
  i.department = r.str("department");
  i.email = r.str("email");
  i.organization_name = r.str("org_name");
  i.organization_name_en = r.str("org_name_en");
  i.user_email = r.str("user_email");
  return i;
}

std::string instructor_where(const InstructorQuery& q, db::Params& p) {
  if (q.search.empty()) return "";
  std::string like = "%" + q.search + "%";
  for (int n = 0; n < 6; ++n) p.emplace_back(like);
  return " WHERE ((i.family_name || i.given_name) LIKE ? OR (i.family_name_kana || i.given_name_kana) LIKE ? "
         "OR LOWER(i.romaji_name) LIKE LOWER(?) OR o.name LIKE ? OR LOWER(o.name_en) LIKE LOWER(?) OR i.title LIKE ?)";
}

const char* kCourseSelect =
    "SELECT c.id, c.fiscal_year, c.code, c.title_ja, c.title_en, c.category, c.track, c.kind, c.periods, c.time_band, "
    "c.status, c.description, c.capacity, c.confidential_by_default, "
    "(SELECT COUNT(*) FROM enrollments e WHERE e.course_id = c.id AND e.status = 'enrolled') AS enrolled, "
    "(SELECT COUNT(*) FROM enrollments e WHERE e.course_id = c.id AND e.status = 'waitlisted') AS waitlisted "
    "FROM courses c";

Course course_from(const db::Row& r) {
  Course c;
  c.id = r.i64("id");
  c.fiscal_year = static_cast<int>(r.i64("fiscal_year"));
  c.code = r.str("code");
  c.title_ja = r.str("title_ja");
  c.title_en = r.str("title_en");
  c.category = r.str("category");
  c.track = r.str("track");
  c.kind = r.str("kind");
  c.periods = static_cast<int>(r.i64("periods"));
  c.time_band = r.str("time_band");
  c.status = r.str("status");
  c.description = r.str("description");
  if (auto cap = r.opt_i64("capacity")) c.capacity = static_cast<int>(*cap);
  c.confidential_by_default = r.boolean("confidential_by_default");
  c.enrolled = static_cast<int>(r.i64("enrolled"));
  c.waitlisted = static_cast<int>(r.i64("waitlisted"));
  return c;
}

const char* kCourseInstructorSelect =
    "SELECT ci.course_id, ci.instructor_id, ci.periods AS share, ci.display_order, i.user_id, i.family_name, "
    "i.given_name, i.family_name_kana, i.given_name_kana, i.romaji_name, i.title, i.organization_id, i.department, "
    "i.email, o.name AS org_name, o.name_en AS org_name_en, '' AS user_email FROM course_instructors ci "
    "JOIN instructors i ON i.id = ci.instructor_id LEFT JOIN organizations o ON o.id = i.organization_id";

CourseInstructor course_instructor_from(const db::Row& r) {
  CourseInstructor ci;
  ci.instructor_id = r.i64("instructor_id");
  if (auto s = r.opt_i64("share")) ci.periods = static_cast<int>(*s);
  ci.display_order = static_cast<int>(r.i64("display_order"));
  ci.instructor = instructor_from(r, "instructor_id");
  return ci;
}

db::Params course_params(const Course& c) {
  return {c.fiscal_year, c.code, c.title_ja, c.title_en, c.category, opt_text(c.track), c.kind, c.periods,
          c.time_band, c.status, c.description, opt_int(c.capacity), c.confidential_by_default};
}

const char* kEnrollmentSelect =
    "SELECT e.id, e.course_id, e.user_id, e.status, e.waitlist_position, e.created_at, e.enrolled_at, e.dropped_at, "
    "e.dropped_by, u.family_name, u.given_name, u.family_name_kana, u.given_name_kana, u.romaji_name, u.email, "
    "c.code, c.title_ja, c.title_en, c.fiscal_year FROM enrollments e JOIN users u ON u.id = e.user_id "
    "JOIN courses c ON c.id = e.course_id";
const char* kEnrollmentOrder =
    " ORDER BY c.fiscal_year DESC, c.code, CASE e.status WHEN 'enrolled' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, "
    "e.waitlist_position, e.id";

Enrollment enrollment_from(const db::Row& r) {
  Enrollment e;
  e.id = r.i64("id");
  e.course_id = r.i64("course_id");
  e.user_id = r.i64("user_id");
  e.status = r.str("status");
  if (auto p = r.opt_i64("waitlist_position")) e.waitlist_position = static_cast<int>(*p);
  e.created_at = r.i64("created_at");
  e.enrolled_at = r.i64("enrolled_at");
  e.dropped_at = r.i64("dropped_at");
  e.dropped_by = r.i64("dropped_by");
  std::string given = r.str("given_name");
  e.user_name = r.str("family_name") + (given.empty() ? "" : " " + given);
  std::string given_kana = r.str("given_name_kana");
  e.user_kana = r.str("family_name_kana") + (given_kana.empty() ? "" : " " + given_kana);
  e.user_romaji = r.str("romaji_name");
  e.user_email = r.str("email");
  e.course_code = r.str("code");
  e.course_title_ja = r.str("title_ja");
  e.course_title_en = r.str("title_en");
  e.fiscal_year = static_cast<int>(r.i64("fiscal_year"));
  return e;
}

std::string enrollment_where(const EnrollmentQuery& q, db::Params& p) {
  std::string w = " WHERE 1=1";
  if (q.course_id) {
    w += " AND e.course_id = ?";
    p.emplace_back(q.course_id);
  }
  if (q.user_id) {
    w += " AND e.user_id = ?";
    p.emplace_back(q.user_id);
  }
  if (q.fiscal_year) {
    w += " AND c.fiscal_year = ?";
    p.emplace_back(q.fiscal_year);
  }
  if (q.status.empty()) {
    w += " AND e.status <> 'dropped'";
  } else if (q.status != "all") {
    w += " AND e.status = ?";
    p.emplace_back(q.status);
  }
  if (q.course_ids) {
    if (q.course_ids->empty()) return w + " AND 1=0";
    w += " AND e.course_id IN (";
    for (std::size_t i = 0; i < q.course_ids->size(); ++i) {
      w += i ? ", ?" : "?";
      p.emplace_back((*q.course_ids)[i]);
    }
    w += ")";
  }
  return w;
}

}  // namespace

std::optional<Instructor> instructor(db::Conn& c, std::int64_t id) {
  auto r = c.query_one(std::string(kInstructorSelect) + " WHERE i.id = ?", {id});
  if (!r) return std::nullopt;
  return instructor_from(*r);
}

std::optional<Instructor> instructor_of_user(db::Conn& c, std::int64_t user_id) {
  auto r = c.query_one(std::string(kInstructorSelect) + " WHERE i.user_id = ?", {user_id});
  if (!r) return std::nullopt;
  return instructor_from(*r);
}

std::vector<Instructor> instructors(db::Conn& c, const InstructorQuery& q) {
  db::Params p;
  std::string sql = std::string(kInstructorSelect) + instructor_where(q, p) +
                    " ORDER BY i.family_name_kana, i.given_name_kana, i.family_name, i.given_name, i.id LIMIT ? OFFSET ?";
  p.emplace_back(q.limit);
  p.emplace_back(q.offset);
  std::vector<Instructor> out;
  for (const auto& r : c.query(sql, p)) out.push_back(instructor_from(r));
  return out;
}

long count_instructors(db::Conn& c, const InstructorQuery& q) {
  db::Params p;
  return static_cast<long>(c.scalar_i64(
      "SELECT COUNT(*) FROM instructors i LEFT JOIN organizations o ON o.id = i.organization_id" + instructor_where(q, p), p));
}

std::int64_t insert_instructor(db::Conn& c, const Instructor& i, const std::string& now) {
  return c.insert(
      "INSERT INTO instructors (user_id, family_name, given_name, family_name_kana, given_name_kana, romaji_name, "
      "title, organization_id, department, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {opt_id(i.user_id), i.family_name, i.given_name, i.family_name_kana, i.given_name_kana, i.romaji_name, i.title,
       opt_id(i.organization_id), i.department, i.email, now, now});
}

void update_instructor(db::Conn& c, const Instructor& i, const std::string& now) {
  c.exec(
      "UPDATE instructors SET user_id = ?, family_name = ?, given_name = ?, family_name_kana = ?, given_name_kana = ?, "
      "romaji_name = ?, title = ?, organization_id = ?, department = ?, email = ?, updated_at = ? WHERE id = ?",
      {opt_id(i.user_id), i.family_name, i.given_name, i.family_name_kana, i.given_name_kana, i.romaji_name, i.title,
       opt_id(i.organization_id), i.department, i.email, now, i.id});
}

CurriculumYear year(db::Conn& c, int fiscal_year) {
  CurriculumYear y;
  y.fiscal_year = fiscal_year;
  auto r = c.query_one("SELECT choice_rule, drop_deadline, notes FROM curriculum_years WHERE fiscal_year = ?",
                       {fiscal_year});
  if (!r) return y;
  y.choice_rule = r->str("choice_rule");
  y.drop_deadline = r->str("drop_deadline");
  y.notes = r->str("notes");
  y.stored = true;
  return y;
}

void save_year(db::Conn& c, const CurriculumYear& y, const std::string& now) {
  c.exec(
      "INSERT INTO curriculum_years (fiscal_year, choice_rule, drop_deadline, notes, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fiscal_year) DO UPDATE SET choice_rule = excluded.choice_rule, "
      "drop_deadline = excluded.drop_deadline, notes = excluded.notes, updated_at = excluded.updated_at",
      {y.fiscal_year, y.choice_rule, opt_text(y.drop_deadline), y.notes, now, now});
}

std::vector<int> course_years(db::Conn& c) {
  std::vector<int> out;
  for (const auto& r : c.query("SELECT DISTINCT fiscal_year FROM courses ORDER BY fiscal_year DESC"))
    out.push_back(static_cast<int>(r.i64("fiscal_year")));
  return out;
}

std::optional<Course> course(db::Conn& c, std::int64_t id) {
  auto r = c.query_one(std::string(kCourseSelect) + " WHERE c.id = ?", {id});
  if (!r) return std::nullopt;
  Course out = course_from(*r);
  for (const auto& row : c.query(std::string(kCourseInstructorSelect) + " WHERE ci.course_id = ? ORDER BY ci.display_order, ci.instructor_id", {id}))
    out.instructors.push_back(course_instructor_from(row));
  return out;
}

std::optional<Course> course_by_code(db::Conn& c, int fiscal_year, const std::string& code) {
  auto r = c.query_one("SELECT id FROM courses WHERE fiscal_year = ? AND code = ?", {fiscal_year, code});
  if (!r) return std::nullopt;
  return course(c, r->i64("id"));
}

std::vector<Course> courses(db::Conn& c, int fiscal_year, const std::optional<std::vector<std::int64_t>>& only_ids) {
  std::vector<Course> out;
  for (const auto& r : c.query(std::string(kCourseSelect) + " WHERE c.fiscal_year = ? ORDER BY c.code, c.id", {fiscal_year})) {
    Course course = course_from(r);
    if (only_ids && std::find(only_ids->begin(), only_ids->end(), course.id) == only_ids->end()) continue;
    out.push_back(std::move(course));
  }
  for (const auto& row : c.query(std::string(kCourseInstructorSelect) +
                                     " JOIN courses c ON c.id = ci.course_id WHERE c.fiscal_year = ? "
                                     "ORDER BY ci.course_id, ci.display_order, ci.instructor_id",
                                 {fiscal_year})) {
    auto id = row.i64("course_id");
    for (auto& course : out)
      if (course.id == id) course.instructors.push_back(course_instructor_from(row));
  }
  return out;
}

std::int64_t insert_course(db::Conn& c, const Course& course, const std::string& now) {
  auto p = course_params(course);
  p.emplace_back(now);
  p.emplace_back(now);
  return c.insert(
      "INSERT INTO courses (fiscal_year, code, title_ja, title_en, category, track, kind, periods, time_band, status, "
      "description, capacity, confidential_by_default, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      p);
}

void update_course(db::Conn& c, const Course& course, const std::string& now) {
  auto p = course_params(course);
  p.emplace_back(now);
  p.emplace_back(course.id);
  c.exec(
      "UPDATE courses SET fiscal_year = ?, code = ?, title_ja = ?, title_en = ?, category = ?, track = ?, kind = ?, "
      "periods = ?, time_band = ?, status = ?, description = ?, capacity = ?, confidential_by_default = ?, "
      "updated_at = ? WHERE id = ?",
      p);
}

void replace_course_instructors(db::Conn& c, std::int64_t course_id, const std::vector<CourseInstructor>& list) {
  c.exec("DELETE FROM course_instructors WHERE course_id = ?", {course_id});
  for (const auto& ci : list)
    c.exec("INSERT INTO course_instructors (course_id, instructor_id, periods, display_order) VALUES (?, ?, ?, ?)",
           {course_id, ci.instructor_id, opt_int(ci.periods), ci.display_order});
}

bool lock_course(db::Conn& c, std::int64_t id) {
  return c.exec("UPDATE courses SET updated_at = updated_at WHERE id = ?", {id}) > 0;
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

std::vector<std::pair<std::int64_t, std::string>> trainee_choices(db::Conn& c) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const auto& r : c.query(
           "SELECT DISTINCT u.id, u.family_name, u.given_name, u.family_name_kana, u.given_name_kana, u.email FROM users u "
           "JOIN roles r ON r.user_id = u.id WHERE r.role = 'trainee' AND u.active = 1 "
           "ORDER BY u.family_name_kana, u.given_name_kana, u.id"))
    out.emplace_back(r.i64("id"), r.str("family_name") + " " + r.str("given_name") + " <" + r.str("email") + ">");
  return out;
}

std::vector<std::pair<std::int64_t, std::string>> institution_choices(db::Conn& c) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const auto& r : c.query("SELECT id, name FROM organizations WHERE kind <> 'company' ORDER BY kind DESC, name_kana, name, id"))
    out.emplace_back(r.i64("id"), r.str("name"));
  return out;
}

std::optional<Enrollment> enrollment(db::Conn& c, std::int64_t id) {
  auto r = c.query_one(std::string(kEnrollmentSelect) + " WHERE e.id = ?", {id});
  if (!r) return std::nullopt;
  return enrollment_from(*r);
}

std::optional<Enrollment> active_enrollment(db::Conn& c, std::int64_t course_id, std::int64_t user_id) {
  auto r = c.query_one(std::string(kEnrollmentSelect) + " WHERE e.course_id = ? AND e.user_id = ? AND e.status <> 'dropped'",
                       {course_id, user_id});
  if (!r) return std::nullopt;
  return enrollment_from(*r);
}

std::vector<Enrollment> enrollments(db::Conn& c, const EnrollmentQuery& q) {
  db::Params p;
  std::string sql = std::string(kEnrollmentSelect) + enrollment_where(q, p) + kEnrollmentOrder + " LIMIT ? OFFSET ?";
  p.emplace_back(q.limit);
  p.emplace_back(q.offset);
  std::vector<Enrollment> out;
  for (const auto& r : c.query(sql, p)) out.push_back(enrollment_from(r));
  return out;
}

long count_enrollments(db::Conn& c, const EnrollmentQuery& q) {
  db::Params p;
  return static_cast<long>(c.scalar_i64(
      "SELECT COUNT(*) FROM enrollments e JOIN courses c ON c.id = e.course_id" + enrollment_where(q, p), p));
}

int count_status(db::Conn& c, std::int64_t course_id, const std::string& status) {
  return static_cast<int>(
      c.scalar_i64("SELECT COUNT(*) FROM enrollments WHERE course_id = ? AND status = ?", {course_id, status}));
}

std::int64_t insert_enrollment(db::Conn& c, const Enrollment& e, std::int64_t now) {
  return c.insert(
      "INSERT INTO enrollments (course_id, user_id, status, waitlist_position, created_at, enrolled_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {e.course_id, e.user_id, e.status, opt_int(e.waitlist_position), now,
       e.enrolled_at ? db::Param(e.enrolled_at) : db::Param(nullptr), now});
}

void update_enrollment(db::Conn& c, const Enrollment& e, std::int64_t now) {
  c.exec(
      "UPDATE enrollments SET status = ?, waitlist_position = ?, enrolled_at = ?, dropped_at = ?, dropped_by = ?, "
      "updated_at = ? WHERE id = ?",
      {e.status, opt_int(e.waitlist_position), e.enrolled_at ? db::Param(e.enrolled_at) : db::Param(nullptr),
       e.dropped_at ? db::Param(e.dropped_at) : db::Param(nullptr), opt_id(e.dropped_by), now, e.id});
}

std::optional<Enrollment> first_waitlisted(db::Conn& c, std::int64_t course_id) {
  auto r = c.query_one(std::string(kEnrollmentSelect) +
                           " WHERE e.course_id = ? AND e.status = 'waitlisted' ORDER BY e.waitlist_position, e.id LIMIT 1",
                       {course_id});
  if (!r) return std::nullopt;
  return enrollment_from(*r);
}

int last_waitlist_position(db::Conn& c, std::int64_t course_id) {
  return static_cast<int>(c.scalar_i64(
      "SELECT COALESCE(MAX(waitlist_position), 0) FROM enrollments WHERE course_id = ? AND status = 'waitlisted'",
      {course_id}));
}

void renumber_waitlist(db::Conn& c, std::int64_t course_id, std::int64_t now) {
  int n = 0;
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
