#include "modules/dashboard/work_queue.h"

#include "core/i18n.h"
#include "modules/dashboard/repo.h"
#include "platform/work.h"
#include "web/context.h"
#include "web/render.h"
#include "web/templates.h"

namespace mdsc::dashboard {
namespace {

// Where each part is listed.
std::string href(const std::string& key, const QueuePart& p) {
  const std::string scope = std::to_string(p.scope);
  if (key == "applications") return "/admissions?fy=" + scope + "&status=submitted";
  if (key == "consultations") return "/memberships/" + scope;
  if (key == "overdue") return "/invoices?fy=" + scope + "&status=overdue";
  if (key == "drafts") return "/timetable/runs/" + scope;  // where it is reviewed and published
  return "/admin/mail?status=failed";
}

constexpr std::size_t kPartsShown = 4;

std::string part_label(const std::string& key, const QueuePart& p) {
  if (p.label.empty()) return i18n::fiscal_year_label(static_cast<int>(p.scope));
  if (key == "drafts") return p.label + " #" + std::to_string(p.scope);  // the run page's number
  return p.label;
}

std::string render(web::Context& ctx) {
  const auto items = repo::work_queue(ctx.work().conn, i18n::tokyo_date_iso(ctx.now()));
  auto list = nlohmann::json::array();
  bool all_clear = true;
  for (const auto& item : items) {
    const auto total = item.total();
    all_clear = all_clear && total == 0;
    nlohmann::json j{{"key", item.key}, {"label", ctx.t("dashboard.queue." + item.key)}, {"count", i18n::grouped(total)},
                     {"zero", total == 0}};
    // One place: the item's own name leads there. Several (two fiscal years, many companies): a
    // link to each, the first few only.
    if (item.parts.size() == 1) {
      j["href"] = href(item.key, item.parts.front());
      if (item.key != "mail") j["where"] = part_label(item.key, item.parts.front());
    } else if (item.parts.size() > 1) {
      auto parts = nlohmann::json::array();
      for (std::size_t i = 0; i < item.parts.size() && i < kPartsShown; ++i) {
        const auto& p = item.parts[i];
        parts.push_back({{"href", href(item.key, p)},
                         {"label", part_label(item.key, p)},
                         {"count", i18n::grouped(p.count)}, {"last", false}});
      }
      j["parts"] = parts;
      j["has_parts"] = true;
      if (item.parts.size() > kPartsShown)
        j["more"] = ctx.t("dashboard.queue.more", {{"count", std::to_string(item.parts.size() - kPartsShown)}});
      else
        j["parts"].back()["last"] = true;
    }
    list.push_back(j);
  }
  return web::render_template("dashboard/work_queue.html", ctx.lang, {{"items", list}, {"all_clear", all_clear}});
}

}  // namespace

std::int64_t QueueItem::total() const {
  std::int64_t n = 0;
  for (const auto& p : parts) n += p.count;
  return n;
}

web::DashboardPanel work_queue_panel() {
  // First on the secretariat's dashboard: it is what they came for.
  return {"dashboard.panel.work_queue", web::Access::roles({web::Role::secretariat}), render, 5};
}

}  // namespace mdsc::dashboard
