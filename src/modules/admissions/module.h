#pragma once
#include "web/registry.h"

namespace mdsc::admissions {
void register_module(web::Registry& registry);
}  // namespace mdsc::admissions
