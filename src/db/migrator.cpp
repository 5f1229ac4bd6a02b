#include "db/migrator.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <set>

#include "core/resources.h"

namespace mdsc::db {
namespace {

// Any constant: the key of PG's advisory lock that serialises migrators.
constexpr std::int64_t kMigrationLock = 0x6d647363'6d696772;  // "mdscmigr"

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

std::string utc_now_iso() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// "0007_add_things.sql" -> 7, or -1 if the name does not follow NNNN_description.sql.
int version_of(std::string_view name) {
  std::size_t digits = 0;
  while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits]))) ++digits;
  if (digits == 0 || digits > 9 || digits >= name.size() || name[digits] != '_') return -1;
  if (name.size() < 4 || name.substr(name.size() - 4) != ".sql") return -1;
  int v = std::stoi(std::string(name.substr(0, digits)));
  return v > 0 ? v : -1;
}

void sort_and_check(std::vector<Migration>& ms) {
  std::sort(ms.begin(), ms.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
  for (std::size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].version <= 0) throw Error(Error::Kind::other, "migration " + ms[i].name + ": bad version");
    if (i > 0 && ms[i].version == ms[i - 1].version)
      throw Error(Error::Kind::other,
                  "migrations " + ms[i - 1].name + " and " + ms[i].name + " share a version");
  }
}

bool history_exists(Conn& c) {
  if (c.dialect() == Dialect::sqlite)
    return c.scalar_i64("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
                        {"schema_migrations"}) > 0;
  return c.scalar_i64("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
                      " AND tablename = ?",
                      {"schema_migrations"}) > 0;
}

std::set<int> applied_versions(Conn& c) {
  std::set<int> out;
  if (!history_exists(c)) return out;
  for (const auto& row : c.query("SELECT version FROM schema_migrations"))
    out.insert(static_cast<int>(row.i64("version")));
  return out;
}

// Serialises migrators. SQLite's BEGIN IMMEDIATE already has.
void lock(Conn& c) {
  if (c.dialect() == Dialect::postgresql) c.query("SELECT pg_advisory_xact_lock(?)", {kMigrationLock});
}

// Checks the database against the known files and returns the ones to apply.
std::vector<const Migration*> plan(const std::set<int>& applied, const std::vector<Migration>& ms) {
  int newest_known = ms.empty() ? 0 : ms.back().version;
  int newest_applied = applied.empty() ? 0 : *applied.rbegin();
  if (newest_applied > newest_known)
    throw Error(Error::Kind::other,
                "database schema is at version " + std::to_string(newest_applied) +
                    ", newer than this program knows (" + std::to_string(newest_known) +
                    "): run a newer mdsc");
  std::vector<const Migration*> todo;
  for (const auto& m : ms) {
    if (applied.count(m.version)) continue;
    if (m.version < newest_applied)
      throw Error(Error::Kind::other,
                  "migration " + m.name + " is not applied but a later version (" +
                      std::to_string(newest_applied) + ") is: renumber it after the last one");
    todo.push_back(&m);
  }
  return todo;
}

}  // namespace

std::string sql_for_dialect(const std::string& sql, Dialect dialect) {
  std::string out;
  out.reserve(sql.size());
  bool on = true;
  std::size_t pos = 0;
  int line_no = 0;
  while (pos <= sql.size()) {
    std::size_t nl = sql.find('\n', pos);
    std::size_t end = nl == std::string::npos ? sql.size() : nl;
    std::string_view line(sql.data() + pos, end - pos);
    ++line_no;
    std::string t = trim(line);
    if (t.rfind("--", 0) == 0 && trim(t.substr(2)).rfind("dialect:", 0) == 0) {
      std::string which = trim(trim(t.substr(2)).substr(8));
      if (which == "all") {
        on = true;
      } else if (which == "sqlite") {
        on = dialect == Dialect::sqlite;
      } else if (which == "postgresql") {
        on = dialect == Dialect::postgresql;
      } else {
        throw Error(Error::Kind::other, "line " + std::to_string(line_no) + ": unknown dialect '" +
                                            which + "' (sqlite, postgresql or all)");
      }
    }
    if (on) out.append(line);
    if (nl == std::string::npos) break;
    out.push_back('\n');
    pos = nl + 1;
  }
  return out;
}

std::vector<Migration> embedded_migrations() {
  std::vector<Migration> out;
  for (const auto& path : resources::list("migrations/")) {
    std::string name = path.substr(path.rfind('/') + 1);
    if (name.size() < 4 || name.substr(name.size() - 4) != ".sql") continue;
    int v = version_of(name);
    if (v < 0)
      throw Error(Error::Kind::other, "migration file " + name + ": expected NNNN_description.sql");
    out.push_back({v, name, resources::read(path).value_or("")});
  }
  sort_and_check(out);
  return out;
}

MigrationReport migrate(Database& db) { return migrate(db, embedded_migrations()); }

MigrationReport migrate(Database& db, std::vector<Migration> migrations) {
  sort_and_check(migrations);
  db.write([](Conn& c) {
    lock(c);
    c.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
           " name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  });
  auto applied = db.read([](Conn& c) { return applied_versions(c); });
  MigrationReport report;
  report.from_version = applied.empty() ? 0 : *applied.rbegin();
  report.to_version = report.from_version;
  for (const Migration* m : plan(applied, migrations)) {
    bool done = db.write([&](Conn& c) {
      lock(c);
      auto now = applied_versions(c);
      if (now.count(m->version)) return false;  // another instance applied it meanwhile
      plan(now, migrations);                     // and the checks still hold under the lock
      try {
        c.exec_script(sql_for_dialect(m->sql, c.dialect()));
      } catch (const Error& e) {
        throw Error(e.kind(), "migration " + m->name + " failed: " + e.what());
      }
      c.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
             {m->version, m->name, utc_now_iso()});
      return true;
    });
    if (done) report.applied.push_back(m->name);
    report.to_version = m->version;
  }
  return report;
}

int current_version(Database& db) {
  return db.read([](Conn& c) {
    auto v = applied_versions(c);
    return v.empty() ? 0 : *v.rbegin();
  });
}

std::vector<Pending> pending(Database& db) { return pending(db, embedded_migrations()); }

std::vector<Pending> pending(Database& db, std::vector<Migration> migrations) {
  sort_and_check(migrations);
  auto applied = db.read([](Conn& c) { return applied_versions(c); });
  std::vector<Pending> out;
  for (const Migration* m : plan(applied, migrations)) out.push_back({m->version, m->name});
  return out;
}

}  // namespace mdsc::db
