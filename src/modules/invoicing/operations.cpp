#include "modules/invoicing/operations.h"

#include <cstdio>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/money.h"
#include "modules/invoicing/fiscal_years.h"
#include "modules/invoicing/repo.h"
#include "modules/invoicing/tax.h"
#include "modules/invoicing/verification.h"
#include "modules/members.h"
#include "platform/entity.h"

namespace mdsc::invoicing {
namespace {

bool valid_date(const std::string& s) {
  int y, m, d;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return false;
  std::int64_t unix = 0;
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && i18n::tokyo_to_unix(s, "00:00:00", unix) &&
         i18n::tokyo_date_iso(unix) == s;
}

std::string add_days(const std::string& date, int days) {
  std::int64_t t = 0;
  i18n::tokyo_to_unix(date, "12:00:00", t);
  return i18n::tokyo_date_iso(t + static_cast<std::int64_t>(days) * 86400);
}

int fiscal_year_of_date(const std::string& date) {
  int y, m, d;
  std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d);
  return i18n::fiscal_year_of(y, m, d);
}

Status year_closed(int fy) {
  return Status::invalid().field("issue_date", "invoicing.year_closed", {{"year", i18n::fiscal_year_label(fy)}});
}

// Serialises the payments and the credit note of one invoice (invoices are immutable rows, which
// an UPDATE cannot lock): the membership row, which every issuing path sets; without one, on
// PostgreSQL the invoice row itself (FOR UPDATE does not fire the immutability trigger). SQLite
// writers are serial anyway.
void lock_payments_of(db::Conn& c, const Invoice& inv) {
  if (inv.membership_id)
    members::lock_membership(c, inv.membership_id);
  else if (c.dialect() == db::Dialect::postgresql) c.query("SELECT id FROM invoices WHERE id = ? FOR UPDATE", {inv.id});
}

std::string format_number(const std::string& prefix, int fy, bool credit, int seq) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s-FY%d-%s%04d", prefix.c_str(), fy, credit ? "CN" : "", seq);
  return buf;
}

Party issuer_party(const members::IssuerProfile& p) {
  return Party{p.name, p.postal_code, p.address, p.department, "", p.phone, p.email};
}

Party recipient_party(const members::Organization& o) {
  return Party{o.name, o.postal_code, o.address, o.contact_department, o.contact_name, o.phone, o.email};
}

struct Prepared {
  members::IssuerProfile issuer;
  std::string issue_date, due_date;
  int fy = 0;
};

Result<Prepared> prepare(db::Conn& c, const IssueInput& in, std::int64_t now, bool needs_due) {
  auto issuer = members::issuer_profile(c);
  if (!issuer) return Status(Code::invalid, "invoicing.no_issuer_profile");
  Prepared p;
  p.issuer = *issuer;
  const std::string today = i18n::tokyo_date_iso(now);
  p.issue_date = in.issue_date.empty() ? today : in.issue_date;
  Status st;
  if (!valid_date(p.issue_date)) {
    st.field("issue_date", "validation.date");
  } else if (std::string earliest = add_days(today, -in.window.backdate_days); p.issue_date < earliest) {
    st.field("issue_date", "invoicing.date_too_early", {{"date", earliest}, {"days", std::to_string(in.window.backdate_days)}});
  } else if (std::string latest = add_days(today, in.window.forward_days); p.issue_date > latest) {
    st.field("issue_date", "invoicing.date_too_late", {{"date", latest}, {"days", std::to_string(in.window.forward_days)}});
  }
  // An empty due date is allowed (issue date + payment days), also next to a refused issue date.
  if (needs_due && in.due_date.empty()) {
    if (st) p.due_date = add_days(p.issue_date, issuer->payment_days);
  } else if (needs_due) {
    p.due_date = in.due_date;
    if (!valid_date(p.due_date)) st.field("due_date", "validation.date");
    else if (st && p.due_date < p.issue_date) st.field("due_date", "invoicing.due_before_issue");
  }
  if (!st) return st;
  p.fy = fiscal_year_of_date(p.issue_date);
  return p;
}

// Stores an invoice or a credit note with its verification token; seq is its number's place.
std::int64_t store(Work& w, Invoice& inv, int seq) {
  inv.seq = seq;
  inv.created_by = w.actor.user_id;
  inv.created_at = to_iso_utc(w.now);
  inv.id = repo::insert_invoice(w.conn, inv);
  add_verification_token(w.conn, inv.id);
  return inv.id;
}

// fee_year: the fiscal year the fee is for (printed); the number follows the issue date's year.
Result<std::int64_t> issue(Work& w, Invoice inv, const Prepared& p, int fee_year, std::vector<DocumentLine> lines,
                           const std::string& notes) {
  db::Conn& c = w.conn;
  auto company = members::find_organization(c, inv.company_id);
  if (!company) return Status::not_found();
  auto totals = compute_totals(lines, rounding_from(p.issuer.rounding));
  if (!totals) return totals.status();
  auto seq = repo::next_seq(c, p.fy, "invoice");
  if (!seq) return year_closed(p.fy);
  inv.kind = "invoice";
  inv.fiscal_year = p.fy;
  inv.number = format_number(p.issuer.number_prefix, p.fy, false, *seq);
  inv.issue_date = p.issue_date;
  inv.due_date = p.due_date;
  InvoiceDocument& d = inv.document;
  d.number = inv.number;
  d.issue_date = p.issue_date;
  d.due_date = p.due_date;
  d.fiscal_year_label = i18n::fiscal_year_display("ja", fee_year);
  d.issuer = issuer_party(p.issuer);
  d.registration_number = p.issuer.registration_number;
  d.recipient = recipient_party(*company);
  d.lines = std::move(lines);
  d.summaries = totals->summaries;
  d.subtotal = totals->subtotal;
  d.tax_total = totals->tax_total;
  d.total = totals->total;
  d.payment_terms = p.issuer.bank_details;
  d.notes = notes;
  inv.subtotal = totals->subtotal;
  inv.tax_total = totals->tax_total;
  inv.total = totals->total;
  store(w, inv, *seq);
  w.audit("issue", "invoice", inv.id, nlohmann::json::object(), entity::snapshot(inv));
  return inv.id;
}

}  // namespace

DateWindow date_window(const Config& config) {
  return DateWindow{config.invoice_backdate_days, config.invoice_forward_days};
}

Result<std::int64_t> issue_membership_invoice(Work& w, std::int64_t membership_id, const IssueInput& in) {
  db::Conn& c = w.conn;
  members::lock_membership(c, membership_id);
  auto m = members::find_membership(c, membership_id);
  if (!m) return Status::not_found();
  if (m->status == members::MembershipStatus::cancelled)
    return Status::invalid().field("membership_id", "invoicing.membership_cancelled");
  for (const auto& existing : repo::invoices_of_membership(c, membership_id))
    if (existing.kind == "invoice" && existing.seat_request_id == 0 && existing.credited_by.empty())
      return Status(Code::conflict, "invoicing.already_invoiced", {{"number", existing.number}});
  auto tier = members::find_tier(c, m->tier_id);
  auto prepared = prepare(c, in, w.now, true);
  if (!prepared) return prepared.status();
  std::string fy = i18n::fiscal_year_display("ja", m->fiscal_year);
  DocumentLine line{fy + " " + tier->name_ja + " 年会費", 1, tier->annual_fee, tier->annual_fee,
                    category_from(tier->tax_category).value_or(TaxCategory::standard10)};
  Invoice inv;
  inv.company_id = m->company_id;
  inv.membership_id = membership_id;
  return issue(w, inv, *prepared, m->fiscal_year, {line}, in.notes);
}

Result<std::int64_t> issue_seat_invoice(Work& w, std::int64_t seat_request_id, const IssueInput& in) {
  db::Conn& c = w.conn;
  // The seat's status and fee, read under the membership's lock that decide_consultation and
  // withdraw_seat take.
  auto r = members::lock_seat_request(c, seat_request_id);
  if (!r) return Status::not_found();
  if (r->status != members::SeatStatus::accepted || !r->extra_fee || *r->extra_fee <= 0)
    return Status::invalid().field("seat_request_id", "invoicing.no_extra_fee");
  if (!money::within_limit(*r->extra_fee))  // agreed before the bound existed
    return Status::invalid().field("extra_fee", "validation.amount_too_large", {{"max", i18n::yen(money::kMaxAmount)}});
  auto m = members::find_membership(c, r->membership_id);
  for (const auto& existing : repo::invoices_of_membership(c, m->id))
    if (existing.seat_request_id == seat_request_id && existing.kind == "invoice" && existing.credited_by.empty())
      return Status(Code::conflict, "invoicing.already_invoiced", {{"number", existing.number}});
  auto prepared = prepare(c, in, w.now, true);
  if (!prepared) return prepared.status();
  auto tier = members::find_tier(c, m->tier_id);
  std::string fy = i18n::fiscal_year_display("ja", m->fiscal_year);
  DocumentLine line{fy + " 追加受講枠(" + r->trainee_name + ")", 1, *r->extra_fee, *r->extra_fee,
                    category_from(tier->tax_category).value_or(TaxCategory::standard10)};
  Invoice inv;
  inv.company_id = m->company_id;
  inv.membership_id = m->id;
  inv.seat_request_id = seat_request_id;
  return issue(w, inv, *prepared, m->fiscal_year, {line}, in.notes);
}

Result<std::int64_t> issue_credit_note(Work& w, std::int64_t invoice_id, const std::string& reason,
                                       const std::string& issue_date, const DateWindow& window) {
  if (reason.empty()) return Status::invalid().field("reason", "validation.required");
  db::Conn& c = w.conn;
  // The first read only finds the lock (membership_id never changes); "nothing paid" and "not yet
  // credited" are read again under it, as record_payment reads them.
  auto unlocked = repo::invoice(c, invoice_id);
  if (!unlocked) return Status::not_found();
  lock_payments_of(c, *unlocked);
  auto original = repo::invoice(c, invoice_id);
  if (original->kind != "invoice") return Status::invalid().field("invoice_id", "invoicing.not_an_invoice");
  if (!original->credited_by.empty())
    return Status(Code::conflict, "invoicing.already_credited", {{"number", original->credited_by}});
  if (original->paid > 0) return Status::invalid().field("invoice_id", "invoicing.credit_after_payment");
  auto prepared = prepare(c, IssueInput{issue_date, "", "", window}, w.now, false);
  if (!prepared) return prepared.status();
  if (prepared->issue_date < original->issue_date)
    return Status::invalid().field("issue_date", "invoicing.credit_before_invoice");
  // The mirror image of the original: same lines and per-rate tax, negated, so the two sum to zero.
  // Negated before a number is taken: a refusal after next_seq would commit a gap.
  InvoiceDocument d = original->document;
  bool fits = true;
  auto neg = [&fits](std::int64_t& v) {
    auto r = money::negate(v);
    fits = fits && r.has_value();
    v = r.value_or(0);
  };
  for (auto& l : d.lines) {
    neg(l.unit_price);
    neg(l.amount);
  }
  for (auto& s : d.summaries) {
    neg(s.taxable);
    neg(s.tax_amount);
  }
  neg(d.subtotal);
  neg(d.tax_total);
  neg(d.total);
  if (!fits) return Status(Code::invalid, "invoicing.amount_too_large");
  auto seq = repo::next_seq(c, prepared->fy, "credit_note");
  if (!seq) return year_closed(prepared->fy);
  Invoice cn;
  cn.kind = "credit_note";
  cn.fiscal_year = prepared->fy;
  cn.number = format_number(prepared->issuer.number_prefix, prepared->fy, true, *seq);
  cn.company_id = original->company_id;
  cn.membership_id = original->membership_id;
  cn.seat_request_id = original->seat_request_id;
  cn.references_invoice_id = original->id;
  cn.issue_date = prepared->issue_date;
  d.credit_note = true;
  d.number = cn.number;
  d.references_number = original->number;
  d.issue_date = cn.issue_date;
  d.due_date = "";
  d.issuer = issuer_party(prepared->issuer);
  d.registration_number = prepared->issuer.registration_number;
  d.notes = reason;
  d.payment_terms = "";
  cn.document = d;
  cn.subtotal = d.subtotal;
  cn.tax_total = d.tax_total;
  cn.total = d.total;
  store(w, cn, *seq);
  w.audit("issue", "credit_note", cn.id, nlohmann::json::object(),
          {{"number", cn.number}, {"references", original->number}, {"total", cn.total}, {"reason", reason}});
  return cn.id;
}

Result<std::int64_t> record_payment(Work& w, std::int64_t invoice_id, const Payment& p) {
  const std::int64_t now = w.now;
  Status st;
  if (!valid_date(p.paid_on)) st.field("paid_on", "validation.date");
  else if (p.paid_on > i18n::tokyo_date_iso(now)) st.field("paid_on", "invoicing.paid_in_future");
  if (p.amount <= 0) st.field("amount", "validation.positive");
  else if (!money::within_limit(p.amount))
    st.field("amount", "validation.amount_too_large", {{"max", i18n::yen(money::kMaxAmount)}});
  bool known_method = false;
  for (const auto& m : payment_methods()) known_method |= m == p.method;
  if (!known_method) st.field("method", "validation.choice");
  if (p.reference.size() > 200) st.field("reference", "validation.too_long");
  if (!st) return st;
  db::Conn& c = w.conn;
  auto inv = repo::invoice(c, invoice_id);
  if (!inv) return Status::not_found();
  // Serialise payments of one membership's invoices so two clerks cannot together pay more than
  // the balance, and a payment with a credit note of the same invoice.
  lock_payments_of(c, *inv);
  inv = repo::invoice(c, invoice_id);
  if (inv->kind != "invoice") return Status::invalid().field("invoice_id", "invoicing.not_an_invoice");
  if (!inv->credited_by.empty()) return Status::invalid().field("invoice_id", "invoicing.payment_on_credited");
  if (p.amount > inv->balance())
    return Status::invalid().field("amount", "invoicing.overpayment", {{"balance", i18n::yen(inv->balance())}});
  if (p.paid_on < inv->issue_date) return Status::invalid().field("paid_on", "invoicing.paid_before_issue");
  Payment saved = p;
  saved.invoice_id = invoice_id;
  saved.created_by = w.actor.user_id;
  saved.created_at = to_iso_utc(now);
  saved.id = repo::insert_payment(c, saved);
  w.audit("create", "payment", saved.id, nlohmann::json::object(), to_json(saved));
  return saved.id;
}

int send_overdue_reminders(Work& w) {
  db::Conn& c = w.conn;
  const std::string today = i18n::tokyo_date_iso(w.now);
  InvoiceQuery q;
  q.status = "overdue";
  q.today = today;
  q.limit = 100000;
  int sent = 0;
  for (const auto& inv : repo::invoices(c, q)) {
    auto company = members::find_organization(c, inv.company_id);
    if (!company || company->email.empty()) continue;
    if (!repo::mark_reminded(c, inv.id, today)) continue;
    mail::Message m;
    m.to = company->email;
    m.subject = i18n::t("ja", "mail.overdue.subject", {{"number", inv.number}});
    m.text_body = i18n::t("ja", "mail.overdue.body",
                          {{"company", company->name}, {"number", inv.number}, {"due", inv.due_date},
                           {"balance", i18n::yen(inv.balance())}, {"link", w.base_url + "/invoices/" + std::to_string(inv.id)}});
    w.mail(m);
    ++sent;
  }
  return sent;
}

int send_overdue_reminders(db::Database& db, std::int64_t now, const std::string& base_url) {
  return write_unit(db, Who{audit::Actor::system(), now, base_url},
                    [](Work& w) { return send_overdue_reminders(w); });
}

}  // namespace mdsc::invoicing
