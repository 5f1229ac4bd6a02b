#pragma once
#include "web/registry.h"

namespace mdsc::app {
// The explicit list of modules, in the order their routes and menus are registered.
void register_modules(web::Registry& registry);
}  // namespace mdsc::app
