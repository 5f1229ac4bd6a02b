#include "core/i18n.h"
#include "modules/timetable/availability/links.h"
#include "modules/timetable/handlers.h"
#include "modules/timetable/planning/generation.h"
#include "modules/timetable/sessions/sessions.h"
#include "modules/timetable/terms/operations.h"
#include "modules/timetable/terms/repo.h"
#include "modules/timetable/terms/term_form.h"
#include "nlohmann/json.hpp"
#include "platform/web_actor.h"
#include "web/flash_redirect.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {
namespace {

// The term's days as month tables, weeks from Monday, for the calendar on the term's page.
nlohmann::json calendar(const Context& ctx, const Term& t) {
  auto months = nlohmann::json::array();
  nlohmann::json month, week;
  unsigned current = 0;
  auto close_week = [&] {
    if (week.empty()) return;
    while (week.size() < 7) week.push_back({{"blank", true}});
    month["weeks"].push_back({{"days", week}});
    week = nlohmann::json::array();
  };
  auto close_month = [&] {
    close_week();
    if (!month.empty()) months.push_back(month);
  };
  week = nlohmann::json::array();
  for (const auto& d : term_days(t)) {
    const unsigned m = static_cast<unsigned>(d.date.month());
    if (m != current) {
      close_month();
      current = m;
      month = {{"title", std::to_string(static_cast<int>(d.date.year())) + "-" + (m < 10 ? "0" : "") + std::to_string(m)},
               {"weeks", nlohmann::json::array()}};
      for (unsigned wd = 1; wd < d.weekday; ++wd) week.push_back({{"blank", true}});
    }
    std::string label;
    if (d.status == "holiday") label = i18n::t(ctx.lang, d.holiday_id);
    else if (d.status == "year_end") label = i18n::t(ctx.lang, "timetable.day.year_end");
    else if (d.status == "closed") label = d.reason.empty() ? i18n::t(ctx.lang, "timetable.day.closed") : d.reason;
    week.push_back({{"day", static_cast<unsigned>(d.date.day())}, {"iso", d.iso}, {"status", d.status},
                    {"label", label}, {"teaching", d.status == "teaching"}});
    if (d.weekday == 7) close_week();
  }
  close_month();
  return months;
}

nlohmann::json closed_rows(const Term& t) {
  auto rows = nlohmann::json::array();
  for (const auto& c : t.closed_days) rows.push_back({{"day", c.day}, {"reason", c.reason}});
  return rows;
}

nlohmann::json runs(Context& ctx, std::int64_t term_id) {
  auto out = nlohmann::json::array();
  for (const auto& r : runs_of_term(ctx.work().conn, term_id)) {
    const RunStatus status = r.shown_status(ctx.now());
    nlohmann::json j{{"id", r.id},
                     {"href", "/timetable/runs/" + std::to_string(r.id)},
                     {"status", i18n::t(ctx.lang, "timetable.run." + std::string(name_of(status)))}};
    if (r.best_soft && status == RunStatus::done) j["soft"] = *r.best_soft;
    if (r.published_at) j["published"] = i18n::format_datetime(ctx.lang, *r.published_at);
    out.push_back(j);
  }
  return out;
}

Response show(Context& ctx, const Term& stored, const Term& shown, const Status& st, int status) {
  auto form = web::form_state(ctx, st);
  auto run_rows = runs(ctx, stored.id);
  const bool has_runs = !run_rows.empty();
  return web::page(ctx, "timetable/term.html", "timetable.term_title",
                   {{"term", to_json(stored)},
                    {"fy", i18n::fiscal_year_display(ctx.lang, stored.fiscal_year)},
                    {"months", calendar(ctx, stored)},
                    {"teaching_days", teaching_day_count(stored)},
                    {"closed", closed_rows(stored)},
                    {"runs", std::move(run_rows)},
                    {"has_runs", has_runs},
                    {"published", sessions::term_published(ctx.work().conn, stored.id)},
                    {"week_href", "/timetable/terms/" + std::to_string(stored.id) + "/week"},
                    {"rules_href", course_rules_href(stored.fiscal_year)},
                    {"can_edit", can_edit(ctx)},
                    {"form", form},
                    {"fields", web::fields(ctx, term_fields(shown), form)},
                    {"action", "/timetable/terms/" + std::to_string(stored.id)}},
                   status);
}

Response form_page(Context& ctx, const Term& t, const Status& st, int status) {
  auto form = web::form_state(ctx, st);
  return web::page(ctx, "timetable/term_new.html", "timetable.term_new",
                   {{"form", form}, {"fields", web::fields(ctx, term_fields(t), form)}, {"action", "/timetable/terms"}},
                   status);
}

std::optional<Term> load(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (id == 0) return std::nullopt;
  return repo::term(ctx.work().conn, id);
}

}  // namespace

Response terms_list(Context& ctx) {
  auto terms = repo::terms(ctx.work().conn);
  auto rows = nlohmann::json::array();
  for (const auto& t : terms)
    rows.push_back({{"href", "/timetable/terms/" + std::to_string(t.id)}, {"name", t.name},
                    {"fy", i18n::fiscal_year_display(ctx.lang, t.fiscal_year)}, {"starts_on", t.starts_on},
                    {"ends_on", t.ends_on}, {"teaching_days", teaching_day_count(t)}});
  return web::page(ctx, "timetable/terms.html", "timetable.terms_title", {{"rows", rows}, {"can_edit", can_edit(ctx)}});
}

Response term_new(Context& ctx) {
  Term t;
  t.periods = default_periods();
  return form_page(ctx, t, Status::ok(), 200);
}

Response term_create(Context& ctx) {
  Status st;
  Term t = term_from_form(ctx, st);
  Result<std::int64_t> saved = st ? save_term(ctx.work(), t) : Result<std::int64_t>(st);
  if (!saved) return form_page(ctx, t, saved.status(), saved.status().code() == Code::conflict ? 409 : 422);
  return web::redirect_with_success(ctx, "timetable.term_saved", "/timetable/terms/" + std::to_string(*saved));
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
  Term t = term_from_form(ctx, st);
  t.id = stored->id;
  Result<std::int64_t> saved = st ? save_term(ctx.work(), t) : Result<std::int64_t>(st);
  if (!saved) return show(ctx, *stored, t, saved.status(), saved.status().code() == Code::conflict ? 409 : 422);
  return web::redirect_with_success(ctx, "timetable.term_saved", "/timetable/terms/" + std::to_string(stored->id));
}

Response closed_day_add(Context& ctx) {
  auto stored = load(ctx);
  if (!stored) return web::not_found(ctx);
  ClosedDay d{ctx.form.trimmed("day"), ctx.form.trimmed("reason")};
  Status st = add_closed_day(ctx.work(), stored->id, d);
  if (!st) return show(ctx, *stored, *stored, st, st.code() == Code::conflict ? 409 : 422);
  return web::redirect_with_success(ctx, "timetable.closed_day_added",
                                    "/timetable/terms/" + std::to_string(stored->id));
}

Response closed_day_remove(Context& ctx) {
  auto stored = load(ctx);
  if (!stored) return web::not_found(ctx);
  Status st = remove_closed_day(ctx.work(), stored->id, ctx.form.trimmed("day"));
  if (!st) return web::error(ctx, st);
  return web::redirect_with_success(ctx, "timetable.closed_day_removed",
                                    "/timetable/terms/" + std::to_string(stored->id));
}

}  // namespace mdsc::timetable::handlers
