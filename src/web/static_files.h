#pragma once
// Static assets embedded in the binary, served at /static/<content-hash>/<name> with a year-long
// immutable cache; a new build changes the hash, so browsers never keep a stale file.
#include <string>
#include <string_view>

#include "web/registry.h"

namespace mdsc::web {

// "/static/1a2b3c4d5e6f7a8b/app.css" for "app.css".
std::string asset_url(std::string_view name);
void register_static_routes(Registry& registry);
std::string content_type_for(std::string_view name);

}  // namespace mdsc::web
