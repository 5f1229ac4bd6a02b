#pragma once
#include "web/registry.h"

namespace mdsc::accounts {
// Routes, navigation entries and jobs of the accounts module.
void register_module(web::Registry& registry);
}  // namespace mdsc::accounts
