#include "core/i18n.h"
#include "modules/curriculum/forms.h"
#include "modules/curriculum/handlers.h"
#include "modules/curriculum/operations.h"
#include "modules/curriculum/policy.h"
#include "modules/curriculum/repo.h"
#include "modules/curriculum/validation.h"
#include "modules/curriculum/views.h"
#include "modules/members/views.h"
#include "platform/web_actor.h"
#include "web/fiscal_years.h"
#include "web/render.h"

namespace mdsc::curriculum::handlers {
namespace {

std::string course_path(std::int64_t id) { return "/courses/" + std::to_string(id); }

Response show_courses(Context& ctx, int fy, const Status& st) {
  auto [courses, year] = ctx.db().read([&](db::Conn& c) { return std::make_pair(repo::courses(c, fy), repo::year(c, fy)); });
  auto rows = nlohmann::json::array();
  for (const auto& c : courses) rows.push_back(course_row(ctx, c));
  auto form = web::form_state(ctx, st);
  nlohmann::json d{{"fy", web::fiscal_year_nav(ctx, "/courses", fy)},
                   {"fy_number", fy},
                   {"rows", rows},
                   {"year", year_view(ctx, year)},
                   {"form", form},
                   {"year_fields", web::fields(ctx, year_fields(year), form)},
                   {"new_href", "/courses/new?fy=" + std::to_string(fy)},
                   {"catalog_href", "/catalog?fy=" + std::to_string(fy)}};
  return web::page(ctx, "curriculum/courses.html", "courses.title", d, st ? 200 : http_status(st.code()));
}

Response show_form(Context& ctx, const Course& c, const Status& st, bool is_new) {
  auto form = web::form_state(ctx, st);
  nlohmann::json d{{"form", form},
                   {"fields", web::fields(ctx, course_fields(c, is_new), form)},
                   {"action", is_new ? std::string("/courses") : course_path(c.id)},
                   {"back", is_new ? "/courses?fy=" + std::to_string(c.fiscal_year) : course_path(c.id)},
                   {"fy", i18n::fiscal_year_display(ctx.lang, c.fiscal_year)},
                   {"is_new", is_new}};
  return web::page(ctx, "curriculum/course_form.html", is_new ? "courses.new" : "courses.edit", d,
                   st ? 200 : http_status(st.code()));
}

}  // namespace

// The course page: facts, instructors and roster, for those who may see the roster.
Response show_course(Context& ctx, std::int64_t id, const Status& st, int status) {
  bool manage = manages_curriculum(ctx.user), office = manages_enrollment(ctx.user);
  auto form = web::form_state(ctx, st);
  web::FieldSpec who{"instructor_id", "course.add_instructor", "select", true};
  web::FieldSpec trainee{"user_id", "course.enroll_trainee", "select", true};
  for (auto* f : {&who, &trainee}) {
    f->options_raw = true;
    f->options.emplace_back("", ctx.t("curriculum.choose"));
  }
  auto data = ctx.db().read([&](db::Conn& c) -> std::optional<nlohmann::json> {
    if (!can_see_roster(c, ctx.user, id)) return std::nullopt;
    auto course = repo::course(c, id);
    if (!course) return std::nullopt;
    nlohmann::json d;
    d["course"] = course_row(ctx, *course);
    d["fy"] = i18n::fiscal_year_display(ctx.lang, course->fiscal_year);
    d["courses_href"] = "/courses?fy=" + std::to_string(course->fiscal_year);
    repo::EnrollmentQuery q;
    q.course_id = id;
    auto roster = nlohmann::json::array();
    for (const auto& e : repo::enrollments(c, q)) roster.push_back(enrollment_row(ctx, e));
    d["roster"] = roster;
    d["year"] = year_view(ctx, repo::year(c, course->fiscal_year));
    if (manage)
      for (const auto& i : repo::instructors(c, {"", 1000, 0}))
        who.options.emplace_back(std::to_string(i.id),
                                 i.name_ja() + (i.organization_name.empty() ? "" : " (" + i.organization_name + ")"));
    if (office)
      for (const auto& [uid, label] : repo::trainee_choices(c)) trainee.options.emplace_back(std::to_string(uid), label);
    return d;
  });
  if (!data) return web::not_found(ctx);
  auto& d = *data;
  d["form"] = form;
  d["manage"] = manage;
  d["office"] = office;
  d["csv_href"] = course_path(id) + "/roster.csv";
  if (manage) {
    web::FieldSpec share{"periods", "course.share", "text", false, "off", "course.share.hint"};
    share.input_mode = "numeric";
    d["instructor_fields"] = web::fields(ctx, {who, share}, form);
  }
  if (office) d["enroll_fields"] = web::fields(ctx, {trainee}, form);
  d["title"] = d["course"]["code"].get<std::string>() + " " + d["course"]["title"].get<std::string>();
  return web::page(ctx, "curriculum/course.html", "courses.detail", d, status);
}

Response courses_list(Context& ctx) {
  auto years = ctx.db().read([](db::Conn& c) { return repo::course_years(c); });
  return show_courses(ctx, chosen_year(ctx, years), Status::ok());
}

Response course_new(Context& ctx) {
  auto years = ctx.db().read([](db::Conn& c) { return repo::course_years(c); });
  Course c;
  c.fiscal_year = chosen_year(ctx, years);
  c.category = "common";
  c.kind = "lecture";
  c.time_band = "daytime";
  c.status = "planned";
  return show_form(ctx, c, Status::ok(), true);
}

Response course_create(Context& ctx) {
  Status st;
  Course c = read_course(ctx.form, 0, st);
  merge(st, validate_course(c));
  if (st) {
    auto r = create_course(ctx.db(), audit::actor_of(ctx), c, ctx.now());
    if (r) {
      ctx.flash_next("success", "courses.created");
      return web::redirect(ctx, course_path(*r));
    }
    st = r.status();
  }
  return show_form(ctx, c, st, true);
}

Response course_show(Context& ctx) { return show_course(ctx, ctx.id_param("id"), Status::ok(), 200); }

Response course_edit(Context& ctx) {
  auto c = ctx.db().read([&](db::Conn& conn) { return repo::course(conn, ctx.id_param("id")); });
  if (!c) return web::not_found(ctx);
  return show_form(ctx, *c, Status::ok(), false);
}

Response course_update(Context& ctx) {
  auto before = ctx.db().read([&](db::Conn& conn) { return repo::course(conn, ctx.id_param("id")); });
  if (!before) return web::not_found(ctx);
  Status st;
  Course c = read_course(ctx.form, before->fiscal_year, st);
  c.id = before->id;
  merge(st, validate_course(c));
  if (st) st = update_course(ctx.db(), audit::actor_of(ctx), before->id, c, std::nullopt, ctx.now());
  if (!st) return show_form(ctx, c, st, false);
  if (ctx.services.after_commit) ctx.services.after_commit();  // a larger capacity: mails to those moved up
  ctx.flash_next("success", "courses.saved");
  return web::redirect(ctx, course_path(c.id));
}

Response course_instructor_add(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  Status st;
  CourseInstructor added;
  added.instructor_id = read_number(ctx.form.get("instructor_id"), "instructor_id", st).value_or(0);
  if (auto share = read_number(ctx.form.get("periods"), "periods", st)) added.periods = static_cast<int>(*share);
  if (st && !added.instructor_id) st.field("instructor_id", "validation.required");
  if (st) {
    Status r = edit_course_instructors(ctx.db(), audit::actor_of(ctx), id, [&](std::vector<CourseInstructor>& list) {
      list.push_back(added);
      return Status::ok();
    }, ctx.now());
    if (r.code() == Code::not_found) return web::not_found(ctx);
    // "instructors.<n>.instructor_id" and the shares' errors belong to the form's two fields.
    st = Status(r.code(), r.message_id(), r.args());
    for (const auto& [f, e] : r.fields())
      st.field(f.find("instructor_id") != std::string::npos ? "instructor_id" : "periods", e.message_id, e.args);
  }
  if (!st) return show_course(ctx, id, st, http_status(st.code()));
  ctx.flash_next("success", "courses.instructors_saved");
  return web::redirect(ctx, course_path(id));
}

Response course_instructor_remove(Context& ctx) {
  std::int64_t id = ctx.id_param("id"), instructor = ctx.id_param("instructor");
  Status st = edit_course_instructors(ctx.db(), audit::actor_of(ctx), id, [&](std::vector<CourseInstructor>& list) {
    auto n = std::erase_if(list, [&](const CourseInstructor& ci) { return ci.instructor_id == instructor; });
    return n ? Status::ok() : Status::not_found();
  }, ctx.now());
  if (st.code() == Code::not_found) return web::not_found(ctx);
  if (!st) return show_course(ctx, id, st, http_status(st.code()));
  ctx.flash_next("success", "courses.instructors_saved");
  return web::redirect(ctx, course_path(id));
}

Response year_update(Context& ctx) {
  int fy = static_cast<int>(ctx.id_param("fy"));
  if (fy < 2000 || fy > 2100) return web::not_found(ctx);
  Status st = save_curriculum_year(ctx.db(), audit::actor_of(ctx), read_year(ctx.form, fy), ctx.now());
  if (!st) return show_courses(ctx, fy, st);
  ctx.flash_next("success", "courses.year_saved");
  return web::redirect(ctx, "/courses?fy=" + std::to_string(fy));
}

}  // namespace mdsc::curriculum::handlers
