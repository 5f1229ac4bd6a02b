#pragma once
// SOCI opens and owns the physical connections; the backends then talk to the native handle
// (sqlite3*, PGconn*) directly. Why: SOCI 4.0 prepares a statement anew on each use (and its PG
// backend sends DEALLOCATE when one is destroyed), its dynamic rows allocate per column and type
// values by declared column type differently per backend. Statements cached per connection and
// values typed by what they hold give both speed and the same types on both backends.
// This header keeps SOCI's headers (and their sqlite3.h-in-a-namespace) out of the backends.
#include <memory>
#include <string>

struct sqlite3;
struct pg_conn;

namespace soci {
class session;
}

namespace mdsc::db::detail {

struct SociCloser {
  void operator()(soci::session* s) const;
};
using SociSession = std::unique_ptr<soci::session, SociCloser>;

// Both throw db::Error when the connection cannot be made.
SociSession open_sqlite_session(const std::string& path, ::sqlite3** native);
SociSession open_postgresql_session(const std::string& conninfo, pg_conn** native);

}  // namespace mdsc::db::detail
