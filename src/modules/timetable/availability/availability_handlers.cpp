// An instructor's availability: their rules, a form to add one, and the courses they teach.
#include "modules/timetable/availability/forms.h"
#include "modules/timetable/availability/handlers.h"
#include "modules/timetable/availability/operations.h"
#include "modules/timetable/availability/repo.h"
#include "modules/timetable/availability/views.h"
#include "modules/timetable/curriculum_view.h"
#include "platform/work.h"
#include "web/fields.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {
namespace {

int status_code(const Status& st) { return st.code() == Code::conflict ? 409 : st.code() == Code::not_found ? 404 : 422; }

Response instructor_page(Context& ctx, std::int64_t id, const Rights& rights, const Status& st, int status) {
  auto& c = ctx.work().conn;
  auto instructor = curriculum_view::instructor(c, id);
  if (!instructor) return web::not_found(ctx);
  auto rows = nlohmann::json::array();
  for (const auto& u : repo::rules_of_instructor(c, id)) rows.push_back(views::rule_row(ctx.lang, u, rights.edit));
  auto courses = views::course_links(ctx.lang, repo::courses_of_instructor(c, id));
  auto form = web::form_state(ctx, st);
  return web::page(ctx, "timetable/availability.html", "availability.title",
                   {{"instructor",
                     {{"id", instructor->id},
                      {"name", instructor->name(ctx.lang)},
                      {"organization", instructor->organization(ctx.lang)},
                      {"title", instructor->title}}},
                    {"rows", rows},
                    {"has_courses", !courses.empty()},
                    {"courses", courses},
                    {"can_edit", rights.edit},
                    {"form", form},
                    {"fields", web::fields(ctx, forms::rule_fields(), form)},
                    {"action", views::availability_href(id)}},
                   status);
}

}  // namespace

Rights rights_over(Context& ctx, std::int64_t instructor_id) {
  if (!ctx.user) return {};
  if (ctx.user->has(web::Role::secretariat)) return {true, true};
  auto mine = curriculum_view::instructor_of_user(ctx.work().conn, ctx.user_id());
  if (mine && mine->id == instructor_id) return {true, true};
  if (ctx.user->has(web::Role::steering_committee)) return {true, false};
  return {};
}

Response availability_show(Context& ctx) {
  const auto id = ctx.id_param("id");
  const Rights rights = rights_over(ctx, id);
  if (id == 0 || !rights.view) return web::not_found(ctx);
  return instructor_page(ctx, id, rights, Status::ok(), 200);
}

Response availability_add(Context& ctx) {
  const auto id = ctx.id_param("id");
  const Rights rights = rights_over(ctx, id);
  if (id == 0 || !rights.view) return web::not_found(ctx);
  if (!rights.edit) return web::forbidden(ctx);
  Status st;
  Unavailability u = forms::rule_from_form(ctx.form, id, st);
  Result<std::int64_t> added = st ? add_unavailability(ctx.work(), u) : Result<std::int64_t>(st);
  if (!added) {
    if (added.status().code() == Code::not_found) return web::not_found(ctx);
    return instructor_page(ctx, id, rights, added.status(), status_code(added.status()));
  }
  ctx.flash_next("success", "availability.added");
  return web::redirect(ctx, views::availability_href(id));
}

Response availability_remove(Context& ctx) {
  const auto id = ctx.id_param("id");
  const Rights rights = rights_over(ctx, id);
  if (id == 0 || !rights.view) return web::not_found(ctx);
  if (!rights.edit) return web::forbidden(ctx);
  Status st = remove_unavailability(ctx.work(), id, ctx.id_param("rid"));
  if (!st) return web::error(ctx, st);
  ctx.flash_next("success", "availability.removed");
  return web::redirect(ctx, views::availability_href(id));
}

}  // namespace mdsc::timetable::handlers
