#include <charconv>

#include "modules/timetable/handlers.h"
#include "modules/timetable/terms/operations.h"
#include "modules/timetable/terms/repo.h"
#include "nlohmann/json.hpp"
#include "platform/web_actor.h"
#include "web/flash_redirect.h"
#include "web/render.h"

namespace mdsc::timetable::handlers {
namespace {

Room room_from_form(const Context& ctx, Status& st) {
  Room r;
  r.name = ctx.form.trimmed("name");
  r.location = ctx.form.trimmed("location");
  r.network = ctx.form.trimmed("network");
  r.active = !ctx.form.has("active_present") || ctx.form.has("active");
  const std::string cap = ctx.form.trimmed("capacity");
  auto [p, ec] = std::from_chars(cap.data(), cap.data() + cap.size(), r.capacity);
  if (cap.empty() || ec != std::errc() || p != cap.data() + cap.size()) st.field("capacity", "validation.number");
  return r;
}

// The list with a form per room and one for a new room; `failed_id` is the form to show with
// what was typed and its errors (0: the new room's form).
Response rooms_page(Context& ctx, std::int64_t failed_id, const Status& st, int status) {
  auto rooms = repo::rooms(ctx.work().conn);
  auto form = web::form_state(ctx, st);
  auto rows = nlohmann::json::array();
  for (const auto& r : rooms) {
    auto row = to_json(r);
    row["action"] = "/timetable/rooms/" + std::to_string(r.id);
    // Always set, so a row without errors does not see the page's form state through the context stack.
    row["form"] = failed_id == r.id && !st.is_ok() ? form : nlohmann::json(false);
    rows.push_back(row);
  }
  nlohmann::json fresh = failed_id == 0 && !st.is_ok() ? form : nlohmann::json::object();
  return web::page(ctx, "timetable/rooms.html", "timetable.rooms_title",
                   {{"rows", rows}, {"can_edit", can_edit(ctx)}, {"summary_form", form}, {"new_form", fresh}}, status);
}

}  // namespace

Response rooms_list(Context& ctx) { return rooms_page(ctx, -1, Status::ok(), 200); }

Response room_create(Context& ctx) {
  Status st;
  Room r = room_from_form(ctx, st);
  Result<std::int64_t> saved = st ? save_room(ctx.work(), r) : Result<std::int64_t>(st);
  if (!saved) return rooms_page(ctx, 0, saved.status(), saved.status().code() == Code::conflict ? 409 : 422);
  return web::redirect_with_success(ctx, "timetable.room_saved", "/timetable/rooms");
}

Response room_update(Context& ctx) {
  const auto id = ctx.id_param("id");
  if (id == 0 || !repo::room(ctx.work().conn, id).has_value()) return web::not_found(ctx);
  Status st;
  Room r = room_from_form(ctx, st);
  r.id = id;
  Result<std::int64_t> saved = st ? save_room(ctx.work(), r) : Result<std::int64_t>(st);
  if (!saved) return rooms_page(ctx, id, saved.status(), saved.status().code() == Code::conflict ? 409 : 422);
  return web::redirect_with_success(ctx, "timetable.room_saved", "/timetable/rooms");
}

}  // namespace mdsc::timetable::handlers
