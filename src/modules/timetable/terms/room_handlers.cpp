// The rooms page: a form per room and one for a new room.
#include "modules/timetable/policy.h"
#include "modules/timetable/terms/forms.h"
#include "modules/timetable/terms/handlers.h"
#include "modules/timetable/terms/operations.h"
#include "modules/timetable/terms/repo.h"
#include "modules/timetable/terms/views.h"
#include "platform/work.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {
namespace {

// The list with a form per room and one for a new room; `failed_id` is the form to show with
// what was typed and its errors (0: the new room's form).
Response rooms_page(Context& ctx, std::int64_t failed_id, const Status& st, int status) {
  auto form = web::form_state(ctx, st);
  auto rows = nlohmann::json::array();
  for (const auto& r : repo::rooms(ctx.work().conn)) {
    auto row = entity::to_json(r);
    row["action"] = views::rooms_href() + "/" + std::to_string(r.id);
    // Always set, so a row without errors does not see the page's form state through the context stack.
    row["form"] = failed_id == r.id && !st.is_ok() ? form : nlohmann::json(false);
    rows.push_back(row);
  }
  nlohmann::json fresh = failed_id == 0 && !st.is_ok() ? form : nlohmann::json::object();
  return web::page(ctx, "timetable/rooms.html", "timetable.rooms_title",
                   {{"rows", rows}, {"can_edit", can_edit(ctx)}, {"summary_form", form}, {"new_form", fresh}}, status);
}

Response save(Context& ctx, std::int64_t id) {
  Status st;
  Room r = forms::room_from_form(ctx.form, st);
  r.id = id;
  Result<std::int64_t> saved = st ? save_room(ctx.work(), r) : Result<std::int64_t>(st);
  if (!saved) return rooms_page(ctx, id, saved.status(), saved.status().code() == Code::conflict ? 409 : 422);
  ctx.flash_next("success", "timetable.room_saved");
  return web::redirect(ctx, views::rooms_href());
}

}  // namespace

Response rooms_list(Context& ctx) { return rooms_page(ctx, -1, Status::ok(), 200); }

Response room_create(Context& ctx) { return save(ctx, 0); }

Response room_update(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (id == 0 || !repo::room(ctx.work().conn, id)) return web::not_found(ctx);
  return save(ctx, id);
}

}  // namespace mdsc::timetable::handlers
