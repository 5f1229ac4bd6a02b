#pragma once
// Pieces shared by the backends; not part of the public interface.
#include <string>
#include <string_view>

#include "db/database.h"

namespace mdsc::db::detail {

// Rewrites '?' placeholders as prefix + N (N from 1), skipping '?' inside '...' strings, "..."
// identifiers, -- and /* */ comments and PostgreSQL $tag$...$tag$ strings. Returns how many it found.
std::string rewrite_placeholders(std::string_view sql, std::string_view prefix, int* count = nullptr);

// An error message that names the statement (shortened) but none of its values.
std::string describe(std::string_view message, std::string_view sql);

}  // namespace mdsc::db::detail
