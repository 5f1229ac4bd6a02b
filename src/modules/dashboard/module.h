#pragma once
#include "web/registry.h"

namespace mdsc::dashboard {
// The home page: the program's public page for visitors, a dashboard for each signed-in role.
void register_module(web::Registry& registry);
}  // namespace mdsc::dashboard
