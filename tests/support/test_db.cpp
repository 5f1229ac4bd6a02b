#include "support/test_db.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "db/migrator.h"

namespace mdsc::testing {
namespace {

namespace fs = std::filesystem;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// Unique across the processes ctest runs side by side against one server or folder.
std::string unique_name() {
  static std::atomic<int> counter{0};
  static const long long start =
      std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now().time_since_epoch()).count() % 1000000;
  return "t" + std::to_string(getpid()) + "_" + std::to_string(start) + "_" +
         std::to_string(++counter);
}

// What this process made, removed when it exits.
struct Leftovers {
  std::mutex mu;
  std::vector<fs::path> files;
  PGconn* admin = nullptr;
  std::vector<std::string> databases;

  ~Leftovers() {
    std::error_code ec;
    for (const auto& f : files) {
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(fs::path(f.string() + suffix), ec);
    }
    if (admin) {
      for (const auto& d : databases) PQclear(PQexec(admin, ("DROP DATABASE IF EXISTS \"" + d + "\"").c_str()));
      PQfinish(admin);
    }
  }
};
Leftovers& leftovers() {
  static Leftovers l;
  return l;
}

std::string sqlite_url() {
  fs::path dir = env("MDSC_TEST_TMP");
  if (dir.empty()) dir = fs::temp_directory_path() / "mdsc-test";
  dir /= "db";
  fs::create_directories(dir);
  fs::path file = dir / (unique_name() + ".db");
  auto& l = leftovers();
  std::lock_guard lock(l.mu);
  l.files.push_back(file);
  return "sqlite:" + file.string();
}

PGresult* admin_exec(PGconn* admin, const std::string& sql) {
  PGresult* r = PQexec(admin, sql.c_str());
  auto st = PQresultStatus(r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    std::string err = PQresultErrorMessage(r);
    PQclear(r);
    throw std::runtime_error(sql + ": " + err);
  }
  return r;
}

// postgresql://user@host/DBNAME?params with another database name.
std::string with_database(const std::string& url, const std::string& name) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) throw std::runtime_error("bad test server URL " + url);
  auto path = url.find('/', scheme + 3);
  auto query = url.find('?', scheme + 3);
  if (path == std::string::npos || (query != std::string::npos && path > query)) path = query;
  std::string prefix = url.substr(0, path == std::string::npos ? url.size() : path);
  std::string suffix = query == std::string::npos ? "" : url.substr(query);
  return prefix + "/" + name + suffix;
}

// The admin URL of the test server; the admin connection is opened on first use.
std::string pg_admin(Leftovers& l) {
  std::string dir = env("MDSC_TEST_PG_DIR");
  if (dir.empty())
    throw std::runtime_error(
        "MDSC_TEST_BACKEND=postgresql but MDSC_TEST_PG_DIR is not set: run through ctest (fixture "
        "pg), or `tests/support/pg-server start DIR` and export MDSC_TEST_PG_DIR=DIR");
  std::ifstream in(fs::path(dir) / "url");
  std::string admin_url;
  if (!std::getline(in, admin_url) || admin_url.empty())
    throw std::runtime_error("no PostgreSQL test server: " + dir +
                             "/url is missing (did `tests/support/pg-server start` run?)");
  if (!l.admin) {
    l.admin = PQconnectdb(admin_url.c_str());  // libpq reads the URL form itself
    if (PQstatus(l.admin) != CONNECTION_OK) {
      std::string err = PQerrorMessage(l.admin);
      PQfinish(l.admin);
      l.admin = nullptr;
      throw std::runtime_error("cannot reach the PostgreSQL test server at " + admin_url + ": " + err);
    }
  }
  return admin_url;
}

// A database with the embedded migrations applied, to copy from: cloning it takes a fraction of
// migrating each test's database. One per server and set of migrations, shared by the test
// programs that ctest runs side by side (an advisory lock makes one of them build it).
std::string pg_template(Leftovers& l, const std::string& admin_url) {
  static std::string name;
  if (!name.empty()) return name;
  std::string all;
  for (const auto& m : db::embedded_migrations()) all += m.name + '\n' + m.sql + '\n';
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016zx", std::hash<std::string>{}(all));
  std::string tpl = std::string("mdsc_tpl_") + hex;

  PQclear(admin_exec(l.admin, "SELECT pg_advisory_lock(7263)"));
  struct Unlock {
    PGconn* c;
    ~Unlock() { PQclear(PQexec(c, "SELECT pg_advisory_unlock(7263)")); }
  } unlock{l.admin};
  PGresult* r = admin_exec(l.admin, "SELECT 1 FROM pg_database WHERE datname = '" + tpl + "'");
  bool exists = PQntuples(r) > 0;
  PQclear(r);
  if (!exists) {
    std::string building = tpl + "_" + std::to_string(getpid());
    PQclear(admin_exec(l.admin, "DROP DATABASE IF EXISTS \"" + building + "\""));
    PQclear(admin_exec(l.admin, "CREATE DATABASE \"" + building + "\""));
    {
      auto database = db::Database::open(with_database(admin_url, building), 1);
      db::migrate(*database);
    }  // closed: a template must have no connections
    // Renamed only once complete, so nobody ever copies a half-migrated template.
    PQclear(admin_exec(l.admin, "ALTER DATABASE \"" + building + "\" RENAME TO \"" + tpl + "\""));
  }
  name = tpl;
  return name;
}

std::string pg_url(bool migrated) {
  auto& l = leftovers();
  std::lock_guard lock(l.mu);
  std::string admin_url = pg_admin(l);
  std::string name = unique_name();
  std::string sql = "CREATE DATABASE \"" + name + "\"";
  if (migrated) sql += " TEMPLATE \"" + pg_template(l, admin_url) + "\"";
  // For a small template, faster than PG 15's default of writing it all to the WAL.
  sql += " STRATEGY FILE_COPY";
  PQclear(admin_exec(l.admin, sql));
  l.databases.push_back(name);
  return with_database(admin_url, name);
}

}  // namespace

db::Dialect backend() {
  std::string b = env("MDSC_TEST_BACKEND");
  if (b.empty() || b == "sqlite") return db::Dialect::sqlite;
  if (b == "postgresql" || b == "postgres") return db::Dialect::postgresql;
  throw std::runtime_error("MDSC_TEST_BACKEND=" + b + ": expected sqlite or postgresql");
}

std::string fresh_database_url() {
  return backend() == db::Dialect::sqlite ? sqlite_url() : pg_url(/*migrated=*/false);
}

std::unique_ptr<db::Database> fresh_database(bool migrated, std::size_t pool_size) {
  if (backend() == db::Dialect::postgresql)
    return db::Database::open(pg_url(migrated), pool_size);  // copied from a migrated template
  auto database = db::Database::open(sqlite_url(), pool_size);
  if (migrated) db::migrate(*database);
  return database;
}

}  // namespace mdsc::testing
