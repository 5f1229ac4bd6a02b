#include "core/i18n.h"
#include "modules/curriculum/forms.h"
#include "modules/curriculum/handlers.h"
#include "modules/curriculum/operations.h"
#include "modules/curriculum/repo.h"
#include "modules/curriculum/views.h"
#include "web/fiscal_years.h"
#include "web/flash_redirect.h"
#include "web/render.h"

namespace mdsc::curriculum::handlers {
namespace {

std::string course_path(std::int64_t id) { return "/courses/" + std::to_string(id); }
std::string courses_path(int fy) { return "/courses?fy=" + std::to_string(fy); }

Response show_courses(Context& ctx, int fy, const Status& st) {
  auto& c = ctx.work().conn;
  auto year = repo::year(c, fy);
  auto rows = nlohmann::json::array();
  for (const auto& course : repo::courses(c, fy)) rows.push_back(course_row(ctx, course));
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
                   {"back", is_new ? courses_path(c.fiscal_year) : course_path(c.id)},
                   {"fy", i18n::fiscal_year_display(ctx.lang, c.fiscal_year)},
                   {"is_new", is_new}};
  return web::page(ctx, "curriculum/course_form.html", is_new ? "courses.new" : "courses.edit", d,
                   st ? 200 : http_status(st.code()));
}

// What the course page shows: facts, instructors, roster and the year's rule.
nlohmann::json course_page_data(Context& ctx, const Course& course) {
  auto& c = ctx.work().conn;
  nlohmann::json d;
  d["course"] = course_row(ctx, course);
  d["fy"] = i18n::fiscal_year_display(ctx.lang, course.fiscal_year);
  d["courses_href"] = courses_path(course.fiscal_year);
  repo::EnrollmentQuery q;
  q.course_id = course.id;
  auto roster = nlohmann::json::array();
  for (const auto& e : repo::enrollments(c, q)) roster.push_back(enrollment_row(ctx, e));
  d["roster"] = roster;
  d["year"] = year_view(ctx, repo::year(c, course.fiscal_year));
  d["csv_href"] = course_path(course.id) + "/roster.csv";
  // The attendance and exams modules' pages of the course (they check who may see them).
  d["attendance_href"] = course_path(course.id) + "/attendance";
  d["exams_href"] = course_path(course.id) + "/exams";
  d["title"] = course.code + " " + course.title(ctx.lang);
  return d;
}

// Managers add instructors; the secretariat enrolls trainees.
void add_forms(Context& ctx, nlohmann::json& d, const nlohmann::json& form) {
  auto& c = ctx.work().conn;
  bool manage = manages_curriculum(ctx.user), office = manages_enrollment(ctx.user);
  d["manage"] = manage;
  d["office"] = office;
  if (manage) {
    Choices instructors;
    for (const auto& i : repo::instructors(c, {"", 1000, 0}))
      instructors.emplace_back(i.id, i.name_ja() + (i.organization_name.empty() ? "" : " (" + i.organization_name + ")"));
    d["instructor_fields"] = web::fields(ctx, course_instructor_fields(ctx, instructors), form);
  }
  if (office) {
    web::FieldSpec trainee{"user_id", "course.enroll_trainee", "select", true};
    trainee.options_raw = true;
    trainee.options.emplace_back("", ctx.t("curriculum.choose"));
    for (const auto& [uid, label] : repo::trainee_choices(c)) trainee.options.emplace_back(std::to_string(uid), label);
    d["enroll_fields"] = web::fields(ctx, {trainee}, form);
  }
}

}  // namespace

Response show_course(Context& ctx, std::int64_t id, const Status& st, int status) {
  auto& c = ctx.work().conn;
  if (!can_see_roster(c, ctx.user, id)) return web::not_found(ctx);
  auto course = repo::course(c, id);
  if (!course) return web::not_found(ctx);
  auto form = web::form_state(ctx, st);
  auto d = course_page_data(ctx, *course);
  d["form"] = form;
  add_forms(ctx, d, form);
  return web::page(ctx, "curriculum/course.html", "courses.detail", d, status);
}

Response courses_list(Context& ctx) {
  return show_courses(ctx, chosen_year(ctx, repo::course_years(ctx.work().conn)), Status::ok());
}

Response course_new(Context& ctx) {
  Course c;
  c.fiscal_year = chosen_year(ctx, repo::course_years(ctx.work().conn));
  c.category = "common";
  c.kind = "lecture";
  c.time_band = "daytime";
  return show_form(ctx, c, Status::ok(), true);
}

Response course_create(Context& ctx) {
  Status st;
  Course c = read_course(ctx.form, 0, st);
  merge(st, check_course(c));
  if (st) {
    auto r = create_course(ctx.work(), c);
    if (r) {
      return web::redirect_with_success(ctx, "courses.created", course_path(*r));
    }
    st = r.status();
  }
  return show_form(ctx, c, st, true);
}

Response course_show(Context& ctx) { return show_course(ctx, ctx.id_param("id"), Status::ok(), 200); }

Response course_edit(Context& ctx) {
  auto c = repo::course(ctx.work().conn, ctx.id_param("id"));
  if (!c) return web::not_found(ctx);
  return show_form(ctx, *c, Status::ok(), false);
}

Response course_update(Context& ctx) {
  auto before = repo::course(ctx.work().conn, ctx.id_param("id"));
  if (!before) return web::not_found(ctx);
  Status st;
  Course c = read_course(ctx.form, before->fiscal_year, st);
  c.id = before->id;
  merge(st, check_course(c));
  if (st) st = update_course(ctx.work(), before->id, c, std::nullopt);
  if (!st) return show_form(ctx, c, st, false);
  return web::redirect_with_success(ctx, "courses.saved", course_path(c.id));
}

Response course_instructor_add(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  Status st;
  CourseInstructor added = read_course_instructor(ctx.form, st);
  if (st) {
    Status r = edit_course_instructors(ctx.work(), id, [&](std::vector<CourseInstructor>& list) {
      list.push_back(added);
      return Status::ok();
    });
    if (r.code() == Code::not_found) return web::not_found(ctx);
    // "instructors.<n>.instructor_id" belongs to the form's choice; the shares' errors to its periods.
    st = move_fields(r, {{"instructor_id", "instructor_id"}, {"", "periods"}});
  }
  if (!st) return show_course(ctx, id, st, http_status(st.code()));
  return web::redirect_with_success(ctx, "courses.instructors_saved", course_path(id));
}

Response course_instructor_remove(Context& ctx) {
  std::int64_t id = ctx.id_param("id"), instructor = ctx.id_param("instructor");
  Status st = edit_course_instructors(ctx.work(), id, [&](std::vector<CourseInstructor>& list) {
    auto n = std::erase_if(list, [&](const CourseInstructor& ci) { return ci.instructor_id == instructor; });
    return n ? Status::ok() : Status::not_found();
  });
  if (st.code() == Code::not_found) return web::not_found(ctx);
  if (!st) return show_course(ctx, id, st, http_status(st.code()));
  return web::redirect_with_success(ctx, "courses.instructors_saved", course_path(id));
}

Response year_update(Context& ctx) {
  int fy = static_cast<int>(ctx.id_param("fy"));
  if (fy < 2000 || fy > 2100) return web::not_found(ctx);
  Status st;
  auto year = read_year(ctx.form, fy, st);
  if (st) st = save_curriculum_year(ctx.work(), year);
  if (!st) return show_courses(ctx, fy, st);
  return web::redirect_with_success(ctx, "courses.year_saved", courses_path(fy));
}

}  // namespace mdsc::curriculum::handlers
