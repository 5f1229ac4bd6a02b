#include "modules/dashboard/repo.h"

#include <map>

#include "db/where.h"
#include "platform/entity.h"

namespace mdsc {

using entity::Table, entity::field, entity::columns;

const entity::Table<dashboard::repo::Overview>& dashboard::repo::Overview::table() {
  using O = dashboard::repo::Overview;
  static const Table<O> t{"dashboard_overview", {columns<&O::users, &O::sessions, &O::changes>()}};
  return t;
}

const entity::Table<dashboard::repo::ProgramFigures>& dashboard::repo::ProgramFigures::table() {
  using P = dashboard::repo::ProgramFigures;
  static const Table<P> t{"dashboard_program",
                          {columns<&P::courses, &P::confirmed, &P::accepted_a, &P::accepted_b, &P::target_a,
                                   &P::target_b, &P::sessions, &P::held, &P::next_day, &P::term_id>(),
                           field<&P::taught>().joined()}};
  return t;
}

}  // namespace mdsc

namespace mdsc::dashboard::repo {
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

constexpr const char* kProgram =
    "SELECT (SELECT COUNT(*) FROM courses WHERE fiscal_year = ?) AS courses, "
    "(SELECT COUNT(*) FROM courses WHERE fiscal_year = ? AND status = 'confirmed') AS confirmed, "
    "(SELECT COUNT(*) FROM applications WHERE fiscal_year = ? AND status = 'accepted' AND trainee_type = 'A') AS "
    "accepted_a, "
    "(SELECT COUNT(*) FROM applications WHERE fiscal_year = ? AND status = 'accepted' AND trainee_type = 'B') AS "
    "accepted_b, "
    "(SELECT COALESCE(MAX(target_a), 0) FROM program_years WHERE fiscal_year = ?) AS target_a, "
    "(SELECT COALESCE(MAX(target_b), 0) FROM program_years WHERE fiscal_year = ?) AS target_b, "
    "(SELECT COUNT(*) FROM course_sessions s JOIN terms t ON t.id = s.term_id "
    " WHERE t.fiscal_year = ? AND s.status = 'scheduled') AS sessions, "
    "(SELECT COUNT(*) FROM course_sessions s JOIN terms t ON t.id = s.term_id "
    " WHERE t.fiscal_year = ? AND s.status = 'scheduled' AND s.day < ?) AS held, "
    "(SELECT COALESCE(MIN(s.day), '') FROM course_sessions s JOIN terms t ON t.id = s.term_id "
    " WHERE t.fiscal_year = ? AND s.status = 'scheduled' AND s.day >= ?) AS next_day, "
    "(SELECT COALESCE(MIN(id), 0) FROM terms WHERE fiscal_year = ? AND ends_on >= ?) AS term_id";

}  // namespace

Overview overview(db::Conn& c, std::int64_t now, std::int64_t day_start) {
  return entity::from_row<Overview>(
      *c.query_one("SELECT (SELECT COUNT(*) FROM users WHERE active = 1) AS users, "
                   "(SELECT COUNT(*) FROM sessions WHERE expires_at > ? AND last_seen > ?) AS sessions, "
                   "(SELECT COUNT(*) FROM audit_log WHERE at >= ?) AS changes",
                   {now, now - 1800, to_iso_utc(day_start)}));
}

ProgramFigures program_figures(db::Conn& c, int fy, const std::string& today,
                               const std::vector<std::int64_t>& institutions) {
  std::string sql = kProgram;
  db::Params p{fy, fy, fy, fy, fy, fy, fy, fy, today, fy, today, fy, today};
  if (!institutions.empty()) {
    sql +=
        ", (SELECT COUNT(DISTINCT ci.course_id) FROM course_instructors ci "
        "JOIN instructors i ON i.id = ci.instructor_id "
        "JOIN courses k ON k.id = ci.course_id WHERE k.fiscal_year = ? AND i.organization_id IN (";
    p.emplace_back(fy);
    sql += db::placeholders(institutions, p) + ")) AS taught";
  }
  return entity::from_row<ProgramFigures>(*c.query_one(sql, p));
}

std::vector<QueueItem> work_queue(db::Conn& c, const std::string& today) {
  std::map<std::string, std::vector<QueuePart>> found;
  for (const auto& r : c.query(kCounts, {today}))
    found[r.str("item")].push_back({r.i64("scope"), r.str("label"), r.i64("n")});
  std::vector<QueueItem> out;
  for (const auto& key : item_keys()) out.push_back({key, found[key]});
  return out;
}

}  // namespace mdsc::dashboard::repo
