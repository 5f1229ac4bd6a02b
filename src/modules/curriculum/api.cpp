#include <algorithm>
#include <map>

#include "modules/curriculum/forms.h"
#include "modules/curriculum/handlers.h"
#include "modules/curriculum/operations.h"
#include "modules/curriculum/policy.h"
#include "modules/curriculum/repo.h"
#include "modules/curriculum/views.h"
#include "platform/web_actor.h"
#include "web/json_body.h"
#include "web/render.h"

namespace mdsc::curriculum::handlers {
namespace {

using web::body_json;
using web::bad_json;

std::string str(const nlohmann::json& j, const char* k, const std::string& dflt) {
  if (!j.contains(k)) return dflt;
  return j[k].is_string() ? j[k].get<std::string>() : "";
}

// An optional whole number: absent keeps `dflt`, null clears, anything else but an integer is an error.
std::optional<std::int64_t> opt_int(const nlohmann::json& j, const char* k, std::optional<std::int64_t> dflt, Status& st) {
  if (!j.contains(k)) return dflt;
  if (j[k].is_null()) return std::nullopt;
  if (j[k].is_number_integer()) return j[k].get<std::int64_t>();
  st.field(k, "validation.number");
  return dflt;
}

std::vector<CourseInstructor> instructors_from(const nlohmann::json& j, Status& st) {
  std::vector<CourseInstructor> out;
  if (!j.is_array()) {
    st.field("instructors", "validation.invalid_input");
    return out;
  }
  for (std::size_t n = 0; n < j.size(); ++n) {
    const auto& item = j[n];
    std::string f = "instructors." + std::to_string(n) + ".";
    CourseInstructor ci;
    if (!item.is_object() || !item.contains("instructor_id") || !item["instructor_id"].is_number_integer()) {
      st.field(f + "instructor_id", "validation.required");
      continue;
    }
    ci.instructor_id = item["instructor_id"].get<std::int64_t>();
    if (auto p = opt_int(item, "periods", std::nullopt, st)) ci.periods = static_cast<int>(*p);
    out.push_back(ci);
  }
  return out;
}

// JSON fields onto a course; absent fields keep `base`'s values (PATCH).
Course course_from(const nlohmann::json& j, Course base, Status& st) {
  base.code = str(j, "code", base.code);
  base.title_ja = str(j, "title_ja", base.title_ja);
  base.title_en = str(j, "title_en", base.title_en);
  base.category = str(j, "category", base.category);
  if (j.contains("track")) base.track = j["track"].is_string() ? j["track"].get<std::string>() : "";
  base.kind = str(j, "kind", base.kind);
  base.periods = static_cast<int>(opt_int(j, "periods", base.periods, st).value_or(0));
  base.time_band = str(j, "time_band", base.time_band);
  base.status = str(j, "status", base.status);
  base.description = str(j, "description", base.description);
  auto cap = opt_int(j, "capacity", base.capacity ? std::optional<std::int64_t>(*base.capacity) : std::nullopt, st);
  base.capacity = cap ? std::optional<int>(static_cast<int>(std::clamp<std::int64_t>(*cap, -1, 1000000))) : std::nullopt;
  if (j.contains("confidential_by_default")) {
    if (j["confidential_by_default"].is_boolean()) base.confidential_by_default = j["confidential_by_default"].get<bool>();
    else st.field("confidential_by_default", "validation.invalid_input");
  }
  return base;
}

Instructor instructor_from(const nlohmann::json& j, Status& st) {
  Instructor i;
  i.family_name = str(j, "family_name", "");
  i.given_name = str(j, "given_name", "");
  i.family_name_kana = str(j, "family_name_kana", "");
  i.given_name_kana = str(j, "given_name_kana", "");
  i.romaji_name = str(j, "romaji_name", "");
  i.title = str(j, "title", "");
  i.organization_id = opt_int(j, "organization_id", std::nullopt, st).value_or(0);
  i.department = str(j, "department", "");
  i.email = str(j, "email", "");
  i.user_id = opt_int(j, "user_id", std::nullopt, st).value_or(0);
  return i;
}

Response course_json(Context& ctx, std::int64_t id, int status) {
  auto c = ctx.db().read([&](db::Conn& conn) { return repo::course(conn, id); });
  if (!c) return web::not_found(ctx);
  return web::json(status, to_json(*c));
}

}  // namespace

Response api_courses(Context& ctx) {
  Status ignored;
  auto p = web::page_request(ctx);
  auto list = ctx.db().read([&](db::Conn& c) {
    auto years = repo::course_years(c);
    int fy = static_cast<int>(read_number(ctx.query.get("fiscal_year"), "fiscal_year", ignored).value_or(0));
    return repo::courses(c, fy ? fy : chosen_year(ctx, years));
  });
  auto items = nlohmann::json::array();
  for (long i = p.offset(); i < static_cast<long>(list.size()) && static_cast<long>(items.size()) < p.per_page; ++i)
    items.push_back(to_json(list[static_cast<std::size_t>(i)]));
  return web::json(200, web::paged(p, static_cast<long>(list.size()), items));
}

Response api_course(Context& ctx) { return course_json(ctx, ctx.id_param("id"), 200); }

Response api_course_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st;
  Course base;
  base.fiscal_year = static_cast<int>(opt_int(*j, "fiscal_year", 0, st).value_or(0));
  base.status = "planned";
  Course c = course_from(*j, base, st);
  if (j->contains("instructors")) c.instructors = instructors_from((*j)["instructors"], st);
  if (!st) return web::error(ctx, st);
  auto r = create_course(ctx.db(), audit::actor_of(ctx), c, ctx.now());
  if (!r) return web::error(ctx, r.status());
  return course_json(ctx, *r, 201);
}

Response api_course_update(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st;
  std::optional<std::vector<CourseInstructor>> instructors;
  if (j->contains("instructors")) instructors = instructors_from((*j)["instructors"], st);
  if (!st) return web::error(ctx, st);
  std::int64_t id = ctx.id_param("id");
  st = update_course(ctx.db(), audit::actor_of(ctx), id, [&](Course& c) {
    Status parse;
    Course patched = course_from(*j, c, parse);
    patched.fiscal_year = static_cast<int>(opt_int(*j, "fiscal_year", c.fiscal_year, parse).value_or(0));
    if (!parse) return parse;
    c = patched;
    return Status::ok();
  }, instructors, ctx.now());
  if (st && ctx.services.after_commit) ctx.services.after_commit();
  if (!st) return web::error(ctx, st);
  return course_json(ctx, id, 200);
}

// The secretariat and the promotion office see every enrollment; anyone else their own and
// those of the courses they teach.
Response api_enrollments(Context& ctx) {
  Status ignored;
  auto p = web::page_request(ctx);
  repo::EnrollmentQuery q;
  q.course_id = read_number(ctx.query.get("course_id"), "course_id", ignored).value_or(0);
  q.fiscal_year = static_cast<int>(read_number(ctx.query.get("fiscal_year"), "fiscal_year", ignored).value_or(0));
  q.status = ctx.query.get("status");
  if (q.status != "enrolled" && q.status != "waitlisted" && q.status != "dropped" && q.status != "all") q.status.clear();
  auto [list, total] = ctx.db().read([&](db::Conn& c) {
    if (manages_curriculum(ctx.user)) {
      q.limit = p.per_page;
      q.offset = p.offset();
      return std::make_pair(repo::enrollments(c, q), repo::count_enrollments(c, q));
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
    long n = static_cast<long>(all.size());
    std::vector<Enrollment> page;
    for (long i = p.offset(); i < n && static_cast<long>(page.size()) < p.per_page; ++i) page.push_back(all[static_cast<std::size_t>(i)]);
    return std::make_pair(page, n);
  });
  auto items = nlohmann::json::array();
  for (const auto& e : list) items.push_back(to_json(e));
  return web::json(200, web::paged(p, total, items));
}

Response api_enrollment_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st;
  auto course_id = opt_int(*j, "course_id", 0, st).value_or(0);
  auto user_id = opt_int(*j, "user_id", ctx.user_id(), st).value_or(ctx.user_id());
  if (st && !course_id) st.field("course_id", "validation.required");
  if (!st) return web::error(ctx, st);
  bool office = manages_enrollment(ctx.user);
  if (user_id != ctx.user_id() && !office) return web::forbidden(ctx);
  auto r = enroll(ctx.db(), audit::actor_of(ctx), course_id, user_id, office ? On::office : On::self, ctx.now());
  if (!r) return web::error(ctx, r.status());
  return web::json(201, to_json(*r));
}

Response api_enrollment_drop(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  auto e = ctx.db().read([&](db::Conn& c) { return repo::enrollment(c, id); });
  bool office = manages_enrollment(ctx.user);
  if (!e || (e->user_id != ctx.user_id() && !office)) return web::not_found(ctx);
  auto r = drop(ctx.db(), audit::actor_of(ctx), id, office ? On::office : On::self, ctx.now());
  if (ctx.services.after_commit) ctx.services.after_commit();
  if (!r) return web::error(ctx, r.status());
  return web::json(200, to_json(*r));
}

Response api_instructors(Context& ctx) {
  auto p = web::page_request(ctx);
  repo::InstructorQuery q;
  q.search = web::trim(ctx.query.get("q"));
  q.limit = p.per_page;
  q.offset = p.offset();
  auto [list, total] = ctx.db().read([&](db::Conn& c) {
    return std::make_pair(repo::instructors(c, q), repo::count_instructors(c, q));
  });
  auto items = nlohmann::json::array();
  for (const auto& i : list) items.push_back(to_json(i));
  return web::json(200, web::paged(p, total, items));
}

Response api_instructor_create(Context& ctx) {
  auto j = body_json(ctx);
  if (!j) return bad_json(ctx);
  Status st;
  Instructor i = instructor_from(*j, st);
  if (!st) return web::error(ctx, st);
  auto r = create_instructor(ctx.db(), audit::actor_of(ctx), i, ctx.now());
  if (!r) return web::error(ctx, r.status());
  auto saved = ctx.db().read([&](db::Conn& c) { return repo::instructor(c, *r); });
  return web::json(201, to_json(*saved));
}

}  // namespace mdsc::curriculum::handlers
