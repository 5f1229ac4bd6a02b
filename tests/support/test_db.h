#pragma once
// Temporary databases on the backend under test, chosen by MDSC_TEST_BACKEND (sqlite, the
// default, or postgresql). ctest runs every database suite once per backend.
//
// PostgreSQL needs the server that `tests/support/pg-server start $MDSC_TEST_PG_DIR` started (the
// ctest fixture `pg` does it): its admin URL is in $MDSC_TEST_PG_DIR/url. Without it the test
// fails with a message; it never skips, so a green postgresql run means it really ran.
#include <memory>
#include <string>

#include "db/database.h"

namespace mdsc::testing {

db::Dialect backend();

// A database nobody else uses: SQLite, a new file under $MDSC_TEST_TMP (or the system temp
// folder); PostgreSQL, a new database on the test server. Left behind: the test folder and the
// test server are removed as a whole.
std::string fresh_database_url();

// Opens fresh_database_url(), with the embedded migrations applied when `migrated`.
std::unique_ptr<db::Database> fresh_database(bool migrated = true, std::size_t pool_size = 8);

}  // namespace mdsc::testing
