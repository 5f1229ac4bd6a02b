#include "db/soci_session.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "db/database.h"

// UBSan's vptr check on the downcasts below would need the typeinfo of SOCI's backend classes,
// which the SOCI libraries do not export: the sanitizer build would not link.
#define MDSC_NO_VPTR_CHECK __attribute__((no_sanitize("vptr")))

namespace mdsc::db::detail {

void SociCloser::operator()(soci::session* s) const { delete s; }

MDSC_NO_VPTR_CHECK SociSession open_sqlite_session(const std::string& path, ::sqlite3** native) {
  if (path.find('"') != std::string::npos)
    throw Error(Error::Kind::other, "sqlite: a path with '\"' is not supported");
  try {
    SociSession s(new soci::session(*soci::factory_sqlite3(), "db=\"" + path + "\""));
    auto* backend = static_cast<soci::sqlite3_session_backend*>(s->get_backend());
    // soci's copy of sqlite3.h sits in namespace sqlite_api: same C struct, other name.
    *native = reinterpret_cast<::sqlite3*>(backend->conn_);
    return s;
  } catch (const soci::soci_error& e) {
    throw Error(Error::Kind::other, std::string("sqlite: cannot open database: ") + e.what());
  }
}

MDSC_NO_VPTR_CHECK SociSession open_postgresql_session(const std::string& conninfo,
                                                       pg_conn** native) {
  try {
    SociSession s(new soci::session(*soci::factory_postgresql(), conninfo));
    *native = static_cast<soci::postgresql_session_backend*>(s->get_backend())->conn_;
    return s;
  } catch (const soci::soci_error& e) {
    // libpq's message names host and database, never the password.
    throw Error(Error::Kind::other, std::string("postgresql: cannot connect: ") + e.what());
  }
}

}  // namespace mdsc::db::detail
