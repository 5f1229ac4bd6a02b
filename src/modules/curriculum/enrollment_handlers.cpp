#include <algorithm>

#include "core/csv.h"
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

using S = EnrollmentStatus;

std::string mine_path(int fy) { return "/enrollments?fy=" + std::to_string(fy); }

bool can_drop_now(const CurriculumYear& y, std::int64_t now) {
  return y.choice_rule == "free" && (y.drop_deadline.empty() || i18n::tokyo_date_iso(now) <= y.drop_deadline);
}

// A refusal about one enrollment: its own message leads, rather than "see the fields".
Status about_enrollment(const Status& st) {
  auto it = st.fields().find("enrollment");
  if (it == st.fields().end()) return st;
  Status out(st.code(), it->second.message_id, it->second.args);
  out.field("enrollment", it->second.message_id, it->second.args);
  return out;
}

// The confirmed courses of the year a trainee may choose, each with what it is.
web::FieldSpec course_choice(const Context& ctx, const std::vector<Course>& courses) {
  web::FieldSpec course{"course_id", "enrollments.course", "select", true};
  course.options_raw = true;
  course.options.emplace_back("", ctx.t("curriculum.choose"));
  for (const auto& c : courses) {
    if (c.status != CourseStatus::confirmed) continue;
    std::string label = c.code + " " + c.title(ctx.lang) + " (" + category_label(ctx, c) + ", " +
                        ctx.t("course.kind." + c.kind) + ", " +
                        ctx.t("course.periods_n", {{"n", std::to_string(c.periods)}}) + ", " +
                        ctx.t("course.time_band." + c.time_band) + ")";
    if (!c.has_room()) label += " " + ctx.t("enrollments.full");
    course.options.emplace_back(std::to_string(c.id), label);
  }
  course.hint_id = "enrollments.course.hint";
  return course;
}

// The trainee's page: their courses of the year, the drop buttons while dropping is allowed, and
// the form to choose another course.
Response show_mine(Context& ctx, int fy, const Status& st, std::int64_t failed = 0) {
  auto& c = ctx.work().conn;
  auto year = repo::year(c, fy);
  repo::EnrollmentQuery q;
  q.user_id = ctx.user_id();
  q.fiscal_year = fy;
  auto form = web::form_state(ctx, st);
  bool droppable = can_drop_now(year, ctx.now());
  auto rows = nlohmann::json::array();
  for (const auto& e : repo::enrollments(c, q)) {
    auto r = enrollment_row(ctx, e);
    r["can_drop"] = droppable && states<S>().allows(e.status, S::dropped);
    if (e.id == failed && form["errors"].contains("enrollment")) r["error"] = form["errors"]["enrollment"];
    rows.push_back(r);
  }
  nlohmann::json d{{"fy", web::fiscal_year_nav(ctx, "/enrollments", fy)},
                   {"years", year_links(ctx, repo::course_years(c), fy, "/enrollments")},
                   {"year", year_view(ctx, year)},
                   {"rows", rows},
                   {"form", form},
                   {"can_choose", year.choice_rule == "free"},
                   {"fields", web::fields(ctx, {course_choice(ctx, repo::courses(c, fy))}, form)},
                   {"catalog_href", "/catalog?fy=" + std::to_string(fy)}};
  return web::page(ctx, "curriculum/enrollments.html", "enrollments.title", d, st ? 200 : http_status(st.code()));
}

void flash_enrolled(Context& ctx, const Enrollment& e, bool by_office) {
  bool in = e.is(S::enrolled);
  ctx.flash_next(in ? "success" : "info", by_office ? (in ? "enrollments.enrolled_by_office" : "enrollments.waitlisted_by_office")
                                                    : (in ? "enrollments.enrolled" : "enrollments.waitlisted"));
}

}  // namespace

Response my_enrollments(Context& ctx) {
  return show_mine(ctx, chosen_year(ctx, repo::course_years(ctx.work().conn)), Status::ok());
}

Response enrollment_create(Context& ctx) {
  Status st;
  auto course_id = read_number(ctx.form.get("course_id"), "course_id", st).value_or(0);
  if (st && !course_id) st.field("course_id", "enrollments.choose_course");
  auto& c = ctx.work().conn;
  auto course = repo::course(c, course_id);
  int fy = course ? course->fiscal_year : chosen_year(ctx, repo::course_years(c));
  if (st) {
    auto r = enroll(ctx.work(), course_id, ctx.user_id(), On::self);
    if (r) {
      flash_enrolled(ctx, *r, false);
      return web::redirect(ctx, mine_path(fy));
    }
    st = r.status();
  }
  return show_mine(ctx, fy, st);
}

Response enrollment_drop(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  auto e = repo::enrollment(ctx.work().conn, id);
  bool office = manages_enrollment(ctx.user);
  if (!e || (e->user_id != ctx.user_id() && !office)) return web::not_found(ctx);
  bool from_course = office && ctx.form.get("from") == "course";
  auto r = drop(ctx.work(), id, office ? On::office : On::self);
  if (!r) {
    Status st = about_enrollment(r.status());
    if (from_course) return show_course(ctx, e->course_id, st, http_status(st.code()));
    return show_mine(ctx, e->fiscal_year, st, id);
  }
  return web::redirect_with_success(
      ctx, from_course ? "enrollments.removed" : "enrollments.dropped",
      from_course ? "/courses/" + std::to_string(e->course_id) : mine_path(e->fiscal_year));
}

Response course_enroll(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  Status st;
  auto user_id = read_number(ctx.form.get("user_id"), "user_id", st).value_or(0);
  if (st && !user_id) st.field("user_id", "validation.required");
  if (st) {
    auto r = enroll(ctx.work(), id, user_id, On::office);
    if (r) {
      flash_enrolled(ctx, *r, true);
      return web::redirect(ctx, "/courses/" + std::to_string(id));
    }
    if (r.status().fields().count("course_id") && r.status().fields().at("course_id").message_id == "curriculum.course_unknown")
      return web::not_found(ctx);
    // Enrolling twice is about the person chosen here.
    st = move_fields(r.status(), {{"course_id", "user_id"}});
  }
  return show_course(ctx, id, st, http_status(st.code()));
}

Response roster_csv(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  auto& c = ctx.work().conn;
  if (!can_see_roster(c, ctx.user, id)) return web::not_found(ctx);
  auto course = repo::course(c, id);
  if (!course) return web::not_found(ctx);
  repo::EnrollmentQuery q;
  q.course_id = id;
  csv::CsvWriter w;
  w.row({csv::Cell::text(ctx.t("csv.fiscal_year")), csv::Cell::text(ctx.t("course.code")),
         csv::Cell::text(ctx.t("course.title")), csv::Cell::text(ctx.t("roster.name")), csv::Cell::text(ctx.t("roster.kana")),
         csv::Cell::text(ctx.t("field.romaji_name")), csv::Cell::text(ctx.t("field.email")),
         csv::Cell::text(ctx.t("roster.status")), csv::Cell::text(ctx.t("roster.position")),
         csv::Cell::text(ctx.t("roster.since"))});
  for (const auto& e : repo::enrollments(c, q)) {
    auto row = enrollment_row(ctx, e);
    w.row({csv::Cell::text(i18n::fiscal_year_label(course->fiscal_year)), csv::Cell::text(course->code),
           csv::Cell::text(course->title(ctx.lang)), csv::Cell::text(e.user_name), csv::Cell::text(e.user_kana),
           csv::Cell::text(e.user_romaji), csv::Cell::text(e.user_email),
           csv::Cell::text(ctx.t("enrollment.status." + std::string(name_of(e.status)))),
           e.waitlist_position ? csv::Cell::number(*e.waitlist_position) : csv::Cell::text(""),
           csv::Cell::text(row["since"].get<std::string>())});
  }
  return web::csv_download(w.finish(), "roster-FY" + std::to_string(course->fiscal_year) + "-" + course->code + ".csv");
}

// The courses this person teaches, every year, with their rosters.
Response teaching(Context& ctx) {
  auto& c = ctx.work().conn;
  std::vector<Course> courses;
  for (auto id : taught_courses(c, ctx.me()))
    if (auto course = repo::course(c, id)) courses.push_back(*course);
  std::stable_sort(courses.begin(), courses.end(),
                   [](const Course& a, const Course& b) { return a.fiscal_year > b.fiscal_year; });
  auto rows = nlohmann::json::array();
  for (const auto& course : courses) {
    auto r = course_row(ctx, course);
    r["fy"] = i18n::fiscal_year_label(course.fiscal_year);
    r["csv_href"] = "/courses/" + std::to_string(course.id) + "/roster.csv";
    rows.push_back(r);
  }
  return web::page(ctx, "curriculum/teaching.html", "teaching.title", {{"rows", rows}});
}

}  // namespace mdsc::curriculum::handlers
