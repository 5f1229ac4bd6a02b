#pragma once
#include "web/registry.h"

namespace mdsc::system_module {
// /healthz, /readyz and the OpenAPI document.
void register_module(web::Registry& registry);
}  // namespace mdsc::system_module
