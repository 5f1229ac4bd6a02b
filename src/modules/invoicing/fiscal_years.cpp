#include "modules/invoicing/fiscal_years.h"

#include <cstdio>

#include "core/clock.h"
#include "core/i18n.h"

namespace mdsc::invoicing {
namespace {

const char* kClosureSelect =
    "SELECT k.fiscal_year, MAX(k.closed_at) AS closed_at, MAX(k.closed_by) AS closed_by, "
    "MAX(CASE WHEN k.kind = 'invoice' THEN k.last_seq ELSE 0 END) AS last_invoice, "
    "MAX(CASE WHEN k.kind = 'credit_note' THEN k.last_seq ELSE 0 END) AS last_credit_note, "
    "MAX(COALESCE(NULLIF(TRIM(u.family_name || ' ' || u.given_name), ''), u.email)) AS closed_by_name "
    "FROM invoice_counters k LEFT JOIN users u ON u.id = k.closed_by "
    "WHERE k.closed_at IS NOT NULL";

YearClosure closure_from(const db::Row& r) {
  YearClosure y;
  y.fiscal_year = static_cast<int>(r.i64("fiscal_year"));
  y.closed_at = r.str("closed_at");
  y.closed_by = r.i64("closed_by");
  y.closed_by_name = r.is_null("closed_by_name") ? "" : r.str("closed_by_name");
  y.last_invoice_seq = static_cast<int>(r.i64("last_invoice"));
  y.last_credit_note_seq = static_cast<int>(r.i64("last_credit_note"));
  return y;
}

}  // namespace

Status close_fiscal_year(db::Database& db, const audit::Actor& actor, int fy, std::int64_t now) {
  int y, m, d;
  std::sscanf(i18n::tokyo_date_iso(now).c_str(), "%4d-%2d-%2d", &y, &m, &d);
  if (fy < 2000 || fy >= i18n::fiscal_year_of(y, m, d))
    return Status::invalid().field("fiscal_year", "invoicing.year_not_ended", {{"year", i18n::fiscal_year_label(fy)}});
  return db.write([&](db::Conn& c) -> Status {
    for (const char* kind : {"invoice", "credit_note"})
      c.exec("INSERT INTO invoice_counters (fiscal_year, kind, last_seq) VALUES (?, ?, 0) ON CONFLICT DO NOTHING",
             {fy, kind});
    // One conditional statement: of two closers the second finds nothing left to close; an issuer
    // holding a counter row (next_seq) makes this wait until its invoice has committed.
    auto closed = c.exec("UPDATE invoice_counters SET closed_at = ?, closed_by = ? WHERE fiscal_year = ? AND closed_at IS NULL",
                         {to_iso_utc(now), actor.user_id ? db::Param(actor.user_id) : db::Param(nullptr), fy});
    if (closed == 0)
      return Status(Code::conflict, "invoicing.year_already_closed", {{"year", i18n::fiscal_year_label(fy)}});
    auto after = year_closure(c, fy);
    audit::record(c, actor, "close", "invoice_year", std::to_string(fy), {{"closed", false}},
                  {{"closed", true},
                   {"last_invoice_seq", after->last_invoice_seq},
                   {"last_credit_note_seq", after->last_credit_note_seq}},
                  now);
    return Status::ok();
  });
}

std::optional<YearClosure> year_closure(db::Conn& c, int fy) {
  auto r = c.query_one(std::string(kClosureSelect) + " AND k.fiscal_year = ? GROUP BY k.fiscal_year", {fy});
  if (!r) return std::nullopt;
  return closure_from(*r);
}

std::vector<YearClosure> closed_years(db::Conn& c) {
  std::vector<YearClosure> out;
  for (const auto& r : c.query(std::string(kClosureSelect) + " GROUP BY k.fiscal_year ORDER BY k.fiscal_year DESC"))
    out.push_back(closure_from(r));
  return out;
}

}  // namespace mdsc::invoicing
