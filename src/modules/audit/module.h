#pragma once
#include "web/registry.h"

namespace mdsc::audit {
// The secretariat's audit log browser and its API.
void register_module(web::Registry& registry);
}  // namespace mdsc::audit
