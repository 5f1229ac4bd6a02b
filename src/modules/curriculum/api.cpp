#include <map>

#include "modules/curriculum/forms.h"
#include "modules/curriculum/handlers.h"
#include "modules/curriculum/operations.h"
#include "modules/curriculum/repo.h"
#include "modules/curriculum/views.h"
#include "web/json_body.h"
#include "web/json_list.h"
#include "web/json_record.h"
#include "web/render.h"

namespace mdsc::curriculum::handlers {
namespace {

using web::bad_json;
using web::body_json;

// A course's instructors as the API sends them: [{"instructor_id": 3, "periods": 4}, ...]; the
// errors name "instructors.<n>.<field>".
std::vector<CourseInstructor> instructors_from(const nlohmann::json& j, Status& st) {
  std::vector<CourseInstructor> out;
  if (!j.is_array()) {
    st.field("instructors", "validation.invalid_input");
    return out;
  }
  for (std::size_t n = 0; n < j.size(); ++n) {
    const auto& item = j[n];
    std::string f = "instructors." + std::to_string(n) + ".";
    if (!item.is_object() || !item.contains("instructor_id") || !item["instructor_id"].is_number_integer()) {
      st.field(f + "instructor_id", "validation.required");
      continue;
    }
    CourseInstructor ci;
    Status own;
    entity::from_json(item, ci, own);
    for (const auto& [name, e] : own.fields()) st.field(f + name, e.message_id, e.args);
    out.push_back(ci);
  }
  return out;
}

std::optional<std::vector<CourseInstructor>> instructors_in(const nlohmann::json& j, Status& st) {
  if (!j.contains("instructors")) return std::nullopt;
  return instructors_from(j["instructors"], st);
}

Response course_json(Context& ctx, std::int64_t id, int status) {
  auto c = repo::course(ctx.work().conn, id);
  if (!c) return web::not_found(ctx);
  return web::json(status, to_json(*c));
}

// One page of a list that is already whole.
template <typename T, typename F>
nlohmann::json page_of(const web::PageRequest& p, const std::vector<T>& all, F&& json_of) {
  auto items = nlohmann::json::array();
  for (long i = p.offset(); i < static_cast<long>(all.size()) && static_cast<long>(items.size()) < p.per_page; ++i)
    items.push_back(json_of(all[static_cast<std::size_t>(i)]));
  return web::paged(p, static_cast<long>(all.size()), items);
}

// A whole number of a JSON body: absent or null gives `absent`; another type is a field error.
std::int64_t whole(const nlohmann::json& j, const char* key, std::int64_t absent, Status& st) {
  if (!j.contains(key) || j[key].is_null()) return absent;
  if (j[key].is_number_integer()) return j[key].get<std::int64_t>();
  st.field(key, "validation.number");
  return absent;
}

// What ?course_id=&fiscal_year=&status= ask for (enrolled, waitlisted, dropped, all; else all but dropped).
repo::EnrollmentQuery enrollment_query(const Context& ctx) {
  Status ignored;
  repo::EnrollmentQuery q;
  q.course_id = read_number(ctx.query.get("course_id"), "course_id", ignored).value_or(0);
  q.fiscal_year = static_cast<int>(read_number(ctx.query.get("fiscal_year"), "fiscal_year", ignored).value_or(0));
  auto status = ctx.query.get("status");
  q.status = states<EnrollmentStatus>().parse(status);
  q.any_status = status == "all";
  return q;
}

}  // namespace

Response api_courses(Context& ctx) {
  Status ignored;
  auto& c = ctx.work().conn;
  int fy = static_cast<int>(read_number(ctx.query.get("fiscal_year"), "fiscal_year", ignored).value_or(0));
  auto list = repo::courses(c, fy ? fy : chosen_year(ctx, repo::course_years(c)));
  return web::json(200, page_of(web::page_request(ctx), list, [](const Course& k) { return to_json(k); }));
}

Response api_course(Context& ctx) { return course_json(ctx, ctx.id_param("id"), 200); }

Response api_course_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st;
  Course c;
  entity::from_json(*j, c, st);
  if (auto list = instructors_in(*j, st)) c.instructors = *list;
  if (!st) return web::error(ctx, st);
  auto r = create_course(ctx.work(), c);
  if (!r) return web::error(ctx, r.status());
  return course_json(ctx, *r, 201);
}

// Only what the body names changes, applied to the course as it is under its lock.
Response api_course_update(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st;
  auto instructors = instructors_in(*j, st);
  if (!st) return web::error(ctx, st);
  std::int64_t id = ctx.id_param("id");
  st = update_course(ctx.work(), id, [&](Course& c) {
    Status parse;
    entity::from_json(*j, c, parse);
    return parse;
  }, instructors);
  if (!st) return web::error(ctx, st);
  return course_json(ctx, id, 200);
}

// The secretariat and the promotion office see every enrollment; anyone else their own and
// those of the courses they teach.
Response api_enrollments(Context& ctx) {
  auto p = web::page_request(ctx);
  auto q = enrollment_query(ctx);
  auto& c = ctx.work().conn;
  if (manages_curriculum(ctx.user)) {
    q.limit = p.per_page;
    q.offset = p.offset();
    auto items = web::json_array(repo::enrollments(c, q), [](const auto& e) { return entity::to_json(e); });
    return web::json(200, web::paged(p, repo::count_enrollments(c, q), items));
  }
  std::map<std::int64_t, Enrollment> visible;
  auto own = q;
  own.user_id = ctx.user_id();
  for (auto& e : repo::enrollments(c, own)) visible.emplace(e.id, e);
  auto taught = q;
  taught.course_ids = taught_courses(c, ctx.me());
  for (auto& e : repo::enrollments(c, taught)) visible.emplace(e.id, e);
  std::vector<Enrollment> all;
  for (auto& [id, e] : visible) all.push_back(e);
  return web::json(200, page_of(p, all, [](const Enrollment& e) { return entity::to_json(e); }));
}

Response api_enrollment_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st;
  auto course_id = whole(*j, "course_id", 0, st);
  auto user_id = whole(*j, "user_id", ctx.user_id(), st);
  if (st && !course_id) st.field("course_id", "validation.required");
  if (!st) return web::error(ctx, st);
  bool office = manages_enrollment(ctx.user);
  if (user_id != ctx.user_id() && !office) return web::forbidden(ctx);
  auto r = enroll(ctx.work(), course_id, user_id, office ? On::office : On::self);
  if (!r) return web::error(ctx, r.status());
  return web::json(201, entity::to_json(*r));
}

Response api_enrollment_drop(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  auto e = repo::enrollment(ctx.work().conn, id);
  bool office = manages_enrollment(ctx.user);
  if (!e || (e->user_id != ctx.user_id() && !office)) return web::not_found(ctx);
  auto r = drop(ctx.work(), id, office ? On::office : On::self);
  if (!r) return web::error(ctx, r.status());
  return web::json(200, entity::to_json(*r));
}

Response api_instructors(Context& ctx) {
  auto p = web::page_request(ctx);
  repo::InstructorQuery q;
  q.search = web::trim(ctx.query.get("q"));
  q.limit = p.per_page;
  q.offset = p.offset();
  auto& c = ctx.work().conn;
  auto items = web::json_array(repo::instructors(c, q), [](const auto& i) { return entity::to_json(i); });
  return web::json(200, web::paged(p, repo::count_instructors(c, q), items));
}

Response api_instructor_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st;
  Instructor i;
  entity::from_json(*j, i, st);
  if (!st) return web::error(ctx, st);
  return web::created(ctx, create_instructor(ctx.work(), i), [](Context& c, std::int64_t id) {
    return entity::to_json(*repo::instructor(c.work().conn, id));
  });
}

}  // namespace mdsc::curriculum::handlers
