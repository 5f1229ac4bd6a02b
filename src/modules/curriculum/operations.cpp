#include "modules/curriculum/operations.h"

#include <algorithm>
#include <set>

#include "core/clock.h"
#include "modules/curriculum/repo.h"
#include "modules/curriculum/validation.h"
#include "platform/identity/validation.h"

namespace mdsc::curriculum {
namespace {

std::string iso(std::int64_t now) { return to_iso_utc(now); }
std::string id_str(std::int64_t id) { return std::to_string(id); }

// What the audit log keeps of a course: its fields and instructors, not the counts.
nlohmann::json audit_json(const Course& c) {
  auto j = to_json(c);
  j.erase("enrolled");
  j.erase("waitlisted");
  for (auto& i : j["instructors"]) {
    i.erase("romaji_name");
    i.erase("organization");
    i.erase("organization_en");
  }
  return j;
}

nlohmann::json audit_json(const Instructor& i) {
  auto j = to_json(i);
  j.erase("organization_name");
  return j;
}

Status check_links(db::Conn& c, const Instructor& i) {
  Status st;
  if (i.organization_id) {
    auto kind = c.query_one("SELECT kind FROM organizations WHERE id = ?", {i.organization_id});
    if (!kind || kind->str("kind") == "company") st.field("organization_id", "curriculum.organization_not_institution");
  }
  if (i.user_id) {
    if (c.scalar_i64("SELECT COUNT(*) FROM users WHERE id = ?", {i.user_id}) == 0) {
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
  int sum = 0;
  for (std::size_t n = 0; n < list.size(); ++n) {
    const auto& ci = list[n];
    std::string f = "instructors." + std::to_string(n) + ".";
    if (!repo::instructor(c, ci.instructor_id)) st.field(f + "instructor_id", "curriculum.instructor_unknown");
    else if (!seen.insert(ci.instructor_id).second) st.field(f + "instructor_id", "curriculum.instructor_twice");
    if (ci.periods && (*ci.periods < 0 || *ci.periods > kMaxPeriods)) st.field(f + "periods", "validation.not_negative");
    else if (ci.periods) sum += *ci.periods;
  }
  if (st && sum > course_periods)
    st.field("instructors", "curriculum.shares_exceed", {{"sum", std::to_string(sum)}, {"periods", std::to_string(course_periods)}});
  return st;
}

void number_instructors(std::vector<CourseInstructor>& list) {
  for (std::size_t n = 0; n < list.size(); ++n) list[n].display_order = static_cast<int>(n + 1);
}

}  // namespace

// Instructors ---------------------------------------------------------------------------------

Result<std::int64_t> create_instructor_in(db::Conn& c, const audit::Actor& actor, Instructor i, std::int64_t now) {
  i.email = identity::normalize_email(i.email);
  if (auto st = validate_instructor(i); !st) return st;
  if (auto st = check_links(c, i); !st) return st;
  i.id = repo::insert_instructor(c, i, iso(now));
  audit::record(c, actor, "create", "instructor", id_str(i.id), nlohmann::json::object(), audit_json(i), now);
  return i.id;
}

Result<std::int64_t> create_instructor(db::Database& db, const audit::Actor& actor, Instructor i, std::int64_t now) {
  return db.write([&](db::Conn& c) { return create_instructor_in(c, actor, std::move(i), now); });
}

Status update_instructor(db::Database& db, const audit::Actor& actor, std::int64_t id, Instructor i, std::int64_t now) {
  i.email = identity::normalize_email(i.email);
  if (auto st = validate_instructor(i); !st) return st;
  return db.write([&](db::Conn& c) -> Status {
    auto before = repo::instructor(c, id);
    if (!before) return Status::not_found();
    i.id = id;
    if (auto st = check_links(c, i); !st) return st;
    repo::update_instructor(c, i, iso(now));
    audit::record(c, actor, "update", "instructor", id_str(id), audit_json(*before), audit_json(i), now);
    return Status::ok();
  });
}

// Years -----------------------------------------------------------------------------------------

Status save_curriculum_year(db::Database& db, const audit::Actor& actor, CurriculumYear y, std::int64_t now) {
  if (auto st = validate_year(y); !st) return st;
  return db.write([&](db::Conn& c) -> Status {
    auto before = repo::year(c, y.fiscal_year);
    repo::save_year(c, y, iso(now));
    audit::record(c, actor, before.stored ? "update" : "create", "curriculum_year", std::to_string(y.fiscal_year),
                  before.stored ? to_json(before) : nlohmann::json::object(), to_json(y), now);
    return Status::ok();
  });
}

// Courses ---------------------------------------------------------------------------------------

Result<std::int64_t> create_course_in(db::Conn& conn, const audit::Actor& actor, Course c, std::int64_t now) {
  normalize_course(c);
  Status st = validate_course(c);
  if (!st) return st;
  if (auto other = repo::course_by_code(conn, c.fiscal_year, c.code))
    return Status(Code::conflict, "error.invalid_input").field("code", "curriculum.code_taken");
  number_instructors(c.instructors);
  if (auto bad = check_instructors(conn, c.instructors, c.periods); !bad) return bad;
  c.id = repo::insert_course(conn, c, iso(now));
  repo::replace_course_instructors(conn, c.id, c.instructors);
  audit::record(conn, actor, "create", "course", id_str(c.id), nlohmann::json::object(),
                audit_json(*repo::course(conn, c.id)), now);
  return c.id;
}

Result<std::int64_t> create_course(db::Database& db, const audit::Actor& actor, Course c, std::int64_t now) {
  return db.write([&](db::Conn& conn) { return create_course_in(conn, actor, std::move(c), now); });
}

Status update_course(db::Database& db, const audit::Actor& actor, std::int64_t id, Course in,
                     const std::optional<std::vector<CourseInstructor>>& instructors, std::int64_t now) {
  return update_course(db, actor, id, [&](Course& c) {
    c = in;
    return Status::ok();
  }, instructors, now);
}

Status update_course(db::Database& db, const audit::Actor& actor, std::int64_t id, const CourseEdit& edit,
                     const std::optional<std::vector<CourseInstructor>>& instructors, std::int64_t now) {
  return db.write([&](db::Conn& c) -> Status {
    if (!repo::lock_course(c, id)) return Status::not_found();
    auto before = repo::course(c, id);
    Course in = *before;
    if (auto st = edit(in); !st) return st;
    normalize_course(in);
    if (auto st = validate_course(in); !st) return st;
    if (in.fiscal_year != before->fiscal_year) return Status::invalid().field("fiscal_year", "curriculum.year_fixed");
    if (auto other = repo::course_by_code(c, in.fiscal_year, in.code); other && other->id != id)
      return Status(Code::conflict, "error.invalid_input").field("code", "curriculum.code_taken");
    std::vector<CourseInstructor> list = instructors ? *instructors : before->instructors;
    number_instructors(list);
    if (auto bad = check_instructors(c, list, in.periods); !bad) {
      // Shares that no longer fit the periods are the periods' problem when only the course changed.
      if (!instructors && bad.fields().count("instructors"))
        return Status::invalid().field("periods", bad.fields().at("instructors").message_id, bad.fields().at("instructors").args);
      return bad;
    }
    in.id = id;
    repo::update_course(c, in, iso(now));
    if (instructors) repo::replace_course_instructors(c, id, list);
    audit::record(c, actor, "update", "course", id_str(id), audit_json(*before), audit_json(*repo::course(c, id)), now);
    fill_from_waitlist(c, actor, id, now);
    return Status::ok();
  });
}

Status set_course_instructors(db::Database& db, const audit::Actor& actor, std::int64_t course_id,
                              std::vector<CourseInstructor> instructors, std::int64_t now) {
  return edit_course_instructors(db, actor, course_id, [&](std::vector<CourseInstructor>& list) {
    list = instructors;
    return Status::ok();
  }, now);
}

Status edit_course_instructors(db::Database& db, const audit::Actor& actor, std::int64_t course_id,
                               const InstructorsEdit& edit, std::int64_t now) {
  return db.write([&](db::Conn& c) -> Status {
    if (!repo::lock_course(c, course_id)) return Status::not_found();
    auto before = repo::course(c, course_id);
    auto instructors = before->instructors;
    if (auto st = edit(instructors); !st) return st;
    number_instructors(instructors);
    if (auto st = check_instructors(c, instructors, before->periods); !st) return st;
    repo::replace_course_instructors(c, course_id, instructors);
    audit::record(c, actor, "update", "course", id_str(course_id), audit_json(*before),
                  audit_json(*repo::course(c, course_id)), now);
    return Status::ok();
  });
}

}  // namespace mdsc::curriculum
