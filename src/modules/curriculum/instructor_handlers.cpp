#include "modules/curriculum/forms.h"
#include "modules/curriculum/handlers.h"
#include "modules/curriculum/operations.h"
#include "modules/curriculum/repo.h"
#include "modules/curriculum/views.h"
#include "platform/identity/repo.h"
#include "platform/identity/validation.h"
#include "web/flash_redirect.h"
#include "web/render.h"

namespace mdsc::curriculum::handlers {
namespace {

Response show_form(Context& ctx, const Instructor& i, const Status& st, bool is_new) {
  auto form = web::form_state(ctx, st);
  auto orgs = repo::institution_choices(ctx.work().conn);
  std::string self = "/instructors/" + std::to_string(i.id);
  nlohmann::json d{{"form", form},
                   {"fields", web::fields(ctx, instructor_fields(ctx, i, orgs), form)},
                   {"action", is_new ? std::string("/instructors") : self},
                   {"back", "/instructors"}};
  return web::page(ctx, "curriculum/instructor_form.html", is_new ? "instructors.new" : "instructors.edit", d,
                   st ? 200 : http_status(st.code()));
}

// The instructor as the form describes them: the account to link is named by its e-mail address
// ("" unlinks); every problem of the form at once.
Instructor instructor_of_form(Context& ctx, Status& st) {
  Instructor i = read_instructor(ctx.form, st);
  i.account_email = identity::normalize_email(ctx.form.get("account_email"));
  if (!i.account_email.empty()) {
    auto u = identity::repo::user_by_email(ctx.work().conn, i.account_email);
    if (u) i.user_id = u->id;
    else st.field("account_email", "curriculum.no_such_account");
  }
  Instructor normalized = i;
  normalized.email = identity::normalize_email(i.email);
  merge(st, check_instructor(normalized));
  return i;
}

// Errors about the linked account belong to the field where its e-mail was typed.
Status on_form(const Status& st) { return move_fields(st, {{"user_id", "account_email"}}); }

}  // namespace

Response instructors_list(Context& ctx) {
  repo::InstructorQuery q;
  q.search = web::trim(ctx.query.get("q"));
  auto p = web::page_request(ctx);
  q.limit = p.per_page;
  q.offset = p.offset();
  auto& c = ctx.work().conn;
  auto rows = nlohmann::json::array();
  for (const auto& i : repo::instructors(c, q)) rows.push_back(instructor_view(ctx, i));
  return web::page(ctx, "curriculum/instructors.html", "instructors.title",
                   {{"rows", rows}, {"q", q.search}, {"total", repo::count_instructors(c, q)}});
}

Response instructor_new(Context& ctx) { return show_form(ctx, Instructor{}, Status::ok(), true); }

Response instructor_create(Context& ctx) {
  Status st;
  Instructor i = instructor_of_form(ctx, st);
  if (st) {
    auto r = create_instructor(ctx.work(), i);
    if (r) {
      return web::redirect_with_success(ctx, "instructors.created", "/instructors");
    }
    st = on_form(r.status());
  }
  return show_form(ctx, i, st, true);
}

Response instructor_edit(Context& ctx) {
  auto i = repo::instructor(ctx.work().conn, ctx.id_param("id"));
  if (!i) return web::not_found(ctx);
  return show_form(ctx, *i, Status::ok(), false);
}

Response instructor_update(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  if (!repo::instructor(ctx.work().conn, id)) return web::not_found(ctx);
  Status st;
  Instructor i = instructor_of_form(ctx, st);
  i.id = id;
  if (st) st = on_form(update_instructor(ctx.work(), id, i));
  if (!st) return show_form(ctx, i, st, false);
  return web::redirect_with_success(ctx, "instructors.saved", "/instructors");
}

}  // namespace mdsc::curriculum::handlers
