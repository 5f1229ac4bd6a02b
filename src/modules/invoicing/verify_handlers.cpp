// The public verification page of an invoice or credit note (/invoices/verify/<token>): whoever
// holds the printed document can check that the consortium issued it and whether it still stands.
// It shows what is needed for that and nothing else: number, issuer and registration number, issue
// date, total, the addressee company as printed, and the credit note that cancelled it. No lines,
// payments, addresses, contact people or e-mail (docs/decisions/0013).
#include "core/i18n.h"
#include "modules/invoicing/handlers.h"
#include "modules/invoicing/repo.h"
#include "modules/invoicing/verification.h"
#include "web/render.h"

namespace mdsc::invoicing::handlers {

Response invoice_verify(Context& ctx) {
  struct Found {
    Invoice inv;
    std::optional<Invoice> credit_note;
  };
  auto found = [&](db::Conn& c) -> std::optional<Found> {
    auto id = invoice_of_token(c, ctx.param("token"));
    auto inv = id ? repo::invoice(c, *id) : std::nullopt;
    if (!inv) return std::nullopt;
    return Found{*inv, inv->kind == "invoice" ? repo::credit_note_of(c, inv->id) : std::nullopt};
  }(ctx.work().conn);
  if (!found) return web::not_found(ctx);
  const Invoice& inv = found->inv;
  const InvoiceDocument& d = inv.document;
  const bool credit_note = inv.kind == "credit_note";
  std::string state;
  if (credit_note) state = ctx.t("verify.state_credit_note", {{"number", d.references_number}});
  else if (found->credit_note)
    state = ctx.t("verify.state_credited", {{"number", found->credit_note->number}, {"date", found->credit_note->issue_date}});
  else state = ctx.t("verify.state_valid");
  nlohmann::json data{{"kind", ctx.t(credit_note ? "invoices.credit_note" : "invoices.detail")},
                      {"number", inv.number},
                      {"issuer", d.issuer.name},
                      {"registration_number", d.registration_number},
                      {"issue_date", inv.issue_date},
                      {"total", i18n::yen(inv.total)},
                      {"recipient", d.recipient.name},
                      {"state", state},
                      {"cancelled", !credit_note && found->credit_note.has_value()}};
  auto r = web::page(ctx, "invoicing/verify.html", "verify.title", data);
  // The address is a capability: keep it out of caches and search engines.
  r.set_header("Cache-Control", "no-store");
  r.set_header("X-Robots-Tag", "noindex, nofollow");
  return r;
}

}  // namespace mdsc::invoicing::handlers
