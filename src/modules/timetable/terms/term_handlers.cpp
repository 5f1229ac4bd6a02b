// The terms' pages: the list, a new term, and a term's page (its calendar, closed days, runs and
// settings).
#include "core/i18n.h"
#include "modules/timetable/availability/views.h"
#include "modules/timetable/planning/views.h"
#include "modules/timetable/policy.h"
#include "modules/timetable/sessions/repo.h"
#include "modules/timetable/sessions/views.h"
#include "modules/timetable/terms/forms.h"
#include "modules/timetable/terms/handlers.h"
#include "modules/timetable/terms/operations.h"
#include "modules/timetable/terms/repo.h"
#include "modules/timetable/terms/views.h"
#include "platform/work.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {
namespace {

int status_of(const Status& st) { return st.code() == Code::conflict ? 409 : 422; }

// The term's page; `shown` is the settings form's content (what was typed, after a refusal).
Response show(Context& ctx, const Term& stored, const Term& shown, const Status& st, int status) {
  auto& c = ctx.work().conn;
  auto form = web::form_state(ctx, st);
  auto run_rows = views::run_rows(ctx, stored.id);
  const bool has_runs = !run_rows.empty();
  return web::page(ctx, "timetable/term.html", "timetable.term_title",
                   {{"term", term_json(stored)},
                    {"fy", i18n::fiscal_year_display(ctx.lang, stored.fiscal_year)},
                    {"months", views::calendar(ctx.lang, stored)},
                    {"teaching_days", teaching_day_count(stored)},
                    {"closed", views::closed_rows(stored)},
                    {"runs", std::move(run_rows)},
                    {"has_runs", has_runs},
                    {"published", repo::term_published(c, stored.id)},
                    {"week_href", views::week_href(stored.id)},
                    {"rules_href", views::course_rules_href(stored.fiscal_year)},
                    {"can_edit", can_edit(ctx)},
                    {"form", form},
                    {"fields", web::fields(ctx, forms::term_fields(shown), form)},
                    {"action", views::term_href(stored.id)}},
                   status);
}

Response form_page(Context& ctx, const Term& t, const Status& st, int status) {
  auto form = web::form_state(ctx, st);
  return web::page(ctx, "timetable/term_new.html", "timetable.term_new",
                   {{"form", form}, {"fields", web::fields(ctx, forms::term_fields(t), form)}, {"action", "/timetable/terms"}},
                   status);
}

std::optional<Term> load(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (id == 0) return std::nullopt;
  return repo::term(ctx.work().conn, id);
}

}  // namespace

Response terms_list(Context& ctx) {
  return web::page(ctx, "timetable/terms.html", "timetable.terms_title",
                   {{"rows", views::term_rows(ctx.lang, repo::terms(ctx.work().conn))}, {"can_edit", can_edit(ctx)}});
}

Response term_new(Context& ctx) {
  Term t;
  t.periods = default_periods();
  return form_page(ctx, t, Status::ok(), 200);
}

Response term_create(Context& ctx) {
  Status st;
  Term t = forms::term_from_form(ctx.form, st);
  Result<std::int64_t> saved = st ? save_term(ctx.work(), t) : Result<std::int64_t>(st);
  if (!saved) return form_page(ctx, t, saved.status(), status_of(saved.status()));
  ctx.flash_next("success", "timetable.term_saved");
  return web::redirect(ctx, views::term_href(*saved));
}

Response term_show(Context& ctx) {
  auto t = load(ctx);
  if (!t) return web::not_found(ctx);
  return show(ctx, *t, *t, Status::ok(), 200);
}

Response term_update(Context& ctx) {
  auto stored = load(ctx);
  if (!stored) return web::not_found(ctx);
  Status st;
  Term t = forms::term_from_form(ctx.form, st);
  t.id = stored->id;
  Result<std::int64_t> saved = st ? save_term(ctx.work(), t) : Result<std::int64_t>(st);
  if (!saved) return show(ctx, *stored, t, saved.status(), status_of(saved.status()));
  ctx.flash_next("success", "timetable.term_saved");
  return web::redirect(ctx, views::term_href(stored->id));
}

Response closed_day_add(Context& ctx) {
  auto stored = load(ctx);
  if (!stored) return web::not_found(ctx);
  ClosedDay d{ctx.form.trimmed("day"), ctx.form.trimmed("reason")};
  Status st = add_closed_day(ctx.work(), stored->id, d);
  if (!st) return show(ctx, *stored, *stored, st, status_of(st));
  ctx.flash_next("success", "timetable.closed_day_added");
  return web::redirect(ctx, views::term_href(stored->id));
}

Response closed_day_remove(Context& ctx) {
  auto stored = load(ctx);
  if (!stored) return web::not_found(ctx);
  Status st = remove_closed_day(ctx.work(), stored->id, ctx.form.trimmed("day"));
  if (!st) return web::error(ctx, st);
  ctx.flash_next("success", "timetable.closed_day_removed");
  return web::redirect(ctx, views::term_href(stored->id));
}

}  // namespace mdsc::timetable::handlers
