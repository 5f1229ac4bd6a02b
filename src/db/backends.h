#pragma once
// Factories for the two backends, called by Database::open.
#include <cstddef>
#include <memory>
#include <string>

#include "db/database.h"

namespace mdsc::db::detail {

std::unique_ptr<Database> open_sqlite(const std::string& path, const std::string& url,
                                      std::size_t pool_size);
std::unique_ptr<Database> open_postgresql(const std::string& conninfo, const std::string& url,
                                          std::size_t pool_size);

}  // namespace mdsc::db::detail
