#pragma once
// Templates, static files, catalogues and migrations are embedded at build time.
// For development, set_override_dir() (or MDSC_RESOURCE_DIR) reads them from the source tree instead.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdsc::resources {

namespace detail {
struct Entry {
  std::string_view path;
  std::string_view data;
};
const std::vector<Entry>& entries();
}  // namespace detail

void set_override_dir(std::string dir);
// "" unless templates and static files are read from disk (development).
std::string override_dir();
std::optional<std::string> read(std::string_view path);
// Paths of embedded resources under a prefix such as "migrations/", sorted.
std::vector<std::string> list(std::string_view prefix);
// Short content hash for cache-busting URLs of static files.
std::string content_hash(std::string_view data);

}  // namespace mdsc::resources
