#include <algorithm>

#include "core/i18n.h"
#include "modules/mail/module.h"
#include "web/context.h"
#include "web/render.h"

namespace mdsc::mail {
namespace {

const std::vector<std::string>& statuses() {
  static const std::vector<std::string> s{"pending", "sending", "sent", "failed"};
  return s;
}

http::Response outbox_page(web::Context& ctx) {
  std::string status = ctx.query.get("status");
  if (std::find(statuses().begin(), statuses().end(), status) == statuses().end()) status.clear();
  auto p = web::page_request(ctx);
  const std::string where = status.empty() ? "" : " WHERE status = ?";
  db::Params params;
  if (!status.empty()) params.emplace_back(status);
  auto [rows, total] = ctx.db().read([&](db::Conn& c) {
    auto page_params = params;
    page_params.emplace_back(static_cast<std::int64_t>(p.per_page));
    page_params.emplace_back(static_cast<std::int64_t>(p.offset()));
    return std::make_pair(
        c.query("SELECT id, to_addr, subject, created_at, status, attempts, sent_at FROM mail_outbox" + where +
                    " ORDER BY id DESC LIMIT ? OFFSET ?",
                page_params),
        c.scalar_i64("SELECT COUNT(*) FROM mail_outbox" + where, params));
  });
  auto list = nlohmann::json::array();
  for (const auto& r : rows)
    list.push_back({{"to", r.str("to_addr")},
                    {"subject", r.str("subject")},
                    {"created", i18n::format_datetime(ctx.lang, r.i64("created_at"))},
                    {"status", ctx.t("mail.status." + r.str("status"))},
                    {"status_code", r.str("status")},
                    {"attempts", r.i64("attempts")},
                    {"sent", r.is_null("sent_at") ? "" : i18n::format_datetime(ctx.lang, r.i64("sent_at"))}});
  auto filters = nlohmann::json::array();
  filters.push_back({{"label", ctx.t("mail.status.all")}, {"href", "/admin/mail"}, {"current", status.empty()}});
  for (const auto& s : statuses())
    filters.push_back({{"label", ctx.t("mail.status." + s)}, {"href", "/admin/mail?status=" + s}, {"current", s == status}});
  const long pages = std::max(1L, (total + p.per_page - 1) / p.per_page);
  nlohmann::json d{{"rows", list}, {"total", total}, {"filters", filters}, {"page", p.page}, {"pages", pages},
                   {"failed", status == "failed"}};
  const std::string base = "/admin/mail?status=" + status;
  if (p.page > 1) d["prev_href"] = base + "&page=" + std::to_string(p.page - 1);
  if (p.page < pages) d["next_href"] = base + "&page=" + std::to_string(p.page + 1);
  return web::page(ctx, "mail/outbox.html", "mail.outbox_title", d);
}

}  // namespace

void register_module(web::Registry& reg) {
  const auto secretariat = web::Access::roles({web::Role::secretariat});
  reg.html("GET", "/admin/mail", secretariat, outbox_page);
  reg.nav({"nav.mail", "/admin/mail", secretariat, 905});
}

}  // namespace mdsc::mail
