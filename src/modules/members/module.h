#pragma once
#include "web/registry.h"

namespace mdsc::members {
void register_module(web::Registry& registry);
// Dashboard panels for the secretariat and partner representatives (panels.cpp).
void register_panels(web::Registry& registry);
}  // namespace mdsc::members
