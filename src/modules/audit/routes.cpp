#include <charconv>

#include "core/i18n.h"
#include "modules/audit/module.h"
#include "platform/audit.h"
#include "platform/work.h"
#include "web/context.h"
#include "web/render.h"

namespace mdsc::audit {
namespace {

bool valid_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

Filter filter_from(const web::Context& ctx, Status& st) {
  Filter f;
  f.entity = web::trim(ctx.query.get("entity"));
  f.entity_id = web::trim(ctx.query.get("entity_id"));
  f.action = web::trim(ctx.query.get("action"));
  std::string actor = web::trim(ctx.query.get("actor"));
  if (!actor.empty()) {
    auto [p, ec] = std::from_chars(actor.data(), actor.data() + actor.size(), f.actor_user_id);
    if (ec != std::errc() || p != actor.data() + actor.size() || f.actor_user_id <= 0)
      st.field("actor", "audit.actor_invalid");
  }
  f.from_date = web::trim(ctx.query.get("from"));
  f.to_date = web::trim(ctx.query.get("to"));
  if (!f.from_date.empty() && !valid_date(f.from_date)) st.field("from", "validation.date");
  if (!f.to_date.empty() && !valid_date(f.to_date)) st.field("to", "validation.date");
  return f;
}

// One change of an entry as the log shows it: a field with its value before and after.
nlohmann::json changes_shown(const nlohmann::json& changes) {
  auto show = [](const nlohmann::json& v) {
    return v.is_null() ? std::string("—") : v.is_string() ? v.get<std::string>() : v.dump();
  };
  auto out = nlohmann::json::array();
  if (!changes.is_object()) return out;
  for (auto it = changes.begin(); it != changes.end(); ++it)
    out.push_back({{"field", it.key()},
                   {"before", show(it.value().value("before", nlohmann::json()))},
                   {"after", show(it.value().value("after", nlohmann::json()))}});
  return out;
}

nlohmann::json entry_row(const web::Context& ctx, const Entry& e) {
  std::int64_t at = 0;
  parse_iso_utc(e.at, at);
  return {{"id", e.id}, {"at", i18n::format_datetime(ctx.lang, at)}, {"actor", e.actor_label},
          {"action", e.action}, {"entity", e.entity}, {"entity_id", e.entity_id},
          {"changes", changes_shown(e.changes)}, {"request_id", e.request_id}};
}

http::Response page(web::Context& ctx) {
  Status st;
  Filter f = filter_from(ctx, st);
  auto p = web::page_request(ctx);
  f.limit = p.per_page;
  f.offset = p.offset();
  auto rows = nlohmann::json::array();
  long total = 0;
  if (st) {
    for (const auto& e : list(ctx.work().conn, f)) rows.push_back(entry_row(ctx, e));
    total = count(ctx.work().conn, f);
  }
  const std::string actor = ctx.query.get("actor");
  nlohmann::json d{{"entries", rows}, {"total", total},
                   {"form", web::form_state(ctx, st)},
                   {"f", {{"entity", f.entity}, {"entity_id", f.entity_id}, {"action", f.action},
                          {"actor", actor}, {"from", f.from_date}, {"to", f.to_date}}}};
  web::pager(d, p, total,
             "/admin/audit?entity=" + web::url_encode(f.entity) + "&entity_id=" + web::url_encode(f.entity_id) +
                 "&action=" + web::url_encode(f.action) + "&actor=" + web::url_encode(actor) +
                 "&from=" + web::url_encode(f.from_date) + "&to=" + web::url_encode(f.to_date));
  return web::page(ctx, "audit/log.html", "audit.title", d, st ? 200 : 422);
}

http::Response api(web::Context& ctx) {
  Status st;
  Filter f = filter_from(ctx, st);
  if (!st) return web::error(ctx, st);
  auto p = web::page_request(ctx);
  f.limit = p.per_page;
  f.offset = p.offset();
  auto items = nlohmann::json::array();
  for (const auto& e : list(ctx.work().conn, f)) items.push_back(to_json(e));
  return web::json(200, web::paged(p, count(ctx.work().conn, f), items));
}

}  // namespace

void register_module(web::Registry& reg) {
  auto secretariat = web::Access::roles({web::Role::secretariat});
  reg.route({"GET", "/admin/audit", web::RouteKind::html, secretariat, page});
  reg.route({"GET", "/api/v1/audit", web::RouteKind::json, secretariat, api});
  reg.nav({"nav.audit", "/admin/audit", secretariat, 910});
}

}  // namespace mdsc::audit
