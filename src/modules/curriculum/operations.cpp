#include "modules/curriculum/operations.h"

#include <set>

#include "core/clock.h"
#include "modules/curriculum/repo.h"
#include "platform/identity/validation.h"

namespace mdsc::curriculum {
namespace {

std::string iso(const Work& w) { return to_iso_utc(w.now); }

// The affiliation is an institution (organisations are the members module's), the account exists
// and no other instructor has it.
Status check_links(db::Conn& c, const Instructor& i) {
  Status st;
  if (i.organization_id) {
    auto kind = repo::organization_kind(c, i.organization_id);
    if (!kind || *kind == "company") st.field("organization_id", "curriculum.organization_not_institution");
  }
  if (i.user_id) {
    if (!repo::user_exists(c, i.user_id)) {
      st.field("user_id", "curriculum.no_such_account");
    } else if (auto other = repo::instructor_of_user(c, i.user_id); other && other->id != i.id) {
      st.field("user_id", "curriculum.account_linked", {{"name", other->name_ja()}});
    }
  }
  return st;
}

// The instructors of a course: each known and listed once, shares within the course's periods.
Status check_instructors(db::Conn& c, const std::vector<CourseInstructor>& list, int course_periods) {
  Status st;
  std::set<std::int64_t> seen;
  std::int64_t sum = 0;
  for (std::size_t n = 0; n < list.size(); ++n) {
    const auto& ci = list[n];
    std::string f = "instructors." + std::to_string(n) + ".";
    if (!repo::instructor_exists(c, ci.instructor_id)) st.field(f + "instructor_id", "curriculum.instructor_unknown");
    else if (!seen.insert(ci.instructor_id).second) st.field(f + "instructor_id", "curriculum.instructor_twice");
    auto own = entity::validate(ci);
    for (const auto& [name, e] : own.fields()) st.field(f + name, e.message_id, e.args);
    if (own && ci.periods) sum += *ci.periods;
  }
  if (st && sum > course_periods)
    st.field("instructors", "curriculum.shares_exceed", {{"sum", std::to_string(sum)}, {"periods", std::to_string(course_periods)}});
  return st;
}

void number_instructors(std::vector<CourseInstructor>& list) {
  for (std::size_t n = 0; n < list.size(); ++n) list[n].display_order = static_cast<int>(n + 1);
}

void trim_code(Course& c) {
  c.code.erase(0, c.code.find_first_not_of(' '));
  c.code.erase(c.code.find_last_not_of(' ') + 1);
}

Status code_taken() { return Status(Code::conflict, "error.invalid_input").field("code", "curriculum.code_taken"); }

// The edited course against its stored self: valid, the same year, its code free, its instructors fine.
Status check_update(db::Conn& c, const Course& before, const Course& in,
                    const std::optional<std::vector<CourseInstructor>>& instructors,
                    std::vector<CourseInstructor>& list) {
  if (auto st = check_course(in); !st) return st;
  if (in.fiscal_year != before.fiscal_year) return Status::invalid().field("fiscal_year", "curriculum.year_fixed");
  if (auto other = repo::course_id_by_code(c, in.fiscal_year, in.code); other && *other != before.id) return code_taken();
  list = instructors ? *instructors : before.instructors;
  number_instructors(list);
  auto bad = check_instructors(c, list, in.periods);
  // Shares that no longer fit the periods are the periods' problem when only the course changed.
  if (!bad && !instructors && bad.fields().count("instructors")) {
    const auto& e = bad.fields().at("instructors");
    return Status::invalid().field("periods", e.message_id, e.args);
  }
  return bad;
}

}  // namespace

// Instructors ---------------------------------------------------------------------------------

Result<std::int64_t> create_instructor(Work& w, Instructor i) {
  i.email = identity::normalize_email(i.email);
  if (auto st = check_instructor(i); !st) return st;
  if (auto st = check_links(w.conn, i); !st) return st;
  i.id = repo::insert_instructor(w.conn, i, iso(w));
  w.audit("create", "instructor", i.id, nlohmann::json::object(), entity::snapshot(i));
  return i.id;
}

Status update_instructor(Work& w, std::int64_t id, Instructor i) {
  i.email = identity::normalize_email(i.email);
  if (auto st = check_instructor(i); !st) return st;
  if (!repo::lock_instructor(w.conn, id)) return Status::not_found();
  auto before = repo::instructor(w.conn, id);
  i.id = id;
  if (auto st = check_links(w.conn, i); !st) return st;
  repo::update_instructor(w.conn, i, iso(w));
  w.audit("update", "instructor", id, entity::snapshot(*before), entity::snapshot(i));
  return Status::ok();
}

// Years -----------------------------------------------------------------------------------------

Status save_curriculum_year(Work& w, CurriculumYear y) {
  if (auto st = check_year(y); !st) return st;
  auto before = repo::year(w.conn, y.fiscal_year);
  repo::save_year(w.conn, y, iso(w));
  w.audit(before.stored ? "update" : "create", "curriculum_year", y.fiscal_year,
          before.stored ? entity::snapshot(before) : nlohmann::json::object(), entity::snapshot(y));
  return Status::ok();
}

// Courses ---------------------------------------------------------------------------------------

Result<std::int64_t> create_course(Work& w, Course c) {
  trim_code(c);
  if (auto st = check_course(c); !st) return st;
  if (repo::course_id_by_code(w.conn, c.fiscal_year, c.code)) return code_taken();
  number_instructors(c.instructors);
  if (auto bad = check_instructors(w.conn, c.instructors, c.periods); !bad) return bad;
  c.id = repo::insert_course(w.conn, c, iso(w));
  repo::replace_course_instructors(w.conn, c.id, c.instructors);
  w.audit("create", "course", c.id, nlohmann::json::object(), snapshot(*repo::course(w.conn, c.id)));
  return c.id;
}

Status update_course(Work& w, std::int64_t id, Course in, const std::optional<std::vector<CourseInstructor>>& instructors) {
  return update_course(w, id, [&](Course& c) {
    c = in;
    return Status::ok();
  }, instructors);
}

Status update_course(Work& w, std::int64_t id, const CourseEdit& edit,
                     const std::optional<std::vector<CourseInstructor>>& instructors) {
  if (!repo::lock_course(w.conn, id)) return Status::not_found();
  auto before = repo::course(w.conn, id);
  Course in = *before;
  if (auto st = edit(in); !st) return st;
  trim_code(in);
  in.id = id;
  std::vector<CourseInstructor> list;
  if (auto st = check_update(w.conn, *before, in, instructors, list); !st) return st;
  repo::update_course(w.conn, in, iso(w));
  if (instructors) repo::replace_course_instructors(w.conn, id, list);
  w.audit("update", "course", id, snapshot(*before), snapshot(*repo::course(w.conn, id)));
  if (in.confidential_by_default && !before->confidential_by_default) w.publish(CourseBecameConfidential{id});
  fill_from_waitlist(w, id);
  return Status::ok();
}

Status set_course_instructors(Work& w, std::int64_t course_id, std::vector<CourseInstructor> instructors) {
  return edit_course_instructors(w, course_id, [&](std::vector<CourseInstructor>& list) {
    list = instructors;
    return Status::ok();
  });
}

Status edit_course_instructors(Work& w, std::int64_t course_id, const InstructorsEdit& edit) {
  if (!repo::lock_course(w.conn, course_id)) return Status::not_found();
  auto before = repo::course(w.conn, course_id);
  auto instructors = before->instructors;
  if (auto st = edit(instructors); !st) return st;
  number_instructors(instructors);
  if (auto st = check_instructors(w.conn, instructors, before->periods); !st) return st;
  repo::replace_course_instructors(w.conn, course_id, instructors);
  w.audit("update", "course", course_id, snapshot(*before), snapshot(*repo::course(w.conn, course_id)));
  return Status::ok();
}

}  // namespace mdsc::curriculum
