#pragma once
#include "web/registry.h"

namespace mdsc::members {
void register_module(web::Registry& registry);
}  // namespace mdsc::members
