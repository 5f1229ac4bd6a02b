#include "modules/invoicing/fiscal_years.h"

#include <cstdio>

#include "core/clock.h"
#include "core/i18n.h"
#include "modules/invoicing/repo.h"

namespace mdsc::invoicing {

Status close_fiscal_year(Work& w, int fy) {
  int y, m, d;
  std::sscanf(i18n::tokyo_date_iso(w.now).c_str(), "%4d-%2d-%2d", &y, &m, &d);
  if (fy < 2000 || fy >= i18n::fiscal_year_of(y, m, d))
    return Status::invalid().field("fiscal_year", "invoicing.year_not_ended", {{"year", i18n::fiscal_year_label(fy)}});
  if (!repo::close_year(w.conn, fy, to_iso_utc(w.now), w.actor.user_id))
    return Status(Code::conflict, "invoicing.year_already_closed", {{"year", i18n::fiscal_year_label(fy)}});
  auto after = repo::year_closure(w.conn, fy);
  w.audit("close", "invoice_year", std::to_string(fy), {{"closed", false}},
          {{"closed", true},
           {"last_invoice_seq", after->last_invoice_seq},
           {"last_credit_note_seq", after->last_credit_note_seq}});
  return Status::ok();
}

}  // namespace mdsc::invoicing
