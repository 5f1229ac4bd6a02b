#include "modules/certificates/model.h"

namespace mdsc::certificates {

using entity::Table, entity::field, entity::columns;

const entity::Table<Certificate>& Certificate::table() {
  using C = Certificate;
  static const Table<C> t{
      "certificates",
      {field<&C::id>().key(),
       columns<&C::number, &C::completion_id, &C::user_id, &C::fiscal_year, &C::name, &C::name_en, &C::issued_on>(),
       field<&C::payload>().not_audited(), columns<&C::signature, &C::key_id>(), field<&C::issued_by>().nullable(),
       field<&C::issued_at>().instant(), field<&C::revoked_at>().nullable().instant(),
       field<&C::revoked_by>().nullable(), field<&C::revoke_reason>().max(500)}};
  return t;
}

}  // namespace mdsc::certificates
