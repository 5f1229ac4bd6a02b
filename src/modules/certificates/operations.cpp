#include "modules/certificates/operations.h"

#include "core/i18n.h"
#include "core/signing.h"
#include "modules/certificates/document.h"
#include "modules/certificates/keys.h"
#include "modules/certificates/number.h"
#include "modules/certificates/repo.h"
#include "modules/completion.h"
#include "platform/identity/repo.h"

namespace mdsc::certificates {

Result<std::int64_t> issue(Work& w, std::int64_t completion_id) {
  const auto done = completion::confirmed_completion(w.conn, completion_id);
  if (!done) return Status::not_found();
  if (!done->signed_off_at) return Status::conflict("certificates.not_signed_off");
  const auto user = identity::repo::user_by_id(w.conn, done->user_id);
  if (!user) return Status::not_found();
  Certificate k;
  k.number = new_number(done->fiscal_year);
  k.completion_id = completion_id;
  k.user_id = done->user_id;
  k.fiscal_year = done->fiscal_year;
  k.name = user->display_name("ja");
  k.name_en = user->display_name("en");
  k.issued_on = i18n::tokyo_date_iso(w.now);
  k.issued_by = w.actor.user_id;
  k.issued_at = w.now;
  const auto key = signing_key(w.conn);
  k.payload = signing::canonical(payload_of(k, w.base_url));
  k.signature = signing::sign(k.payload, key.secret_key);
  k.key_id = signing::jwk_thumbprint(key.public_key);
  const auto id = repo::insert(w.conn, k);
  if (!id) return Status::conflict("certificates.already_issued");
  k.id = *id;
  w.audit("issue", "certificates", k.id, nlohmann::json::object(), entity::snapshot(k));
  return k.id;
}

Status revoke(Work& w, std::int64_t certificate_id, const std::string& reason) {
  if (reason.empty()) return Status::invalid().field("reason", "certificates.reason_required");
  if (reason.size() > 1500) return Status::invalid().field("reason", "validation.longer_than", {{"max", "500"}});
  const auto before = repo::by_id(w.conn, certificate_id);
  if (!before) return Status::not_found();
  if (!repo::record_revocation(w.conn, certificate_id, w.actor.user_id, w.now, reason))
    return Status::conflict("certificates.already_revoked");
  w.audit("revoke", "certificates", certificate_id, entity::snapshot(*before),
          entity::snapshot(*repo::by_id(w.conn, certificate_id)));
  return Status::ok();
}

}  // namespace mdsc::certificates
