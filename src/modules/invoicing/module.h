#pragma once
#include "web/registry.h"

namespace mdsc::invoicing {
void register_module(web::Registry& registry);
}  // namespace mdsc::invoicing
