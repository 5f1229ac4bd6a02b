#include "db/migrator.h"

#include <gtest/gtest.h>

#include <regex>
#include <thread>

#include "support/test_db.h"

namespace {

using mdsc::db::Conn;
using mdsc::db::Dialect;
using mdsc::db::Error;
using mdsc::db::Migration;

bool table_exists(mdsc::db::Database& db, const std::string& name) {
  return db.read([&](Conn& c) {
    if (c.dialect() == Dialect::sqlite)
      return c.scalar_i64("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", {name}) > 0;
    return c.scalar_i64("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
                        " AND tablename = ?",
                        {name}) > 0;
  });
}

TEST(Migrator, AppliesTheEmbeddedMigrationsOnce) {
  auto db = mdsc::testing::fresh_database(/*migrated=*/false);
  EXPECT_EQ(mdsc::db::current_version(*db), 0);
  auto todo = mdsc::db::pending(*db);
  ASSERT_FALSE(todo.empty());
  EXPECT_EQ(todo.front().version, 1);
  EXPECT_EQ(todo.front().name, "0001_core.sql");

  auto report = mdsc::db::migrate(*db);
  EXPECT_EQ(report.from_version, 0);
  EXPECT_EQ(report.to_version, todo.back().version);
  ASSERT_EQ(report.applied.size(), todo.size());
  EXPECT_EQ(report.applied.front(), "0001_core.sql");
  EXPECT_EQ(mdsc::db::current_version(*db), todo.back().version);
  EXPECT_TRUE(mdsc::db::pending(*db).empty());

  auto row = db->read([](Conn& c) { return *c.query_one("SELECT * FROM schema_migrations WHERE version = 1"); });
  EXPECT_EQ(row.str("name"), "0001_core.sql");
  EXPECT_TRUE(std::regex_match(row.str("applied_at"), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << row.str("applied_at");

  auto again = mdsc::db::migrate(*db);
  EXPECT_TRUE(again.applied.empty());
  EXPECT_EQ(again.from_version, again.to_version);
  EXPECT_EQ(db->read([](Conn& c) { return c.scalar_i64("SELECT count(*) FROM schema_migrations"); }),
            static_cast<std::int64_t>(todo.size()));
}

TEST(Migrator, AFailingMigrationChangesNothing) {
  auto db = mdsc::testing::fresh_database(/*migrated=*/false);
  std::vector<Migration> ms = {
      {1, "0001_a.sql", "CREATE TABLE a (x INTEGER);\n"},
      {2, "0002_b.sql",
       "CREATE TABLE b (x INTEGER);\nINSERT INTO a VALUES (1);\nCREATE TABLE c (x INTEGER);\n"
       "INSERT INTO no_such_table VALUES (1);\nCREATE TABLE d (x INTEGER);\n"},
      {3, "0003_e.sql", "CREATE TABLE e (x INTEGER);\n"},
  };
  try {
    mdsc::db::migrate(*db, ms);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("0002_b.sql"), std::string::npos) << e.what();
  }
  EXPECT_EQ(mdsc::db::current_version(*db), 1);
  EXPECT_TRUE(table_exists(*db, "a"));
  for (const char* t : {"b", "c", "d", "e"}) EXPECT_FALSE(table_exists(*db, t)) << t;
  EXPECT_EQ(db->read([](Conn& c) { return c.scalar_i64("SELECT count(*) FROM a"); }), 0);

  ms[1].sql = "CREATE TABLE b (x INTEGER);\n";  // fixed: now the rest applies
  auto report = mdsc::db::migrate(*db, ms);
  EXPECT_EQ(report.applied, (std::vector<std::string>{"0002_b.sql", "0003_e.sql"}));
  EXPECT_TRUE(table_exists(*db, "e"));
}

TEST(Migrator, RefusesADatabaseNewerThanItsFiles) {
  auto db = mdsc::testing::fresh_database(/*migrated=*/false);
  mdsc::db::migrate(*db, {{1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"},
                          {2, "0002_b.sql", "CREATE TABLE b (x INTEGER);"}});
  try {
    mdsc::db::migrate(*db, {{1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"}});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
  }
  EXPECT_THROW(mdsc::db::pending(*db, {{1, "0001_a.sql", ""}}), Error);
}

TEST(Migrator, RefusesAFileOlderThanTheLatestApplied) {
  auto db = mdsc::testing::fresh_database(/*migrated=*/false);
  mdsc::db::migrate(*db, {{1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"},
                          {3, "0003_c.sql", "CREATE TABLE c (x INTEGER);"}});
  EXPECT_THROW(mdsc::db::migrate(*db, {{1, "0001_a.sql", ""}, {2, "0002_b.sql", ""}, {3, "0003_c.sql", ""}}),
               Error);
  EXPECT_FALSE(table_exists(*db, "b"));
}

TEST(Migrator, RejectsDuplicateVersions) {
  auto db = mdsc::testing::fresh_database(/*migrated=*/false);
  EXPECT_THROW(mdsc::db::migrate(*db, {{1, "0001_a.sql", ""}, {1, "0001_b.sql", ""}}), Error);
}

TEST(Migrator, ConcurrentMigratorsApplyOnce) {
  auto url = mdsc::testing::fresh_database_url();
  std::vector<Migration> ms = {{1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"},
                               {2, "0002_b.sql", "CREATE TABLE b (x INTEGER);"}};
  std::vector<std::size_t> applied(4);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < applied.size(); ++k) {
    threads.emplace_back([&, k] {
      auto db = mdsc::db::Database::open(url, 2);
      applied[k] = mdsc::db::migrate(*db, ms).applied.size();
    });
  }
  for (auto& t : threads) t.join();
  std::size_t total = 0;
  for (auto n : applied) total += n;
  EXPECT_EQ(total, 2u);
  auto db = mdsc::db::Database::open(url, 1);
  EXPECT_EQ(mdsc::db::current_version(*db), 2);
}

TEST(Migrator, DialectSections) {
  std::string sql =
      "CREATE TABLE t (\n"
      "-- dialect: sqlite\n"
      "  id INTEGER PRIMARY KEY,\n"
      "--   dialect:   postgresql\n"
      "  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
      "-- dialect: all\n"
      "  x TEXT);";
  EXPECT_EQ(mdsc::db::sql_for_dialect(sql, Dialect::sqlite),
            "CREATE TABLE t (\n-- dialect: sqlite\n  id INTEGER PRIMARY KEY,\n\n\n"
            "-- dialect: all\n  x TEXT);");
  EXPECT_EQ(mdsc::db::sql_for_dialect(sql, Dialect::postgresql),
            "CREATE TABLE t (\n\n\n--   dialect:   postgresql\n"
            "  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n-- dialect: all\n  x TEXT);");
  EXPECT_THROW(mdsc::db::sql_for_dialect("-- dialect: mysql\n", Dialect::sqlite), Error);
}

TEST(Migrator, EmbeddedFilesAreNumbered) {
  auto ms = mdsc::db::embedded_migrations();
  ASSERT_FALSE(ms.empty());
  EXPECT_EQ(ms.front().version, 1);
  EXPECT_FALSE(ms.front().sql.empty());
}

}  // namespace
