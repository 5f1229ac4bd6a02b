// The public verify page (/verify/{number}), printed on the certificate as an address and a QR
// code: the name, the programme, the date of issue, and whether the certificate is valid or since
// when it is revoked; nothing more. Numbers are random; a number that is unknown is counted
// against the client's address, so that trying numbers stops after a few dozen.
#include "core/i18n.h"
#include "modules/certificates/handlers.h"
#include "modules/certificates/keys.h"
#include "modules/certificates/number.h"
#include "modules/certificates/repo.h"
#include "platform/web_actor.h"
#include "web/rate_limit.h"
#include "web/render.h"

namespace mdsc::certificates::handlers {
namespace {

constexpr web::rate_limit::Rule kMisses{.limit = 30, .window_seconds = 900, .lock_seconds = 900};

struct Lookup {
  std::optional<Certificate> found;
  std::int64_t locked_until = 0;  // > now: refused, too many unknown numbers from this address
};

Response no_store(Response r) {
  r.set_header("Cache-Control", "no-store");
  r.set_header("X-Robots-Tag", "noindex, nofollow");
  return r;
}

}  // namespace

Response verify_page(Context& ctx) {
  const std::string number = ctx.param("number");
  const std::string key = "certificate-verify:" + ctx.client.address;
  // A read unit for the usual case (a holder checking a real number); a write only to count a miss.
  Lookup look = read_unit(ctx.db(), who_of(ctx), [&](Work& w) {
    Lookup out;
    const std::int64_t until = web::rate_limit::locked_until(w.conn, key);
    if (until > w.now) out.locked_until = until;
    else if (well_formed_number(number)) out.found = repo::by_number(w.conn, number);
    return out;
  });
  if (!look.found && !look.locked_until)
    write_unit(ctx.db(), who_of(ctx), [&](Work& w) { web::rate_limit::charge(w.conn, key, kMisses, w.now); });
  if (look.locked_until)
    return no_store(web::error(ctx, Status(Code::too_many, "certificates.too_many")
                                        .arg("time", i18n::format_datetime(ctx.lang, look.locked_until))));
  if (!look.found) return no_store(web::error(ctx, Status(Code::not_found, "certificates.verify_unknown")));
  const Certificate& c = *look.found;
  std::int64_t noon = 0;
  i18n::tokyo_to_unix(c.issued_on, "12:00:00", noon);
  nlohmann::json d{{"number", c.number},
                   {"name", c.name},
                   {"name_en", c.name_en},
                   {"program", std::string(ctx.lang == "en" ? kProgram.en : kProgram.ja) + " (" +
                                   i18n::fiscal_year_display(ctx.lang, static_cast<int>(c.fiscal_year)) + ")"},
                   {"issuers", ctx.lang == "en" ? std::string(kIssuer.en) + " / " + kSociety.en
                                                : std::string(kIssuer.ja) + "・" + kSociety.ja},
                   {"issued_on", i18n::format_date(ctx.lang, noon)},
                   {"revoked", c.revoked()},
                   {"state", c.revoked() ? ctx.t("certificates.verify_revoked",
                                                 {{"date", i18n::format_date(ctx.lang, c.revoked_at)}})
                                         : ctx.t("certificates.verify_valid")}};
  return no_store(web::page(ctx, "certificates/verify.html", "certificates.verify_title", d));
}

Response key_set_json(Context& ctx) {
  auto r = web::json(200, key_set(ctx.work().conn));
  r.set_header("Content-Type", "application/jwk-set+json");
  r.set_header("Cache-Control", "public, max-age=3600");
  return r;
}

}  // namespace mdsc::certificates::handlers
