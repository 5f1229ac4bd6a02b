#include <algorithm>

#include "core/i18n.h"
#include "modules/mail/module.h"
#include "platform/outbox.h"
#include "platform/work.h"
#include "web/context.h"
#include "web/render.h"

namespace mdsc::mail {
namespace {

http::Response outbox_page(web::Context& ctx) {
  const auto& statuses = outbox_statuses();
  std::string status = ctx.query.get("status");
  if (std::find(statuses.begin(), statuses.end(), status) == statuses.end()) status.clear();
  auto p = web::page_request(ctx);
  auto& conn = ctx.work().conn;
  const long total = count_outbox(conn, status);
  auto list = nlohmann::json::array();
  for (const auto& m : list_outbox(conn, status, p.per_page, p.offset()))
    list.push_back({{"to", m.to_addr},
                    {"subject", m.subject},
                    {"created", i18n::format_datetime(ctx.lang, m.created_at)},
                    {"status", ctx.t("mail.status." + m.status)},
                    {"status_code", m.status},
                    {"attempts", m.attempts},
                    {"sent", m.sent_at == 0 ? "" : i18n::format_datetime(ctx.lang, m.sent_at)}});
  auto filters = nlohmann::json::array();
  filters.push_back({{"label", ctx.t("mail.status.all")}, {"href", "/admin/mail"}, {"current", status.empty()}});
  for (const auto& s : statuses)
    filters.push_back({{"label", ctx.t("mail.status." + s)}, {"href", "/admin/mail?status=" + s}, {"current", s == status}});
  nlohmann::json d{{"rows", list}, {"total", total}, {"filters", filters}, {"failed", status == "failed"}};
  web::pager(d, p, total, "/admin/mail?status=" + status);
  return web::page(ctx, "mail/outbox.html", "mail.outbox_title", d);
}

}  // namespace

void register_module(web::Registry& reg) {
  const auto secretariat = web::Access::roles({web::Role::secretariat});
  reg.html("GET", "/admin/mail", secretariat, outbox_page);
  reg.nav({"nav.mail", "/admin/mail", secretariat, 905});
}

}  // namespace mdsc::mail
