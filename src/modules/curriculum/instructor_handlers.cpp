#include "platform/identity/repo.h"
#include "modules/curriculum/forms.h"
#include "modules/curriculum/handlers.h"
#include "modules/curriculum/operations.h"
#include "modules/curriculum/repo.h"
#include "modules/curriculum/validation.h"
#include "modules/curriculum/views.h"
#include "platform/identity/validation.h"
#include "platform/web_actor.h"
#include "web/render.h"

namespace mdsc::curriculum::handlers {
namespace {

Response show_form(Context& ctx, const Instructor& i, const Status& st, bool is_new) {
  auto form = web::form_state(ctx, st);
  auto orgs = ctx.db().read([](db::Conn& c) { return repo::institution_choices(c); });
  std::string self = "/instructors/" + std::to_string(i.id);
  nlohmann::json d{{"form", form},
                   {"fields", web::fields(ctx, instructor_fields(ctx, i, orgs), form)},
                   {"action", is_new ? std::string("/instructors") : self},
                   {"back", "/instructors"}};
  return web::page(ctx, "curriculum/instructor_form.html", is_new ? "instructors.new" : "instructors.edit", d,
                   st ? 200 : http_status(st.code()));
}

// The account to link, named by its e-mail address in the form ("" unlinks).
std::int64_t linked_account(Context& ctx, Instructor& i, Status& st) {
  std::string email = identity::normalize_email(ctx.form.get("account_email"));
  i.user_email = email;
  if (email.empty()) return 0;
  auto u = ctx.db().read([&](db::Conn& c) { return identity::repo::user_by_email(c, email); });
  if (!u) {
    st.field("account_email", "curriculum.no_such_account");
    return 0;
  }
  return u->id;
}

// Errors about the linked account belong to the field where its e-mail was typed.
Status on_form(const Status& st) { return move_fields(st, {{"user_id", "account_email"}}); }

Status validate_for_form(Instructor i) {
  i.email = identity::normalize_email(i.email);
  return validate_instructor(i);
}

}  // namespace

Response instructors_list(Context& ctx) {
  repo::InstructorQuery q;
  q.search = web::trim(ctx.query.get("q"));
  auto p = web::page_request(ctx);
  q.limit = p.per_page;
  q.offset = p.offset();
  auto [list, total] = ctx.db().read([&](db::Conn& c) {
    return std::make_pair(repo::instructors(c, q), repo::count_instructors(c, q));
  });
  auto rows = nlohmann::json::array();
  for (const auto& i : list) rows.push_back(instructor_view(ctx, i));
  return web::page(ctx, "curriculum/instructors.html", "instructors.title",
                   {{"rows", rows}, {"q", q.search}, {"total", total}});
}

Response instructor_new(Context& ctx) { return show_form(ctx, Instructor{}, Status::ok(), true); }

Response instructor_create(Context& ctx) {
  Status st;
  Instructor i = read_instructor(ctx.form, st);
  i.user_id = linked_account(ctx, i, st);
  merge(st, validate_for_form(i));
  if (st) {
    auto r = create_instructor(ctx.db(), audit::actor_of(ctx), i, ctx.now());
    if (r) {
      ctx.flash_next("success", "instructors.created");
      return web::redirect(ctx, "/instructors");
    }
    st = on_form(r.status());
  }
  return show_form(ctx, i, st, true);
}

Response instructor_edit(Context& ctx) {
  auto i = ctx.db().read([&](db::Conn& c) { return repo::instructor(c, ctx.id_param("id")); });
  if (!i) return web::not_found(ctx);
  return show_form(ctx, *i, Status::ok(), false);
}

Response instructor_update(Context& ctx) {
  std::int64_t id = ctx.id_param("id");
  auto before = ctx.db().read([&](db::Conn& c) { return repo::instructor(c, id); });
  if (!before) return web::not_found(ctx);
  Status st;
  Instructor i = read_instructor(ctx.form, st);
  i.id = id;
  i.user_id = linked_account(ctx, i, st);
  merge(st, validate_for_form(i));
  if (st) st = on_form(update_instructor(ctx.db(), audit::actor_of(ctx), id, i, ctx.now()));
  if (!st) return show_form(ctx, i, st, false);
  ctx.flash_next("success", "instructors.saved");
  return web::redirect(ctx, "/instructors");
}

}  // namespace mdsc::curriculum::handlers
