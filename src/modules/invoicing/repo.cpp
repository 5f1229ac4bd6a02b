#include "modules/invoicing/repo.h"

#include "db/where.h"
#include "platform/entity.h"

namespace mdsc::invoicing::repo {
namespace {

const char* kInvoiceRest =
    ", i.subtotal, i.tax_total, i.total, "
    "i.created_by, i.created_at, o.name AS company_name, "
    "(SELECT COALESCE(SUM(p.amount), 0) FROM payments p WHERE p.invoice_id = i.id) AS paid, "
    "(SELECT cn.number FROM invoices cn WHERE cn.references_invoice_id = i.id) AS credited_by "
    "FROM invoices i JOIN organizations o ON o.id = i.company_id";

// The invoices' columns. A list that shows no document selects '' for it: parsing every
// document was most of what the secretariat's dashboard spent (docs/performance.md).
std::string invoice_select(bool with_document = true) {
  return std::string(
             "SELECT i.id, i.number, i.kind, i.fiscal_year, i.seq, i.company_id, i.membership_id, i.seat_request_id, "
             "i.references_invoice_id, i.issue_date, i.due_date, ") +
         (with_document ? "i.document AS document" : "'' AS document") + kInvoiceRest;
}

const char* kClosureSelect =
    "SELECT k.fiscal_year, MAX(k.closed_at) AS closed_at, MAX(k.closed_by) AS closed_by, "
    "MAX(CASE WHEN k.kind = 'invoice' THEN k.last_seq ELSE 0 END) AS last_invoice_seq, "
    "MAX(CASE WHEN k.kind = 'credit_note' THEN k.last_seq ELSE 0 END) AS last_credit_note_seq, "
    "MAX(COALESCE(NULLIF(TRIM(u.family_name || ' ' || u.given_name), ''), u.email)) AS closed_by_name "
    "FROM invoice_counters k LEFT JOIN users u ON u.id = k.closed_by "
    "WHERE k.closed_at IS NOT NULL";

void ensure_counter(db::Conn& c, int fy, const std::string& kind) {
  c.exec("INSERT INTO invoice_counters (fiscal_year, kind, last_seq) VALUES (?, ?, 0) ON CONFLICT DO NOTHING",
         {fy, kind});
}

}  // namespace

std::optional<Invoice> invoice(db::Conn& c, std::int64_t id) {
  return entity::select_first<Invoice>(c, invoice_select() + " WHERE i.id = ?", {id});
}

// Computed statuses need `today`, so the status filter and the paging happen here, not in SQL.
std::vector<Invoice> invoices(db::Conn& c, const InvoiceQuery& q) {
  db::Params p;
  db::Where w(p);
  if (q.fiscal_year) w.add("i.fiscal_year = ?", {q.fiscal_year});
  if (q.membership_id) w.add("i.membership_id = ?", {q.membership_id});
  if (q.membership_year)
    w.add("i.membership_id IN (SELECT id FROM memberships WHERE fiscal_year = ?)", {q.membership_year});
  if (!q.company_ids.empty()) w.in("i.company_id IN", q.company_ids);
  std::string sql = invoice_select(q.with_document) + w.sql() + " ORDER BY i.issue_date DESC, i.id DESC";
  std::vector<Invoice> out;
  long skipped = 0;
  for (const auto& r : c.query(sql, p)) {
    Invoice inv = entity::from_row<Invoice>(r);
    if (!q.status.empty() && inv.status(q.today) != q.status) continue;
    if (skipped++ < q.offset) continue;
    if (static_cast<long>(out.size()) >= q.limit) break;
    out.push_back(std::move(inv));
  }
  return out;
}

std::vector<Invoice> invoices_of_membership(db::Conn& c, std::int64_t membership_id) {
  return entity::from_rows<Invoice>(
      c.query(invoice_select() + " WHERE i.membership_id = ? ORDER BY i.id", {membership_id}));
}

std::optional<Invoice> credit_note_of(db::Conn& c, std::int64_t invoice_id) {
  return entity::select_first<Invoice>(c, invoice_select() + " WHERE i.references_invoice_id = ?", {invoice_id});
}

std::int64_t insert_invoice(db::Conn& c, const Invoice& inv) {
  return c.insert(
      "INSERT INTO invoices (number, kind, fiscal_year, seq, company_id, membership_id, seat_request_id, "
      "references_invoice_id, issue_date, due_date, document, subtotal, tax_total, total, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      entity::params(inv));
}

std::vector<Payment> payments_of(db::Conn& c, std::int64_t invoice_id) {
  return entity::from_rows<Payment>(
      c.query("SELECT id, invoice_id, paid_on, amount, method, reference, created_by, created_at FROM payments "
              "WHERE invoice_id = ? ORDER BY paid_on, id",
              {invoice_id}));
}

std::int64_t insert_payment(db::Conn& c, const Payment& p) {
  return c.insert(
      "INSERT INTO payments (invoice_id, paid_on, amount, method, reference, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      entity::params(p));
}

std::optional<int> next_seq(db::Conn& c, int fy, const std::string& kind) {
  ensure_counter(c, fy, kind);
  if (c.exec("UPDATE invoice_counters SET last_seq = last_seq + 1 WHERE fiscal_year = ? AND kind = ? "
             "AND closed_at IS NULL",
             {fy, kind}) != 1)
    return std::nullopt;
  return static_cast<int>(
      c.scalar_i64("SELECT last_seq FROM invoice_counters WHERE fiscal_year = ? AND kind = ?", {fy, kind}));
}

bool close_year(db::Conn& c, int fy, const std::string& at, std::int64_t by) {
  for (const char* kind : {"invoice", "credit_note"}) ensure_counter(c, fy, kind);
  // One conditional statement: of two closers the second finds nothing left to close; an issuer
  // holding a counter row (next_seq) makes this wait until its invoice has committed.
  return c.exec("UPDATE invoice_counters SET closed_at = ?, closed_by = ? WHERE fiscal_year = ? AND closed_at IS NULL",
                {at, db::null_if_zero(by), fy}) > 0;
}

std::optional<YearClosure> year_closure(db::Conn& c, int fy) {
  return entity::select_first<YearClosure>(
      c, std::string(kClosureSelect) + " AND k.fiscal_year = ? GROUP BY k.fiscal_year", {fy});
}

std::vector<YearClosure> closed_years(db::Conn& c) {
  return entity::from_rows<YearClosure>(
      c.query(std::string(kClosureSelect) + " GROUP BY k.fiscal_year ORDER BY k.fiscal_year DESC"));
}

bool mark_reminded(db::Conn& c, std::int64_t invoice_id, const std::string& day) {
  return c.exec("INSERT INTO invoice_reminders (invoice_id, sent_on) VALUES (?, ?) ON CONFLICT DO NOTHING",
                {invoice_id, day}) > 0;
}

void insert_verification_token(db::Conn& c, std::int64_t invoice_id, const std::string& token) {
  c.exec("INSERT INTO invoice_verifications (invoice_id, token) VALUES (?, ?)", {invoice_id, token});
}

std::string verification_token(db::Conn& c, std::int64_t invoice_id) {
  auto r = c.query_one("SELECT token FROM invoice_verifications WHERE invoice_id = ?", {invoice_id});
  return r ? r->str("token") : "";
}

std::optional<std::int64_t> invoice_of_token(db::Conn& c, const std::string& token) {
  auto r = c.query_one("SELECT invoice_id FROM invoice_verifications WHERE token = ?", {token});
  if (!r) return std::nullopt;
  return r->i64("invoice_id");
}

std::string setting(db::Conn& c, const std::string& key) {
  auto r = c.query_one("SELECT value FROM settings WHERE key = ?", {key});
  return r ? r->str("value") : "";
}

}  // namespace mdsc::invoicing::repo
