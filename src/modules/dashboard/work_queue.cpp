#include "modules/dashboard/work_queue.h"

#include <map>

#include "core/i18n.h"
#include "web/context.h"
#include "web/render.h"
#include "web/templates.h"

namespace mdsc::dashboard {
namespace {

const std::vector<std::string>& item_keys() {
  static const std::vector<std::string> keys{"applications", "consultations", "overdue", "drafts", "mail"};
  return keys;
}

// Each condition is the one the linked list uses: an application's status 'submitted' (the review
// list's filter), a seat request in 'consultation' (the membership page decides it), an invoice
// that is neither credited nor paid after its due date (Invoice::status "overdue", the invoice
// list's filter), a finished draft that is newer than the published timetable's last change (one
// publish_run still accepts), and mail the outbox gave up on.
constexpr const char* kCounts =
    "SELECT 'applications' AS item, a.fiscal_year AS scope, '' AS label, COUNT(*) AS n FROM applications a "
    "WHERE a.status = 'submitted' GROUP BY a.fiscal_year "
    "UNION ALL "
    "SELECT 'consultations', s.membership_id, o.name, COUNT(*) FROM seat_requests s "
    "JOIN memberships m ON m.id = s.membership_id JOIN organizations o ON o.id = m.company_id "
    "WHERE s.status = 'consultation' GROUP BY s.membership_id, o.name "
    "UNION ALL "
    "SELECT 'overdue', i.fiscal_year, '', COUNT(*) FROM invoices i "
    "WHERE i.kind = 'invoice' AND i.due_date <> '' AND i.due_date < ? "
    "AND NOT EXISTS (SELECT 1 FROM invoices cn WHERE cn.references_invoice_id = i.id) "
    "AND i.total > (SELECT COALESCE(SUM(p.amount), 0) FROM payments p WHERE p.invoice_id = i.id) "
    "GROUP BY i.fiscal_year "
    "UNION ALL "
    "SELECT 'drafts', r.id, t.name, 1 FROM timetable_runs r JOIN terms t ON t.id = r.term_id "
    "WHERE r.status = 'done' AND r.published_at IS NULL "
    "AND r.finished_at >= (SELECT COALESCE(MAX(s.updated_at), 0) FROM course_sessions s WHERE s.term_id = r.term_id) "
    "UNION ALL "
    "SELECT 'mail', 0, '', COUNT(*) FROM mail_outbox WHERE status = 'failed' GROUP BY status "
    "ORDER BY 1, 3, 2";

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
  const auto items = ctx.db().read([&](db::Conn& c) { return work_queue(c, i18n::tokyo_date_iso(ctx.now())); });
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

std::vector<QueueItem> work_queue(db::Conn& c, const std::string& today) {
  std::map<std::string, std::vector<QueuePart>> found;
  for (const auto& r : c.query(kCounts, {today}))
    found[r.str("item")].push_back({r.i64("scope"), r.str("label"), r.i64("n")});
  std::vector<QueueItem> out;
  for (const auto& key : item_keys()) out.push_back({key, found[key]});
  return out;
}

web::DashboardPanel work_queue_panel() {
  // First on the secretariat's dashboard: it is what they came for.
  return {"dashboard.panel.work_queue", web::Access::roles({web::Role::secretariat}), render, 5};
}

}  // namespace mdsc::dashboard
