#pragma once
// Database URLs -> what the backends need to connect.
//   sqlite:path/to/file.db   sqlite:///abs/path.db   sqlite::memory:
//   postgresql://user:password@host:port/dbname?host=/socket/dir&sslmode=...   (or postgres://)
#include <string>
#include <variant>

namespace mdsc::db::detail {

struct SqliteTarget {
  std::string path;
};
struct PgTarget {
  std::string conninfo;  // libpq keyword=value form, values quoted
};

// Throws db::Error (other) for a URL it cannot read.
std::variant<SqliteTarget, PgTarget> parse_url(const std::string& url);

}  // namespace mdsc::db::detail
