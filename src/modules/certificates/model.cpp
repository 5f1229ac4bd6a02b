#include "modules/certificates/model.h"

namespace mdsc {

using entity::Table;
using entity::field;

using certificates::Certificate;

const entity::Table<Certificate>& Certificate::table() {
  using C = Certificate;
  static const Table<C> t{"certificates",
                          {field("id", &C::id).key(),
                           field("number", &C::number),
                           field("completion_id", &C::completion_id),
                           field("user_id", &C::user_id),
                           field("fiscal_year", &C::fiscal_year),
                           field("name", &C::name),
                           field("name_en", &C::name_en),
                           field("issued_on", &C::issued_on),
                           field("payload", &C::payload).not_audited(),
                           field("signature", &C::signature),
                           field("key_id", &C::key_id),
                           field("issued_by", &C::issued_by).nullable(),
                           field("issued_at", &C::issued_at).instant(),
                           field("revoked_at", &C::revoked_at).nullable().instant(),
                           field("revoked_by", &C::revoked_by).nullable(),
                           field("revoke_reason", &C::revoke_reason).max(500)}};
  return t;
}

}  // namespace mdsc
