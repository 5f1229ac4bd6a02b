// The public application form.
#include <charconv>

#include "core/i18n.h"
#include "modules/admissions/forms.h"
#include "modules/admissions/handlers.h"
#include "modules/admissions/repo.h"
#include "modules/admissions/views.h"
#include "platform/work.h"
#include "web/render.h"

namespace mdsc::admissions::handlers {
namespace {

std::optional<ProgramYear> requested_year(Context& ctx) {
  std::string s = ctx.query.has("fy") ? ctx.query.get("fy") : ctx.form.get("fy");
  int fy = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), fy);
  if (ec == std::errc() && p == s.data() + s.size() && fy > 0) return repo::program_year(ctx.work().conn, fy);
  return current_program_year(ctx.work().conn, ctx.now());
}

// Outside the window the page says when it opens or that it has closed, instead of the form.
Response window_page(Context& ctx, const ProgramYear& y) {
  bool not_yet = y.window(ctx.now()) == ProgramYear::Window::not_yet;
  return web::page(ctx, "admissions/apply_closed.html", "apply.title",
                   {{"not_yet", not_yet},
                    {"message", not_yet ? ctx.t("admissions.not_open", {{"opens", tokyo_time(ctx, y.opens_at)}})
                                        : ctx.t("admissions.closed", {{"closed", tokyo_time(ctx, y.closes_at)}})},
                    {"fy", i18n::fiscal_year_display(ctx.lang, y.fiscal_year)}});
}

}  // namespace

Response apply_form(Context& ctx) {
  auto year = requested_year(ctx);
  if (!year)
    return web::page(ctx, "admissions/apply_closed.html", "apply.title", {{"message", ctx.t("admissions.no_program_year")}},
                     404);
  if (year->window(ctx.now()) != ProgramYear::Window::open) return window_page(ctx, *year);
  return web::page(ctx, "admissions/apply.html", "apply.title", application_form_data(ctx, *year, Status::ok()));
}

Response apply_submit(Context& ctx) {
  auto year = requested_year(ctx);
  if (!year) return web::not_found(ctx);
  SubmitOptions opt;
  Application a = read_application(ctx, year->fiscal_year, opt);
  opt.client_address = ctx.client.address;
  auto r = submit_application(ctx.work(), a, opt);
  if (!r) {
    Status st = r.status();
    if (st.code() == Code::too_many)
      st.arg("time", i18n::format_datetime(ctx.lang, std::stoll(st.args().at("until"))));
    if (st.message_id() == "admissions.not_open" || st.message_id() == "admissions.closed") return window_page(ctx, *year);
    return web::page(ctx, "admissions/apply.html", "apply.title", application_form_data(ctx, *year, st),
                     http_status(st.code()));
  }
  return web::page(ctx, "admissions/apply_done.html", "apply.done_title",
                   {{"email", a.email}, {"fy", i18n::fiscal_year_display(ctx.lang, year->fiscal_year)}});
}

}  // namespace mdsc::admissions::handlers
